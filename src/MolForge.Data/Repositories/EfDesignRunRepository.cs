using Microsoft.EntityFrameworkCore;
using MolForge.Application.Storage;

namespace MolForge.Data.Repositories;

/// <summary>EF Core implementation of <see cref="IDesignRunRepository"/>; each call uses its own short-lived context
/// (safe from Blazor circuits and background pipelines alike).</summary>
internal sealed class EfDesignRunRepository(IDbContextFactory<MolForgeDbContext> factory, DatabaseInitializer initializer) : IDesignRunRepository
{
    public async Task AddAsync(DesignRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var db = factory.CreateDbContext();
        db.DesignRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAsync(DesignRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var stored = await db.DesignRuns.FirstOrDefaultAsync(r => r.Id == run.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Design run {run.Id} does not exist.");
        db.Entry(stored).CurrentValues.SetValues(run);
        await db.Candidates.Where(c => c.DesignRunId == run.Id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        foreach (var candidate in run.Candidates)
        {
            candidate.DesignRunId = run.Id;
            db.Candidates.Add(candidate);
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<DesignRun?> GetAsync(Guid id, string ownerId, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var db = factory.CreateDbContext();
        var run = await db.DesignRuns.AsNoTracking()
            .Include(r => r.Candidates).ThenInclude(c => c.Quantum)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == ownerId, cancellationToken).ConfigureAwait(false);
        run?.Candidates.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : a.Index.CompareTo(b.Index));
        return run;
    }

    public async Task<IReadOnlyList<DesignRun>> ListAsync(string ownerId, int skip = 0, int take = 100, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var db = factory.CreateDbContext();
        return await db.DesignRuns.AsNoTracking()
            .Where(r => r.OwnerId == ownerId)
            .OrderByDescending(r => r.CreatedAt)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 1000))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(Guid id, string ownerId, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var db = factory.CreateDbContext();
        var run = await db.DesignRuns.FirstOrDefaultAsync(r => r.Id == id && r.OwnerId == ownerId, cancellationToken).ConfigureAwait(false);
        if (run is null) return false;
        db.DesignRuns.Remove(run);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
