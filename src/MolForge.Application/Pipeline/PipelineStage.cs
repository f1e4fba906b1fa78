namespace MolForge.Application.Pipeline;

/// <summary>Where a design run, or one candidate in it, is.</summary>
public enum PipelineStage
{
    Queued,
    Generating,
    Filtering,
    Descriptors,
    Conformer,
    Rhf,
    ActiveSpace,
    Hamiltonian,
    Vqe,
    Ranking,
    Storing,
    Done,
    Failed,
    Cancelled,
}

/// <summary>Progress of one candidate.</summary>
public sealed record CandidateProgress(int Index, string Smiles, PipelineStage Stage, string? Error = null);

/// <summary>Progress of a design run: the run's stage, counts, and the candidate that just moved (if any).</summary>
public sealed record DesignProgress(
    Guid RunId,
    PipelineStage Stage,
    int Total,
    int Scored,
    int Failed,
    CandidateProgress? Candidate = null,
    string? Message = null);
