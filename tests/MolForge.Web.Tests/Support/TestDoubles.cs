using System.Collections.Concurrent;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Storage;

namespace MolForge.Web.Tests.Support;

/// <summary>Runs kept in memory, scoped by owner like the EF repository.</summary>
internal sealed class InMemoryRunRepository : IDesignRunRepository
{
    public ConcurrentDictionary<Guid, DesignRun> Runs { get; } = new();

    public Task AddAsync(DesignRun run, CancellationToken cancellationToken = default) =>
        Runs.TryAdd(run.Id, run) ? Task.CompletedTask : throw new InvalidOperationException("duplicate key");

    public Task UpdateAsync(DesignRun run, CancellationToken cancellationToken = default) { Runs[run.Id] = run; return Task.CompletedTask; }

    public Task<DesignRun?> GetAsync(Guid id, string ownerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Runs.TryGetValue(id, out var r) && r.OwnerId == ownerId ? r : null);

    public Task<IReadOnlyList<DesignRun>> ListAsync(string ownerId, int skip = 0, int take = 100, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DesignRun>>(Runs.Values.Where(r => r.OwnerId == ownerId).OrderByDescending(r => r.CreatedAt).ToList());

    public Task<bool> DeleteAsync(Guid id, string ownerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Runs.TryGetValue(id, out var r) && r.OwnerId == ownerId && Runs.TryRemove(id, out _));
}

internal sealed class NoCache : IScoreCache
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
    public Task SetAsync(string key, string resultJson, CancellationToken cancellationToken = default) => Task.CompletedTask;
}

/// <summary>A generator/scorer pair that is never asked to work in these tests (the queue is not processed).</summary>
internal sealed class UnusedGenerator : ICandidateGenerator
{
    public Task<GenerationOutcome> GenerateAsync(DesignPrompt prompt, CancellationToken cancellationToken) => throw new InvalidOperationException("not used");
}

internal sealed class UnusedScorer : ICandidateScorer
{
    public Task<CandidateScoreResult> ScoreAsync(string smiles, ScoringSettings settings, IProgress<PipelineStage>? stageProgress, CancellationToken cancellationToken) => throw new InvalidOperationException("not used");
}

/// <summary>A structure checker with a rule simple enough to state: parentheses and brackets must balance.</summary>
internal sealed class BalanceChecker : IStructureChecker
{
    public string? CheckScaffold(string scaffold) => Check(scaffold);

    public string? CheckSmarts(string smarts) => Check(smarts);

    private static string? Check(string text) =>
        text.Count(c => c == '(') != text.Count(c => c == ')') ? "unbalanced parentheses"
        : text.Count(c => c == '[') != text.Count(c => c == ']') ? "unbalanced brackets" : null;
}
