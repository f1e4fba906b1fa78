using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using MolForge.Application.Screening;
using MolForge.Application.Storage;

namespace MolForge.Data.Repositories;

/// <summary>EF Core implementation of <see cref="IScreeningJobRepository"/> for SQLite and PostgreSQL. Item writes
/// insert only lines not yet stored and add them to the job's counts in the same transaction; a unique-key clash
/// with a concurrent writer rolls back and retries, so counts equal the stored rows.</summary>
internal sealed class EfScreeningJobRepository(IDbContextFactory<MolForgeDbContext> factory, DatabaseInitializer initializer) : IScreeningJobRepository
{
    private const int PageSize = 2000;

    private async Task<MolForgeDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return factory.CreateDbContext();
    }

    public async Task<ScreeningJob?> FindAsync(string ownerId, string name, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ScreeningJobs.AsNoTracking().FirstOrDefaultAsync(j => j.OwnerId == ownerId && j.Name == name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ScreeningJob?> GetAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ScreeningJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScreeningJob>> ListAsync(string? ownerId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var query = db.ScreeningJobs.AsNoTracking();
        if (ownerId is not null) query = query.Where(j => j.OwnerId == ownerId);
        return await query.OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ScreeningJob>> ListRunningAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ScreeningJobs.AsNoTracking().Where(j => j.Status == RunStatus.Running).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TryCreateAsync(ScreeningJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        db.ScreeningJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    public async Task SetStatusAsync(Guid jobId, RunStatus status, string? error = null, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        if (error is { Length: > 2000 }) error = error[..1999] + "…";
        await db.ScreeningJobs.Where(j => j.Id == jobId)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status).SetProperty(j => j.Error, error).SetProperty(j => j.UpdatedAt, now), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlySet<int>> GetStoredIndexesAsync(Guid jobId, int fromIndex, int toIndex, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var list = await db.ScreeningItems.AsNoTracking()
            .Where(i => i.JobId == jobId && i.LineIndex >= fromIndex && i.LineIndex < toIndex)
            .Select(i => i.LineIndex).ToListAsync(cancellationToken).ConfigureAwait(false);
        return list.ToHashSet();
    }

    public async Task<IReadOnlyDictionary<int, int>> CountItemsPerChunkAsync(Guid jobId, int chunkSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.ScreeningItems.AsNoTracking().Where(i => i.JobId == jobId)
            .GroupBy(i => i.LineIndex / chunkSize)
            .Select(g => new { Chunk = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Chunk, r => r.Count);
    }

    public async Task<int> SaveItemsAsync(Guid jobId, IReadOnlyList<ScreeningItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TrySaveAsync(jobId, items, cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateException) when (attempt < 8)
            {
                // A concurrent writer stored some of these lines first: re-read and insert only the rest.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<int> TrySaveAsync(Guid jobId, IReadOnlyList<ScreeningItem> items, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // A deleted job takes no more items (a chunk may still be winding down after a cancel and a delete).
        if (!await db.ScreeningJobs.AnyAsync(j => j.Id == jobId, cancellationToken).ConfigureAwait(false)) return 0;
        var indexes = items.Select(i => i.LineIndex).Distinct().ToList();
        var existing = (await db.ScreeningItems.AsNoTracking()
            .Where(i => i.JobId == jobId && indexes.Contains(i.LineIndex))
            .Select(i => i.LineIndex).ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var fresh = items.Where(i => !existing.Contains(i.LineIndex)).DistinctBy(i => i.LineIndex).Select(i => Copy(jobId, i)).ToList();
        if (fresh.Count == 0) return 0;
        db.ScreeningItems.AddRange(fresh);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var done = fresh.Count(i => i.Status == ScreeningItemStatus.Done);
        var failed = fresh.Count - done;
        var now = DateTimeOffset.UtcNow;
        var counted = await db.ScreeningJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Done, j => j.Done + done)
            .SetProperty(j => j.Failed, j => j.Failed + failed)
            .SetProperty(j => j.UpdatedAt, now), cancellationToken).ConfigureAwait(false);
        // The job was deleted (a chunk still winding down after a cancel): roll back rather than leave orphan rows
        // (SQLite without foreign-key enforcement would keep them).
        if (counted == 0) return 0;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }

    public async Task<int?> DeleteAsync(Guid jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Claim the row first (an UPDATE holds its row lock on PostgreSQL, the write lock on SQLite, until commit) and
        // only while the job is not running: a concurrent resume waits, then finds no job.
        var now = DateTimeOffset.UtcNow;
        var claimed = await db.ScreeningJobs.Where(j => j.Id == jobId && j.Status != RunStatus.Running && j.Status != RunStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.UpdatedAt, now), cancellationToken).ConfigureAwait(false);
        if (claimed == 0) return null;
        // Items explicitly (the foreign key also cascades, but SQLite enforces it only with foreign keys on).
        var items = await db.ScreeningItems.Where(i => i.JobId == jobId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.ScreeningJobs.Where(j => j.Id == jobId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return items;
    }

    public async IAsyncEnumerable<ScreeningItem> StreamItemsAsync(Guid jobId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var after = -1;
        while (true)
        {
            List<ScreeningItem> page;
            await using (var db = await OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                page = await db.ScreeningItems.AsNoTracking().Where(i => i.JobId == jobId && i.LineIndex > after)
                    .OrderBy(i => i.LineIndex).Take(PageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            }
            foreach (var item in page) yield return item;
            if (page.Count < PageSize) yield break;
            after = page[^1].LineIndex;
        }
    }

    public async Task<IReadOnlyList<ScreeningItem>> ListProblemsAsync(Guid jobId, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await db.ScreeningItems.AsNoTracking().Where(i => i.JobId == jobId && i.Status != ScreeningItemStatus.Done)
            .OrderBy(i => i.LineIndex).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ScreeningItem Copy(Guid jobId, ScreeningItem i) => new()
    {
        JobId = jobId,
        LineIndex = i.LineIndex,
        Smiles = i.Smiles,
        Name = i.Name,
        Status = i.Status,
        Error = i.Error,
        EHf = i.EHf,
        Homo = i.Homo,
        Lumo = i.Lumo,
        HomoLumoGap = i.HomoLumoGap,
        EVqe = i.EVqe,
        MolWeight = i.MolWeight,
        CLogP = i.CLogP,
        Qed = i.Qed,
        Seconds = i.Seconds,
    };
}
