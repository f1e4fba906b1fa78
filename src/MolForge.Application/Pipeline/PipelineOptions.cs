namespace MolForge.Application.Pipeline;

/// <summary>Settings of the design pipeline.</summary>
public sealed record PipelineOptions
{
    /// <summary>Candidates scored at once (each RHF is itself multi-threaded, so the default stays small).</summary>
    public int MaxParallelCandidates { get; init; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Reuse results cached by canonical SMILES + settings.</summary>
    public bool UseCache { get; init; } = true;
}
