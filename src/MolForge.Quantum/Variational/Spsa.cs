using System.Diagnostics;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Variational;

/// <summary>
/// SPSA settings (Spall, IEEE Trans. Aerospace Electron. Syst. 34, 817 (1998)): gain sequences a_k = a/(k+1+A)^α and
/// c_k = c/(k+1)^γ; a is calibrated so the first step has length <see cref="InitialStep"/> (when
/// <see cref="LearningRate"/> is null). <see cref="MaxEvaluations"/> is the budget: with a shot backend it is the shot
/// budget divided by the shots per evaluation. <see cref="MaxStep"/> bounds the length of one update (radians): near a
/// flat, noisy start the calibrated gain can be far too large for the curvature met later, and unbounded steps then
/// overshoot and wander (cf. the trust region of Qiskit's SPSA and Spall's bounded iterates).
/// </summary>
public sealed record SpsaOptions(
    int MaxEvaluations = 400,
    double Perturbation = 0.1,
    double? LearningRate = null,
    double InitialStep = 0.05,
    double Alpha = 0.602,
    double Gamma = 0.101,
    int CalibrationSamples = 5,
    double AveragedFraction = 0.25,
    int Seed = 0,
    double MaxStep = 0.1);

/// <summary>SPSA outcome: the averaged parameters, the last objective estimates, and the evaluations spent.</summary>
public sealed record SpsaResult(double[] Parameters, double LastEstimate, int Iterations, int Evaluations, double Seconds)
{
    /// <summary>Per iteration, the objective estimate at the iterate (the mean of f(θ+cΔ) and f(θ−cΔ)).</summary>
    public IReadOnlyList<double> Trace { get; init; } = [];

    /// <summary>False when the trace was still falling significantly at the end of the budget (see
    /// <see cref="Spsa.IsStillDescending"/>): the budget was too small, and a fallback optimiser should continue.</summary>
    public bool Converged { get; init; } = true;
}

/// <summary>
/// Simultaneous-perturbation stochastic approximation for noisy objectives (shot-based or noisy backends): two
/// evaluations per iteration whatever the number of parameters, g_k = (f(θ+c_kΔ) − f(θ−c_kΔ)) / (2c_k) · Δ with
/// Rademacher Δ. The returned parameters are the average of the last <see cref="SpsaOptions.AveragedFraction"/> of
/// the iterates (Polyak–Ruppert averaging), which cancels much of the shot noise.
/// </summary>
public static class Spsa
{
    /// <summary>Minimises ⟨H⟩ on <paramref name="backend"/> from <paramref name="initial"/> (zeros when null).</summary>
    public static SpsaResult Minimize(IQuantumBackend backend, Circuit ansatz, QubitOperator hamiltonian, double[]? initial = null, SpsaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(ansatz);
        ArgumentNullException.ThrowIfNull(hamiltonian);
        var x0 = initial ?? new double[ansatz.ParameterCount];
        ansatz.ValidateParameters(x0);
        return Minimize(p => backend.Expectation(ansatz, p, hamiltonian), x0, options);
    }

    /// <summary>Minimises a noisy objective <paramref name="f"/> from <paramref name="initial"/>.</summary>
    public static SpsaResult Minimize(Func<double[], double> f, double[] initial, SpsaOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(initial);
        var o = options ?? new SpsaOptions();
        if (o.MaxEvaluations < 2 * o.CalibrationSamples + 2)
            throw new ArgumentOutOfRangeException(nameof(options), o.MaxEvaluations, $"SPSA needs at least {2 * o.CalibrationSamples + 2} evaluations (calibration plus one iteration).");
        var x = (double[])initial.Clone();
        int dim = x.Length;
        var rng = new Random(o.Seed);
        var sw = Stopwatch.StartNew();
        int evals = 0;
        var plus = new double[dim];
        var minus = new double[dim];
        var delta = new double[dim];
        double last = double.NaN;

        double Difference(double c)
        {
            for (int i = 0; i < dim; i++)
            {
                delta[i] = rng.Next(2) == 0 ? -1 : 1;
                plus[i] = x[i] + c * delta[i];
                minus[i] = x[i] - c * delta[i];
            }
            cancellationToken.ThrowIfCancellationRequested();
            double fp = f(plus);
            double fm = f(minus);
            evals += 2;
            last = 0.5 * (fp + fm);
            return (fp - fm) / (2 * c);
        }

        int iterations = (o.MaxEvaluations - (o.LearningRate is null ? 2 * o.CalibrationSamples : 0)) / 2;
        double stability = 0.1 * iterations;
        double a;
        if (o.LearningRate is double lr) a = lr;
        else
        {
            // calibration: the mean |g| component sets a so that the first step moves each parameter by InitialStep
            double mag = 0;
            for (int s = 0; s < o.CalibrationSamples; s++) mag += Math.Abs(Difference(o.Perturbation));
            mag /= o.CalibrationSamples;
            a = mag > 0 ? o.InitialStep * Math.Pow(stability + 1, o.Alpha) / mag : o.InitialStep;
        }
        int averageFrom = iterations - Math.Max(1, (int)(o.AveragedFraction * iterations));
        var mean = new double[dim];
        int averaged = 0;
        var trace = new double[iterations];
        for (int k = 0; k < iterations; k++)
        {
            double ak = a / Math.Pow(k + 1 + stability, o.Alpha);
            double ck = o.Perturbation / Math.Pow(k + 1, o.Gamma);
            double d = Difference(ck);
            trace[k] = last;
            // the update is ak·d·Δ with |Δ| = √dim; clip its length to MaxStep
            double step = ak * d;
            double length = Math.Abs(step) * Math.Sqrt(dim);
            if (length > o.MaxStep) step *= o.MaxStep / length;
            for (int i = 0; i < dim; i++) x[i] -= step * delta[i];
            if (k >= averageFrom)
            {
                averaged++;
                for (int i = 0; i < dim; i++) mean[i] += (x[i] - mean[i]) / averaged;
            }
        }
        return new SpsaResult(mean, last, iterations, evals, sw.Elapsed.TotalSeconds) { Trace = trace, Converged = !IsStillDescending(trace) };
    }

    /// <summary>
    /// True when the objective was still falling at the end of a noisy trace: the mean of the last window (a tenth
    /// of the trace, at least 5 points) lies more than two standard errors (from the two windows' own scatter, which
    /// is mostly shot noise) below the mean of the window before it. A Welch-style test of a flat tail.
    /// </summary>
    public static bool IsStillDescending(IReadOnlyList<double> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        int w = Math.Max(5, trace.Count / 10);
        if (trace.Count < 2 * w) return true; // too short to tell: treat as not converged
        var (m1, v1) = Moments(trace, trace.Count - 2 * w, w);
        var (m2, v2) = Moments(trace, trace.Count - w, w);
        return m1 - m2 > 2 * Math.Sqrt((v1 + v2) / w);
    }

    /// <summary>
    /// True when the run made measurable progress: the mean of the last window lies more than two standard errors
    /// below the mean of the first (windows as in <see cref="IsStillDescending"/>). A run that wandered off or merely
    /// stayed put fails this test.
    /// </summary>
    public static bool Improved(IReadOnlyList<double> trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        int w = Math.Max(5, trace.Count / 10);
        if (trace.Count < 2 * w) return false;
        var (m1, v1) = Moments(trace, 0, w);
        var (m2, v2) = Moments(trace, trace.Count - w, w);
        return m1 - m2 > 2 * Math.Sqrt((v1 + v2) / w);
    }

    private static (double Mean, double Variance) Moments(IReadOnlyList<double> t, int start, int count)
    {
        double m = 0;
        for (int i = 0; i < count; i++) m += t[start + i];
        m /= count;
        double v = 0;
        for (int i = 0; i < count; i++) v += (t[start + i] - m) * (t[start + i] - m);
        return (m, v / (count - 1));
    }
}
