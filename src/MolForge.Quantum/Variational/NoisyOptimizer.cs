namespace MolForge.Quantum.Variational;

/// <summary>Which optimiser minimises a noisy objective: spsa, nelder-mead, or auto (SPSA, then Nelder–Mead from
/// SPSA's parameters with the rest of the budget when SPSA's trace was still falling).</summary>
public enum NoisyOptimizerMethod
{
    /// <summary>SPSA first; Nelder–Mead with the remaining budget if SPSA did not converge.</summary>
    Auto,

    /// <summary>SPSA only.</summary>
    Spsa,

    /// <summary>Nelder–Mead only.</summary>
    NelderMead,
}

/// <summary>Settings of <see cref="NoisyOptimizer"/>: the total evaluation budget (shots = evaluations × shots per
/// evaluation), the share of it SPSA gets under <see cref="NoisyOptimizerMethod.Auto"/>, the seed, SPSA's first
/// step and Nelder–Mead's initial simplex edge (radians).</summary>
public sealed record NoisyOptimizerOptions(
    NoisyOptimizerMethod Method = NoisyOptimizerMethod.Auto,
    int MaxEvaluations = 400,
    double SpsaShare = 0.6,
    int Seed = 0,
    double InitialStep = 0.02,
    double SimplexStep = 0.1);

/// <summary>What the noisy optimiser did.</summary>
/// <param name="Parameters">The final parameters.</param>
/// <param name="Iterations">Optimiser iterations over both stages.</param>
/// <param name="Evaluations">Objective evaluations spent.</param>
/// <param name="Converged">Whether the last stage met its stopping test.</param>
/// <param name="Trace">The objective estimate per iteration (SPSA's, then Nelder–Mead's).</param>
/// <param name="Methods">The stages run, e.g. "spsa", "spsa+nelder-mead".</param>
public sealed record NoisyOptimizerResult(double[] Parameters, int Iterations, int Evaluations, bool Converged,
    IReadOnlyList<double> Trace, string Methods);

/// <summary>
/// Minimisation of a noisy (sampled) energy within a budget of evaluations: SPSA (Spall 1998), with Nelder–Mead
/// (Gao &amp; Han 2012 coefficients, best vertex re-sampled) as the gradient-free fallback when SPSA's trace shows it
/// was still descending at the end of its share of the budget (<see cref="Spsa.IsStillDescending"/>) or made no
/// measurable progress at all (<see cref="Spsa.Improved"/>; then Nelder–Mead restarts from the initial point).
/// </summary>
public static class NoisyOptimizer
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="initial"/>.</summary>
    public static NoisyOptimizerResult Minimize(Func<double[], double> f, double[] initial, NoisyOptimizerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(initial);
        var o = options ?? new NoisyOptimizerOptions();
        if (o.Method == NoisyOptimizerMethod.NelderMead)
        {
            var nm = NelderMead.Minimize(f, initial, new NelderMeadOptions(o.MaxEvaluations, InitialStep: o.SimplexStep), cancellationToken);
            return new NoisyOptimizerResult(nm.Parameters, nm.Iterations, nm.Evaluations, nm.Converged, nm.Trace, "nelder-mead");
        }
        int spsaBudget = o.Method == NoisyOptimizerMethod.Spsa ? o.MaxEvaluations : Math.Max(12, (int)(o.SpsaShare * o.MaxEvaluations));
        var spsa = Spsa.Minimize(f, initial, new SpsaOptions(MaxEvaluations: spsaBudget, InitialStep: o.InitialStep, Seed: o.Seed), cancellationToken);
        int rest = o.MaxEvaluations - spsa.Evaluations;
        bool improved = Spsa.Improved(spsa.Trace);
        if (o.Method == NoisyOptimizerMethod.Spsa || (spsa.Converged && improved) || rest < initial.Length + 2)
            return new NoisyOptimizerResult(spsa.Parameters, spsa.Iterations, spsa.Evaluations, spsa.Converged, spsa.Trace, "spsa");
        // still descending: continue from SPSA's parameters; no measurable progress (a flat or wandering run): restart
        // from the initial point, which was at least as good
        var start = improved || !spsa.Converged ? spsa.Parameters : initial;
        var fallback = NelderMead.Minimize(f, start, new NelderMeadOptions(rest, InitialStep: o.SimplexStep), cancellationToken);
        return new NoisyOptimizerResult(fallback.Parameters, spsa.Iterations + fallback.Iterations, spsa.Evaluations + fallback.Evaluations,
            fallback.Converged, [.. spsa.Trace, .. fallback.Trace], "spsa+nelder-mead");
    }
}
