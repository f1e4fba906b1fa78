using System.Collections.Concurrent;
using MolForge.Application.Screening;
using MolForge.Application.Storage;

namespace MolForge.Web.Tests.Support;

/// <summary>Jobs kept in memory with the EF repository's rules for what the Jobs page uses ((owner, name) unique,
/// lists newest first); items are never written in these tests.</summary>
internal sealed class InMemoryScreeningJobRepository : IScreeningJobRepository
{
    public ConcurrentDictionary<Guid, ScreeningJob> Jobs { get; } = new();

    /// <summary>Items the tests put in place (the page only reads them).</summary>
    public List<ScreeningItem> Items { get; } = [];

    public Task<ScreeningJob?> FindAsync(string ownerId, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(Jobs.Values.FirstOrDefault(j => j.OwnerId == ownerId && j.Name == name));

    public Task<ScreeningJob?> GetAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Jobs.TryGetValue(jobId, out var j) ? j : null);

    public Task<IReadOnlyList<ScreeningJob>> ListAsync(string? ownerId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScreeningJob>>(Jobs.Values.Where(j => ownerId is null || j.OwnerId == ownerId).OrderByDescending(j => j.CreatedAt).ToList());

    public Task<IReadOnlyList<ScreeningJob>> ListRunningAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScreeningJob>>(Jobs.Values.Where(j => j.Status == RunStatus.Running).ToList());

    public Task<bool> TryCreateAsync(ScreeningJob job, CancellationToken cancellationToken = default)
    {
        lock (Jobs)
        {
            if (Jobs.Values.Any(j => j.OwnerId == job.OwnerId && j.Name == job.Name)) return Task.FromResult(false);
            Jobs[job.Id] = job;
            return Task.FromResult(true);
        }
    }

    public Task SetStatusAsync(Guid jobId, RunStatus status, string? error = null, CancellationToken cancellationToken = default)
    {
        if (Jobs.TryGetValue(jobId, out var j))
        {
            j.Status = status;
            j.Error = error;
            j.UpdatedAt = DateTimeOffset.UtcNow;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlySet<int>> GetStoredIndexesAsync(Guid jobId, int fromIndex, int toIndex, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlySet<int>>(new HashSet<int>());

    public Task<IReadOnlyDictionary<int, int>> CountItemsPerChunkAsync(Guid jobId, int chunkSize, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<int, int>>(new Dictionary<int, int>());

    public Task<int> SaveItemsAsync(Guid jobId, IReadOnlyList<ScreeningItem> items, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public async IAsyncEnumerable<ScreeningItem> StreamItemsAsync(Guid jobId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    /// <summary>When set, deletions fail as a database that went away would.</summary>
    public bool FailDeletes { get; set; }

    public Task<int?> DeleteAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        if (FailDeletes) throw new InvalidOperationException("database unavailable");
        lock (Jobs)
        {
            if (!Jobs.TryGetValue(jobId, out var job) || job.Status is RunStatus.Running or RunStatus.Pending) return Task.FromResult<int?>(null);
            Jobs.TryRemove(jobId, out _);
            return Task.FromResult<int?>(Items.RemoveAll(i => i.JobId == jobId));
        }
    }

    public Task<IReadOnlyList<ScreeningItem>> ListProblemsAsync(Guid jobId, int limit, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ScreeningItem>>(Items.Where(i => i.JobId == jobId && i.Status != ScreeningItemStatus.Done).OrderBy(i => i.LineIndex).Take(limit).ToList());
}
