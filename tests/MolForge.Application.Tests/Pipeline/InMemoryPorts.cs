using System.Collections.Concurrent;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Storage;

namespace MolForge.Application.Tests.Pipeline;

/// <summary>In-memory repository for orchestration tests (the EF Core ones are tested in MolForge.Data.Tests).</summary>
internal sealed class InMemoryRuns : IDesignRunRepository
{
    public ConcurrentDictionary<Guid, DesignRun> Runs { get; } = new();

    public Task AddAsync(DesignRun run, CancellationToken cancellationToken = default) =>
        Runs.TryAdd(run.Id, run) ? Task.CompletedTask : throw new InvalidOperationException("duplicate key");

    public Task UpdateAsync(DesignRun run, CancellationToken cancellationToken = default) { Runs[run.Id] = run; return Task.CompletedTask; }

    public Task<DesignRun?> GetAsync(Guid id, string ownerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Runs.TryGetValue(id, out var r) && r.OwnerId == ownerId ? r : null);

    public Task<IReadOnlyList<DesignRun>> ListAsync(string ownerId, int skip = 0, int take = 100, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DesignRun>>(Runs.Values.Where(r => r.OwnerId == ownerId).ToList());

    public Task<bool> DeleteAsync(Guid id, string ownerId, CancellationToken cancellationToken = default) => Task.FromResult(Runs.TryRemove(id, out _));
}

internal sealed class InMemoryCache : IScoreCache
{
    public ConcurrentDictionary<string, string> Entries { get; } = new();
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult(Entries.TryGetValue(key, out var v) ? v : null);
    public Task SetAsync(string key, string resultJson, CancellationToken cancellationToken = default) { Entries[key] = resultJson; return Task.CompletedTask; }
}

internal sealed class FixedGenerator(params string[] smiles) : ICandidateGenerator
{
    public Task<GenerationOutcome> GenerateAsync(DesignPrompt prompt, CancellationToken cancellationToken) =>
        Task.FromResult(new GenerationOutcome(smiles.Take(prompt.Count).ToArray()));
}

/// <summary>A scorer whose "molecular weight" is 10 per character and that fails on any SMILES containing 'X'.</summary>
internal sealed class CountingScorer : ICandidateScorer
{
    private int _calls;
    public int Calls => _calls;
    public TaskCompletionSource? Gate { get; set; }

    public async Task<CandidateScoreResult> ScoreAsync(string smiles, ScoringSettings settings, IProgress<PipelineStage>? stageProgress, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        stageProgress?.Report(PipelineStage.Rhf);
        if (smiles.Contains('X', StringComparison.Ordinal)) return CandidateScoreResult.Failure(smiles, PipelineStage.Rhf, "rhf: SCF did not converge");
        var d = new MoleculeDescriptors(10.0 * smiles.Length, 10.0 * smiles.Length, "C", smiles.Length, 1, 20, 0, 1, 0, 0, 0, 1, 0.5);
        var q = new QuantumResult(7, 10, 9.1, -75.0, -0.4, 0.2, true, 9, [-20.0, -0.4, 0.2]);
        return new CandidateScoreResult(smiles, smiles, PipelineStage.Done, null, d, "molblock", q, new Dictionary<string, double> { ["rhf"] = 0.01 });
    }
}
