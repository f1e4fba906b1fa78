using System.Runtime.CompilerServices;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Measurement;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Simulation.Kernels;

namespace MolForge.Quantum.Backends;

/// <summary>
/// Shot-based backend: runs the circuit on a state vector, then estimates ⟨O⟩ from sampled bitstrings of the
/// qubit-wise commuting measurement groups (<see cref="MeasurementPlan"/>), as a device would. Seeded, so runs repeat.
/// </summary>
public sealed class ShotBackend : IQuantumBackend
{
    private readonly ConditionalWeakTable<QubitOperator, MeasurementPlan> _plans = new();
    private readonly Random _rng;

    /// <summary>A backend spending <paramref name="shots"/> shots per expectation value.</summary>
    public ShotBackend(long shots, int seed, KernelSettings settings = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shots, 1L);
        Shots = shots;
        _rng = new Random(seed);
        Settings = settings;
    }

    /// <summary>Shots per expectation value.</summary>
    public long Shots { get; }

    /// <summary>Kernel settings of the state-vector part.</summary>
    public KernelSettings Settings { get; }

    /// <inheritdoc />
    public string Name => "shots";

    /// <inheritdoc />
    public int MaxQubits => 26;

    /// <summary>The last estimate (value, standard error, groups).</summary>
    public ShotEstimate? LastEstimate { get; private set; }

    /// <summary>Total shots spent so far.</summary>
    public long ShotsSpent { get; private set; }

    /// <summary>The measurement plan used for an observable (built once per operator instance).</summary>
    public MeasurementPlan PlanFor(QubitOperator observable, int qubitCount) =>
        _plans.GetValue(observable, o => MeasurementPlan.Build(o, qubitCount));

    /// <inheritdoc />
    public double Expectation(Circuit circuit, ReadOnlySpan<double> parameters, QubitOperator observable)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        if (circuit.QubitCount > MaxQubits)
            throw new ArgumentException($"The shot backend simulates at most {MaxQubits} qubits; the circuit has {circuit.QubitCount}.", nameof(circuit));
        var plan = PlanFor(observable, circuit.QubitCount);
        var psi = new StateVector(circuit.QubitCount, Settings);
        CircuitSimulator.Run(circuit, parameters, psi);
        var est = ShotSampler.Estimate(psi, plan, Shots, _rng);
        LastEstimate = est;
        ShotsSpent += est.Shots;
        return est.Value;
    }
}
