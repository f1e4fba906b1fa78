using System.Runtime.CompilerServices;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Measurement;
using MolForge.Quantum.Noise;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Backends;

/// <summary>What a noisy estimate returned: the (mitigated) value, its standard error, and the unmitigated value.</summary>
public sealed record NoisyEstimate(double Value, double StandardError, double Unmitigated, long Shots, int Groups, int Terms);

/// <summary>
/// Noisy shot backend: density-matrix simulation under a <see cref="NoiseModel"/> for registers up to
/// <see cref="DensityMatrix.MaxQubits"/> qubits, Monte-Carlo trajectories (<see cref="NoisySimulator.EstimateTrajectories"/>,
/// depolarising noise only) above that; shots through the readout error, optional readout-error mitigation (calibrated once per register size) and optional zero-noise
/// extrapolation (Richardson over the folding scales). Seeded.
/// </summary>
public sealed class NoisyBackend : IQuantumBackend
{
    private readonly ConditionalWeakTable<QubitOperator, MeasurementPlan> _plans = new();
    private readonly Dictionary<int, ReadoutCalibration> _calibrations = new();
    private readonly Random _rng;

    /// <summary>A noisy backend; <paramref name="zneScales"/> null or empty turns ZNE off (e.g. [1, 3, 5]).</summary>
    public NoisyBackend(NoiseModel model, long shots, int seed, bool readoutMitigation = true, int[]? zneScales = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(shots, 1L);
        Model = model;
        Shots = shots;
        ReadoutMitigation = readoutMitigation;
        ZneScales = zneScales is { Length: > 0 } ? zneScales : null;
        if (ZneScales is { Length: 1 }) throw new ArgumentException("Zero-noise extrapolation needs at least two scales.", nameof(zneScales));
        _rng = new Random(seed);
    }

    /// <summary>The noise model.</summary>
    public NoiseModel Model { get; }

    /// <summary>Shots per expectation value (per noise scale with ZNE; calibration shots are extra).</summary>
    public long Shots { get; }

    /// <summary>Whether readout errors are mitigated.</summary>
    public bool ReadoutMitigation { get; }

    /// <summary>ZNE folding scales, or null.</summary>
    public int[]? ZneScales { get; }

    /// <inheritdoc />
    public string Name => "noisy";

    /// <inheritdoc />
    public int MaxQubits => 20;

    /// <summary>Trajectories per estimate above the density-matrix limit: Shots/1000, between 16 and 256.</summary>
    public int Trajectories => (int)Math.Clamp(Shots / 1000, 16, 256);

    /// <summary>The last estimate.</summary>
    public NoisyEstimate? LastEstimate { get; private set; }

    /// <inheritdoc />
    public double Expectation(Circuit circuit, ReadOnlySpan<double> parameters, QubitOperator observable)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        int n = circuit.QubitCount;
        if (n > MaxQubits)
            throw new ArgumentException($"The noisy backend simulates at most {MaxQubits} qubits (by density matrix up to {DensityMatrix.MaxQubits}, by trajectories above); the circuit has {n}.", nameof(circuit));
        var plan = _plans.GetValue(observable, o => MeasurementPlan.Build(o, n));
        ReadoutCalibration? cal = null;
        if (ReadoutMitigation && (Model.ReadoutP01 > 0 || Model.ReadoutP10 > 0))
        {
            if (!_calibrations.TryGetValue(n, out cal))
                _calibrations[n] = cal = NoisySimulator.Calibrate(n, Model, (int)Math.Min(Shots, 1_000_000), _rng);
        }
        int[] scales = ZneScales ?? [1];
        var values = new double[scales.Length];
        var errors = new double[scales.Length];
        double unmitigated = double.NaN;
        for (int i = 0; i < scales.Length; i++)
        {
            ShotEstimate est;
            if (n <= DensityMatrix.MaxQubits)
            {
                var rho = ZeroNoiseExtrapolation.RunFolded(circuit, parameters, Model, scales[i]);
                est = NoisySimulator.Estimate(rho, plan, Model, Shots, _rng, cal);
                if (scales[i] == 1)
                    unmitigated = cal is null ? est.Value : NoisySimulator.Estimate(rho, plan, Model, Shots, _rng).Value;
            }
            else
            {
                var folded = ZeroNoiseExtrapolation.FoldedNative(circuit, parameters, scales[i]);
                est = NoisySimulator.EstimateTrajectories(folded, plan, Model, Shots, Trajectories, _rng, cal);
                if (scales[i] == 1)
                    unmitigated = cal is null ? est.Value : NoisySimulator.EstimateTrajectories(folded, plan, Model, Shots, Trajectories, _rng).Value;
            }
            values[i] = est.Value;
            errors[i] = est.StandardError;
        }
        double value, se;
        if (scales.Length == 1)
        {
            value = values[0];
            se = errors[0];
        }
        else
        {
            var s = scales.Select(x => (double)x).ToArray();
            value = ZeroNoiseExtrapolation.Richardson(s, values);
            // independent estimates: σ² = Σ w_i² σ_i² with the Richardson weights w_i
            double v = 0;
            for (int i = 0; i < s.Length; i++)
            {
                double w = 1;
                for (int j = 0; j < s.Length; j++) if (j != i) w *= s[j] / (s[j] - s[i]);
                v += w * w * errors[i] * errors[i];
            }
            se = Math.Sqrt(v);
        }
        LastEstimate = new NoisyEstimate(value, se, unmitigated, Shots * scales.Length, plan.Groups.Count, plan.TermCount);
        return value;
    }
}
