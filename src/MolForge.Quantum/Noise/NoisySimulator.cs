using MolForge.Quantum.Circuits;
using MolForge.Quantum.Measurement;
using MolForge.Quantum.Qasm;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Noise;

/// <summary>Per-qubit readout error rates measured from calibration circuits.</summary>
public sealed record ReadoutCalibration(double[] P01, double[] P10);

/// <summary>
/// Density-matrix simulation of a circuit under a <see cref="NoiseModel"/>, shot sampling with readout error, and
/// readout-error mitigation by inverting the calibrated per-qubit confusion matrices (tensor-product model;
/// Bravyi, Sheldon, Kandala, Mckay &amp; Gambetta, Phys. Rev. A 103, 042605 (2021)).
/// </summary>
public static class NoisySimulator
{
    /// <summary>
    /// The circuit in native gates (one-qubit gates, one-qubit rotations, cx/cy/cz): the same decomposition the
    /// OpenQASM export writes, so noise is applied to what a device would run.
    /// </summary>
    public static Circuit Native(Circuit circuit, ReadOnlySpan<double> parameters) =>
        QasmParser.Parse(QasmExporter.Export(circuit, parameters)).Circuit;

    /// <summary>ρ = noisy U(θ)|0⟩⟨0|U(θ)†: a depolarising channel after every native gate.</summary>
    public static DensityMatrix Run(Circuit circuit, ReadOnlySpan<double> parameters, NoiseModel model)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        var native = Native(circuit, parameters);
        var rho = new DensityMatrix(circuit.QubitCount);
        foreach (var g in native.Gates) ZeroNoiseExtrapolation.NoisyGate(rho, g, model);
        return rho;
    }

    /// <summary>Outcome probabilities after independent per-qubit readout flips.</summary>
    public static double[] WithReadoutError(ReadOnlySpan<double> probabilities, int qubitCount, ReadOnlySpan<double> p01, ReadOnlySpan<double> p10)
    {
        var p = probabilities.ToArray();
        for (int q = 0; q < qubitCount; q++)
        {
            // column-stochastic confusion matrix A = [[1−p01, p10], [p01, 1−p10]] on qubit q
            ApplyTwoByTwo(p, q, 1 - p01[q], p10[q], p01[q], 1 - p10[q]);
        }
        return p;
    }

    /// <summary>Quasi-probabilities A⁻¹ p, qubit by qubit (A⁻¹ of the tensor product is the product of inverses).</summary>
    public static double[] Mitigate(ReadOnlySpan<double> measured, int qubitCount, ReadoutCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var p = measured.ToArray();
        for (int q = 0; q < qubitCount; q++)
        {
            double a = 1 - calibration.P01[q], b = calibration.P10[q], c = calibration.P01[q], d = 1 - calibration.P10[q];
            double det = a * d - b * c;
            if (Math.Abs(det) < 1e-6) throw new InvalidOperationException($"The calibrated readout of qubit {q} is not invertible (p01 + p10 ≈ 1).");
            ApplyTwoByTwo(p, q, d / det, -b / det, -c / det, a / det);
        }
        return p;
    }

    private static void ApplyTwoByTwo(double[] p, int q, double m00, double m01, double m10, double m11)
    {
        int bit = 1 << q;
        for (int i = 0; i < p.Length; i++)
        {
            if ((i & bit) != 0) continue;
            double p0 = p[i], p1 = p[i | bit];
            p[i] = m00 * p0 + m01 * p1;
            p[i | bit] = m10 * p0 + m11 * p1;
        }
    }

    /// <summary>Draws shots from a probability vector (inverse CDF).</summary>
    public static int[] Sample(ReadOnlySpan<double> probabilities, int shots, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var cdf = new double[probabilities.Length];
        double acc = 0;
        for (int i = 0; i < cdf.Length; i++) { acc += Math.Max(0, probabilities[i]); cdf[i] = acc; }
        return Measurement.ShotSampler.DrawFromCumulative(cdf, shots, rng);
    }

    /// <summary>
    /// Calibration: prepare |0…0⟩ and |1…1⟩, measure each <paramref name="shots"/> times through the noisy readout,
    /// and estimate every qubit's p01 and p10 from the marginal flip frequencies.
    /// </summary>
    public static ReadoutCalibration Calibrate(int qubitCount, NoiseModel model, int shots, Random rng)
    {
        ArgumentNullException.ThrowIfNull(model);
        int dim = 1 << qubitCount;
        var uniform01 = Enumerable.Repeat(model.ReadoutP01, qubitCount).ToArray();
        var uniform10 = Enumerable.Repeat(model.ReadoutP10, qubitCount).ToArray();
        var p01 = new double[qubitCount];
        var p10 = new double[qubitCount];
        foreach (int prepared in new[] { 0, dim - 1 })
        {
            var ideal = new double[dim];
            ideal[prepared] = 1;
            var counts = Sample(WithReadoutError(ideal, qubitCount, uniform01, uniform10), shots, rng);
            for (int b = 0; b < dim; b++)
            {
                if (counts[b] == 0) continue;
                int flipped = b ^ prepared;
                for (int q = 0; q < qubitCount; q++)
                    if (((flipped >> q) & 1) != 0)
                    {
                        if (prepared == 0) p01[q] += counts[b]; else p10[q] += counts[b];
                    }
            }
        }
        for (int q = 0; q < qubitCount; q++) { p01[q] /= shots; p10[q] /= shots; }
        return new ReadoutCalibration(p01, p10);
    }

    /// <summary>
    /// Shot-based energy of a noisy state: per measurement group the basis change is applied to ρ (noiselessly: the
    /// basis-change gates are assumed part of the measurement), outcomes are drawn through the readout error, and,
    /// with a calibration, the histogram is mitigated before the group observable is averaged. The standard error
    /// of a mitigated estimate uses the quasi-probability second moment (an approximation).
    /// </summary>
    public static ShotEstimate Estimate(DensityMatrix rho, MeasurementPlan plan, NoiseModel model, long shots, Random rng, ReadoutCalibration? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(rho);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        int n = rho.QubitCount;
        var p01 = Enumerable.Repeat(model.ReadoutP01, n).ToArray();
        var p10 = Enumerable.Repeat(model.ReadoutP10, n).ToArray();
        var alloc = plan.AllocateShots(shots);
        double value = plan.Constant, variance = 0;
        for (int gi = 0; gi < plan.Groups.Count; gi++)
        {
            var g = plan.Groups[gi];
            var work = rho.Clone();
            foreach (var gate in g.BasisChange(n).Gates) work.Apply(gate, ReadOnlySpan<double>.Empty);
            var counts = Sample(WithReadoutError(work.Probabilities(), n, p01, p10), alloc[gi], rng);
            var (mean, groupVariance) = GroupMoments(g, counts, alloc[gi], n, calibration);
            value += mean;
            variance += groupVariance / Math.Max(1, alloc[gi] - 1);
        }
        return new ShotEstimate(value, Math.Sqrt(variance), shots, plan.Groups.Count, plan.TermCount);
    }

    /// <summary>
    /// Shot-based energy of a noisy circuit too large for a density matrix: <paramref name="trajectories"/> Monte-Carlo
    /// trajectories of <paramref name="native"/> (<see cref="TrajectorySimulator.RunTrajectory"/>), each group's shots
    /// split evenly over them; per trajectory and group the basis change is applied, the outcome distribution passed
    /// through the readout error and sampled. A shot is thus drawn from the noisy process exactly (depolarising noise
    /// is a Pauli mixture), but shots sharing a trajectory are correlated: the standard error is therefore taken from
    /// the scatter of the per-trajectory energies E_t (each from that trajectory's shots, mitigated alike; a group
    /// without shots in a trajectory contributes its pooled mean), σ = sd(E_t)/√T, and never below the pooled-histogram
    /// shot error of <see cref="Estimate"/>.
    /// </summary>
    public static ShotEstimate EstimateTrajectories(Circuit native, MeasurementPlan plan, NoiseModel model, long shots, int trajectories, Random rng, ReadoutCalibration? calibration = null)
    {
        ArgumentNullException.ThrowIfNull(native);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        if (model.AmplitudeDamping > 0 || model.PhaseDamping > 0)
            throw new NotSupportedException("Trajectories unravel depolarising (Pauli) noise only; amplitude and phase damping need the density-matrix simulator (at most " + DensityMatrix.MaxQubits + " qubits).");
        int n = native.QubitCount;
        int dim = 1 << n;
        var p01 = Enumerable.Repeat(model.ReadoutP01, n).ToArray();
        var p10 = Enumerable.Repeat(model.ReadoutP10, n).ToArray();
        var alloc = plan.AllocateShots(shots);
        var counts = new int[plan.Groups.Count][];
        for (int gi = 0; gi < counts.Length; gi++) counts[gi] = new int[dim];
        var psi = new StateVector(n);
        var work = new StateVector(n);
        var probabilities = new double[dim];
        var perTrajectory = new double[trajectories, counts.Length];
        var has = new bool[trajectories, counts.Length];
        for (int t = 0; t < trajectories; t++)
        {
            TrajectorySimulator.RunTrajectory(native, model, rng, psi);
            for (int gi = 0; gi < counts.Length; gi++)
            {
                int share = alloc[gi] / trajectories + (t < alloc[gi] % trajectories ? 1 : 0);
                if (share == 0) continue;
                work.CopyFrom(psi);
                CircuitSimulator.Run(plan.Groups[gi].BasisChange(n), ReadOnlySpan<double>.Empty, work);
                var a = work.Amplitudes;
                for (int b = 0; b < dim; b++) probabilities[b] = a[b].Real * a[b].Real + a[b].Imaginary * a[b].Imaginary;
                var drawn = Sample(WithReadoutError(probabilities, n, p01, p10), share, rng);
                var c = counts[gi];
                for (int b = 0; b < dim; b++) c[b] += drawn[b];
                perTrajectory[t, gi] = GroupMoments(plan.Groups[gi], drawn, share, n, calibration).Mean;
                has[t, gi] = true;
            }
        }
        double value = plan.Constant, variance = 0;
        var pooled = new double[counts.Length];
        for (int gi = 0; gi < counts.Length; gi++)
        {
            var (m1, v) = GroupMoments(plan.Groups[gi], counts[gi], alloc[gi], n, calibration);
            pooled[gi] = m1;
            value += m1;
            variance += v / Math.Max(1, alloc[gi] - 1);
        }
        if (trajectories > 1)
        {
            double sum = 0, sum2 = 0;
            for (int t = 0; t < trajectories; t++)
            {
                double e = plan.Constant;
                for (int gi = 0; gi < counts.Length; gi++) e += has[t, gi] ? perTrajectory[t, gi] : pooled[gi];
                sum += e;
                sum2 += e * e;
            }
            double mean = sum / trajectories;
            double between = Math.Max(0, (sum2 - trajectories * mean * mean) / (trajectories - 1)) / trajectories;
            variance = Math.Max(variance, between);
        }
        return new ShotEstimate(value, Math.Sqrt(variance), shots, plan.Groups.Count, plan.TermCount);
    }

    /// <summary>Mean and variance of a group observable over a histogram of <paramref name="total"/> shots, after
    /// readout mitigation when a calibration is given (quasi-probabilities).</summary>
    private static (double Mean, double Variance) GroupMoments(MeasurementGroup g, int[] counts, int total, int n, ReadoutCalibration? calibration)
    {
        var freq = new double[counts.Length];
        for (int b = 0; b < freq.Length; b++) freq[b] = counts[b] / (double)total;
        if (calibration is not null) freq = Mitigate(freq, n, calibration);
        double m1 = 0, m2 = 0;
        for (int b = 0; b < freq.Length; b++)
        {
            if (freq[b] == 0) continue;
            double v = g.Evaluate((ulong)b);
            m1 += freq[b] * v;
            m2 += freq[b] * v * v;
        }
        return (m1, Math.Max(0, m2 - m1 * m1));
    }
}
