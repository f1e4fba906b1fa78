using System.Runtime.CompilerServices;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Measurement;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Qasm;

namespace MolForge.Application.Hardware;

/// <summary>
/// <see cref="IQuantumBackend"/> on an IonQ device: ⟨O⟩ is estimated as on the shot simulator — the Pauli terms in
/// qubit-wise commuting groups (<see cref="MeasurementPlan"/>), shots split over the groups by weight — but each group
/// is one job: the ansatz with bound parameters plus the group's basis change, exported as OpenQASM 3 with a final
/// measurement of every qubit, run on the device, and its measured distribution (× shots = counts) averaged through
/// the group observable. All backends on one client spend at most <see cref="IonQOptions.ShotBudget"/> shots in all.
/// </summary>
public sealed class IonQBackend : IQuantumBackend
{
    private readonly ConditionalWeakTable<QubitOperator, MeasurementPlan> _plans = new();
    private readonly IonQClient _client;
    private readonly CancellationToken _cancellationToken;

    /// <summary>A backend spending <paramref name="shots"/> per expectation value through <paramref name="client"/>.</summary>
    public IonQBackend(IonQClient client, long shots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(shots, 1L);
        _client = client;
        Shots = shots;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Shots per expectation value.</summary>
    public long Shots { get; }

    /// <summary>Shots spent so far.</summary>
    public long ShotsSpent { get; private set; }

    /// <summary>The last estimate.</summary>
    public ShotEstimate? LastEstimate { get; private set; }

    /// <inheritdoc />
    public string Name => "hardware";

    /// <summary>IonQ Forte's register; the provider refuses larger circuits anyway.</summary>
    public int MaxQubits => 36;

    /// <inheritdoc />
    public double Expectation(Circuit circuit, ReadOnlySpan<double> parameters, QubitOperator observable)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        var plan = _plans.GetValue(observable, o => MeasurementPlan.Build(o, circuit.QubitCount));
        // check the whole estimate up front, so that a budget never runs out half-way through the groups
        if (_client.ShotsSubmitted + Shots > _client.Options.ShotBudget)
            throw new HardwareJobException($"hardware shot budget exhausted: {_client.ShotsSubmitted} submitted, {Shots} more needed, budget {_client.Options.ShotBudget}");
        var alloc = plan.AllocateShots(Shots);
        var programs = new string[plan.Groups.Count];
        for (int gi = 0; gi < programs.Length; gi++)
        {
            var c = new Circuit(circuit.QubitCount).Append(circuit).Append(plan.Groups[gi].BasisChange(circuit.QubitCount));
            programs[gi] = QasmExporter.Export(c, parameters, measure: true);
        }
        double value = plan.Constant, variance = 0;
        int dim = 1 << circuit.QubitCount;
        for (int gi = 0; gi < programs.Length; gi++)
        {
            var probabilities = _client.RunAsync(programs[gi], alloc[gi], $"molforge vqe group {gi + 1}/{programs.Length}", _cancellationToken)
                .GetAwaiter().GetResult();
            var counts = new int[dim];
            foreach (var (state, p) in probabilities)
            {
                if (state >= (ulong)dim)
                    throw new HardwareJobException($"IonQ returned state {state} for a {circuit.QubitCount}-qubit circuit");
                counts[state] = (int)Math.Round(p * alloc[gi]);
            }
            var (mean, var) = ShotSampler.GroupStatistics(plan.Groups[gi], counts);
            value += mean;
            variance += var / alloc[gi];
        }
        ShotsSpent += Shots;
        LastEstimate = new ShotEstimate(value, Math.Sqrt(variance), Shots, plan.Groups.Count, plan.TermCount);
        return value;
    }
}
