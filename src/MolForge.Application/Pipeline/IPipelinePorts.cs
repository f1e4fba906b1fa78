using MolForge.Application.Design;

namespace MolForge.Application.Pipeline;

/// <summary>Proposes candidates for a prompt (the generative model with the prompt's hard constraints).</summary>
public interface ICandidateGenerator
{
    /// <summary>Up to <see cref="DesignPrompt.Count"/> distinct canonical SMILES meeting the hard constraints, with a
    /// message when fewer could be made within the time budget.</summary>
    Task<GenerationOutcome> GenerateAsync(DesignPrompt prompt, CancellationToken cancellationToken);
}

/// <summary>What the generator produced.</summary>
public sealed record GenerationOutcome(IReadOnlyList<string> Smiles, string? Message = null);

/// <summary>Scores one molecule: descriptors, conformer, RHF, active space, Hamiltonian, VQE/CASCI as the settings
/// ask. The design pipeline and bulk screening share it.</summary>
public interface ICandidateScorer
{
    /// <summary>Scores <paramref name="smiles"/>; failures are returned (with the stage) rather than thrown, so one bad
    /// molecule never aborts a run. Cancellation throws.</summary>
    Task<CandidateScoreResult> ScoreAsync(string smiles, ScoringSettings settings, IProgress<PipelineStage>? stageProgress, CancellationToken cancellationToken);
}
