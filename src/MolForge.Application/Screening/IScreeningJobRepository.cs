using MolForge.Application.Storage;

namespace MolForge.Application.Screening;

/// <summary>Storage of screening jobs and their items (port; MolForge.Data implements it with EF Core). Item writes
/// are idempotent: an item whose (job, line index) already exists is left alone and not counted again, so a
/// retried or duplicated write can never create a second row or count a line twice.</summary>
public interface IScreeningJobRepository
{
    /// <summary>The job named <paramref name="name"/> of <paramref name="ownerId"/>, or null.</summary>
    Task<ScreeningJob?> FindAsync(string ownerId, string name, CancellationToken cancellationToken = default);

    /// <summary>The job with this id, or null.</summary>
    Task<ScreeningJob?> GetAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Jobs of an owner (all owners when null), newest first.</summary>
    Task<IReadOnlyList<ScreeningJob>> ListAsync(string? ownerId, CancellationToken cancellationToken = default);

    /// <summary>Jobs in <see cref="RunStatus.Running"/> (what workers pick up).</summary>
    Task<IReadOnlyList<ScreeningJob>> ListRunningAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts a new job; returns false when (owner, name) already exists.</summary>
    Task<bool> TryCreateAsync(ScreeningJob job, CancellationToken cancellationToken = default);

    /// <summary>Sets the status, <see cref="ScreeningJob.Error"/> (the reason of a failure; null clears it) and
    /// <see cref="ScreeningJob.UpdatedAt"/>.</summary>
    Task SetStatusAsync(Guid jobId, RunStatus status, string? error = null, CancellationToken cancellationToken = default);

    /// <summary>Line indexes in [<paramref name="fromIndex"/>, <paramref name="toIndex"/>) that already have an item.</summary>
    Task<IReadOnlySet<int>> GetStoredIndexesAsync(Guid jobId, int fromIndex, int toIndex, CancellationToken cancellationToken = default);

    /// <summary>Stored item counts per chunk (chunk = line index / <paramref name="chunkSize"/>).</summary>
    Task<IReadOnlyDictionary<int, int>> CountItemsPerChunkAsync(Guid jobId, int chunkSize, CancellationToken cancellationToken = default);

    /// <summary>Writes the items that are not stored yet and adds them to the job's Done/Failed counts in the same
    /// transaction. Returns how many were new (0 when the job no longer exists: nothing is written).</summary>
    Task<int> SaveItemsAsync(Guid jobId, IReadOnlyList<ScreeningItem> items, CancellationToken cancellationToken = default);

    /// <summary>Items of a job ordered by line index, streamed in pages.</summary>
    IAsyncEnumerable<ScreeningItem> StreamItemsAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the job and all its items (the stored results, which are also its checkpoint) in one
    /// transaction, unless the job is running or pending: a job resumed meanwhile is left whole. Returns the number of
    /// items removed, or null when nothing was deleted (no such job, or it is running or pending).</summary>
    Task<int?> DeleteAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Items of a job with status invalid or failed, ordered by line index, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ScreeningItem>> ListProblemsAsync(Guid jobId, int limit, CancellationToken cancellationToken = default);
}
