using System.Numerics;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Measurement;

/// <summary>A shot-based energy: the estimate, its standard error and the budget spent.</summary>
public sealed record ShotEstimate(double Value, double StandardError, long Shots, int Groups, int Terms);

/// <summary>
/// Samples computational-basis outcomes from a state vector and estimates expectation values from them.
/// </summary>
public static class ShotSampler
{
    /// <summary>
    /// Draws <paramref name="shots"/> outcomes from |ψ_b|² and returns the count of each basis index (length 2^n).
    /// Inverse-CDF sampling: one cumulative table, then a binary search per shot.
    /// </summary>
    public static int[] SampleCounts(ReadOnlySpan<Complex> amplitudes, int shots, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        var cdf = new double[amplitudes.Length];
        double acc = 0;
        for (int i = 0; i < amplitudes.Length; i++)
        {
            var a = amplitudes[i];
            acc += a.Real * a.Real + a.Imaginary * a.Imaginary;
            cdf[i] = acc;
        }
        if (!(acc > 0)) throw new ArgumentException("The state has zero norm; nothing can be sampled.", nameof(amplitudes));
        return DrawFromCumulative(cdf, shots, rng);
    }

    /// <summary>Draws <paramref name="shots"/> indices from an unnormalised cumulative table (last entry = total
    /// weight) by a binary search per shot, and returns the count of each index.</summary>
    internal static int[] DrawFromCumulative(ReadOnlySpan<double> cdf, int shots, Random rng)
    {
        var counts = new int[cdf.Length];
        if (cdf.Length == 0) return counts;
        double total = cdf[^1];
        int last = cdf.Length - 1;
        for (int s = 0; s < shots; s++)
        {
            double u = rng.NextDouble() * total;
            int lo = 0, hi = last;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] > u) hi = mid; else lo = mid + 1;
            }
            // lo is the first index with cdf > u ≥ cdf[lo−1], so zero-probability entries are never chosen
            counts[lo]++;
        }
        return counts;
    }

    /// <summary>
    /// Estimates ⟨ψ|H|ψ⟩ from shots: for each group, the basis change is applied to a copy of ψ, outcomes are sampled,
    /// and the group observable v(b) = Σ c_t (−1)^{|b∧supp t|} is averaged. The standard error combines the per-group
    /// sample variances, σ² = Σ_g s_g²/N_g, which includes the covariances of terms measured together.
    /// </summary>
    public static ShotEstimate Estimate(StateVector state, MeasurementPlan plan, long shots, Random rng)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rng);
        if (plan.QubitCount != state.QubitCount)
            throw new ArgumentException($"The plan is for {plan.QubitCount} qubits, the state has {state.QubitCount}.", nameof(plan));
        var alloc = plan.AllocateShots(shots);
        double value = plan.Constant, variance = 0;
        var work = new StateVector(state.QubitCount, state.Settings);
        for (int gi = 0; gi < plan.Groups.Count; gi++)
        {
            var g = plan.Groups[gi];
            work.CopyFrom(state);
            CircuitSimulator.Run(g.BasisChange(state.QubitCount), ReadOnlySpan<double>.Empty, work);
            var counts = SampleCounts(work.Amplitudes, alloc[gi], rng);
            var (mean, var) = GroupStatistics(g, counts);
            value += mean;
            variance += var / alloc[gi];
        }
        return new ShotEstimate(value, Math.Sqrt(variance), shots, plan.Groups.Count, plan.TermCount);
    }

    /// <summary>Mean and unbiased sample variance of the group observable over a histogram of outcomes.</summary>
    public static (double Mean, double Variance) GroupStatistics(MeasurementGroup group, ReadOnlySpan<int> counts)
    {
        ArgumentNullException.ThrowIfNull(group);
        long n = 0;
        double sum = 0, sum2 = 0;
        for (int b = 0; b < counts.Length; b++)
        {
            int k = counts[b];
            if (k == 0) continue;
            double v = group.Evaluate((ulong)b);
            n += k;
            sum += k * v;
            sum2 += k * v * v;
        }
        if (n == 0) return (0, 0);
        double mean = sum / n;
        double var = n > 1 ? Math.Max(0, (sum2 - n * mean * mean) / (n - 1)) : 0;
        return (mean, var);
    }

    /// <summary>Exact ⟨ψ|H|ψ⟩ through the same basis changes: Σ_g Σ_b |ψ'_b|² v_g(b) (a check of the plan).</summary>
    public static double ExactThroughPlan(StateVector state, MeasurementPlan plan)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        double e = plan.Constant;
        var work = new StateVector(state.QubitCount, state.Settings);
        foreach (var g in plan.Groups)
        {
            work.CopyFrom(state);
            CircuitSimulator.Run(g.BasisChange(state.QubitCount), ReadOnlySpan<double>.Empty, work);
            var a = work.Amplitudes;
            for (int b = 0; b < a.Length; b++)
            {
                double p = a[b].Real * a[b].Real + a[b].Imaginary * a[b].Imaginary;
                if (p != 0) e += p * g.Evaluate((ulong)b);
            }
        }
        return e;
    }
}
