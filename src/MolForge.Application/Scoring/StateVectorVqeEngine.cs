using MolForge.Application.Design;
using MolForge.Application.QuantumScoring;
using MolForge.QChem.ActiveSpace;

namespace MolForge.Application.Scoring;

/// <summary>VQE on every backend of <see cref="ScoringSettings.Backends"/>: the exact state-vector simulator through
/// <see cref="VqeScoringService"/> (the QChem→Quantum bridge: QChem's active-space integrals handed over as plain
/// arrays), the shot and noisy simulators through <see cref="ShotVqe"/>, and an IonQ device through
/// <see cref="HardwareVqe"/>. Engine-wide settings (noise model, optimiser, hardware client) come from
/// <see cref="VqeEngineOptions"/>.</summary>
public sealed class StateVectorVqeEngine(VqeEngineOptions? options = null) : IVqeEngine
{
    private readonly VqeScoringService _service = new();

    /// <summary>The engine's options.</summary>
    public VqeEngineOptions Options { get; } = options ?? new VqeEngineOptions();

    /// <inheritdoc />
    public VqeOutcome Run(ActiveSpaceIntegrals integrals, IReadOnlyList<double> orbitalEnergies, ScoringSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrals);
        ArgumentNullException.ThrowIfNull(settings);
        switch (settings.Backend)
        {
            case "shots":
            case "noisy":
                return ShotVqe.Run(integrals, orbitalEnergies, settings, Options, cancellationToken);
            case "hardware":
                return HardwareVqe.Run(integrals, orbitalEnergies, settings, Options, cancellationToken);
            case "statevector":
                break;
            default:
                throw new NotSupportedException($"backend '{settings.Backend}' is unknown; use one of {string.Join(", ", ScoringSettings.Backends)}");
        }
        cancellationToken.ThrowIfCancellationRequested();
        var problem = new ActiveSpaceProblem(integrals.OrbitalCount, integrals.ElectronCount, integrals.CoreEnergy,
            integrals.OneElectron, integrals.TwoElectron, [.. orbitalEnergies]);
        var score = _service.Score(problem, new VqeScoringOptions(Mapping: settings.Mapping, Ansatz: settings.Ansatz));
        return new VqeOutcome(score.Energy, score.Iterations, score.Parameters, score.Convergence, score.QubitCount, score.PauliTermCount);
    }
}
