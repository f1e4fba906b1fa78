using Microsoft.EntityFrameworkCore;
using MolForge.Application.Storage;

namespace MolForge.Data.Repositories;

/// <summary>EF Core implementation of <see cref="IScoreCache"/> (upsert by key).</summary>
internal sealed class EfScoreCache(IDbContextFactory<MolForgeDbContext> factory, DatabaseInitializer initializer) : IScoreCache
{
    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var db = factory.CreateDbContext();
        return await db.ScoreCache.AsNoTracking().Where(e => e.Key == key).Select(e => e.ResultJson)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetAsync(string key, string resultJson, CancellationToken cancellationToken = default)
    {
        await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await using var db = factory.CreateDbContext();
        var existing = await db.ScoreCache.FirstOrDefaultAsync(e => e.Key == key, cancellationToken).ConfigureAwait(false);
        if (existing is null) db.ScoreCache.Add(new ScoreCacheEntry { Key = key, ResultJson = resultJson });
        else existing.ResultJson = resultJson;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another worker cached the same key first; its value is as good as ours.
        }
    }
}
