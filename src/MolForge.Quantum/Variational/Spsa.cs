using System.Diagnostics;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Variational;

/// <summary>
/// SPSA settings (Spall, IEEE Trans. Aerospace Electron. Syst. 34, 817 (1998)): gain sequences a_k = a/(k+1+A)^α and
/// c_k = c/(k+1)^γ; a is calibrated so the first step has length <see cref="InitialStep"/> (when
/// <see cref="LearningRate"/> is null). <see cref="MaxEvaluations"/> is the budget: with a shot backend it is the shot
/// budget divided by the shots per evaluation.
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
    int Seed = 0);

/// <summary>SPSA outcome: the averaged parameters, the last objective estimates, and the evaluations spent.</summary>
public sealed record SpsaResult(double[] Parameters, double LastEstimate, int Iterations, int Evaluations, double Seconds);

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
        var o = options ?? new SpsaOptions();
        if (o.MaxEvaluations < 2 * o.CalibrationSamples + 2)
            throw new ArgumentOutOfRangeException(nameof(options), o.MaxEvaluations, $"SPSA needs at least {2 * o.CalibrationSamples + 2} evaluations (calibration plus one iteration).");
        var x = (double[])(initial ?? new double[ansatz.ParameterCount]).Clone();
        ansatz.ValidateParameters(x);
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
            double fp = backend.Expectation(ansatz, plus, hamiltonian);
            double fm = backend.Expectation(ansatz, minus, hamiltonian);
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
        for (int k = 0; k < iterations; k++)
        {
            double ak = a / Math.Pow(k + 1 + stability, o.Alpha);
            double ck = o.Perturbation / Math.Pow(k + 1, o.Gamma);
            double d = Difference(ck);
            for (int i = 0; i < dim; i++) x[i] -= ak * d * delta[i];
            if (k >= averageFrom)
            {
                averaged++;
                for (int i = 0; i < dim; i++) mean[i] += (x[i] - mean[i]) / averaged;
            }
        }
        return new SpsaResult(mean, last, iterations, evals, sw.Elapsed.TotalSeconds);
    }
}
