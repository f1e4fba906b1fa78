using MolForge.Application.Design;
using MolForge.Application.QuantumScoring;
using MolForge.QChem.ActiveSpace;

namespace MolForge.Application.Scoring;

/// <summary>VQE on the exact state-vector simulator through <see cref="VqeScoringService"/> (the QChem→Quantum bridge:
/// QChem's active-space integrals handed over as plain arrays).</summary>
public sealed class StateVectorVqeEngine : IVqeEngine
{
    private readonly VqeScoringService _service = new();

    /// <inheritdoc />
    public VqeOutcome Run(ActiveSpaceIntegrals integrals, IReadOnlyList<double> orbitalEnergies, ScoringSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(integrals);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Backend == "shots") return ShotVqe.Run(integrals, orbitalEnergies, settings, cancellationToken);
        if (settings.Backend != "statevector")
            throw new NotSupportedException($"backend '{settings.Backend}' is not available yet; use statevector or shots");
        cancellationToken.ThrowIfCancellationRequested();
        var problem = new ActiveSpaceProblem(integrals.OrbitalCount, integrals.ElectronCount, integrals.CoreEnergy,
            integrals.OneElectron, integrals.TwoElectron, [.. orbitalEnergies]);
        var score = _service.Score(problem, new VqeScoringOptions(Mapping: settings.Mapping, Ansatz: settings.Ansatz));
        return new VqeOutcome(score.Energy, score.Iterations, score.Parameters, [], score.QubitCount, score.PauliTermCount);
    }
}
