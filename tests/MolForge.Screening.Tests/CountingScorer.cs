using System.Collections.Concurrent;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Screening;

namespace MolForge.Screening.Tests;

/// <summary>The Hückel scorer (real, cheap, deterministic) registered as the pipeline scorer, counting calls per SMILES.</summary>
internal sealed class CountingScorer(TimeSpan delay = default) : ICandidateScorer
{
    private readonly HuckelScreeningScorer _inner = new();
    public ConcurrentDictionary<string, int> Calls { get; } = new();
    public int Total => Calls.Values.Sum();

    public async Task<CandidateScoreResult> ScoreAsync(string smiles, ScoringSettings settings, IProgress<PipelineStage>? stageProgress, CancellationToken cancellationToken)
    {
        Calls.AddOrUpdate(smiles, 1, (_, n) => n + 1);
        if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken);
        return await _inner.ScoreAsync(smiles, settings, stageProgress, cancellationToken);
    }
}
