using Microsoft.EntityFrameworkCore;

namespace MolForge.Data;

/// <summary>Creates and migrates the database on first use (idempotent; safe to call at every start).</summary>
public sealed class DatabaseInitializer(IDbContextFactory<MolForgeDbContext> factory)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    /// <summary>Applies pending migrations once per process.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (_done) return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_done) return;
            await using var db = factory.CreateDbContext();
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            if (db.Database.IsSqlite())
            {
                // WAL lets the web app read while a job writes; busy_timeout rides out short write locks.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }
            _done = true;
        }
        finally
        {
            _gate.Release();
        }
    }
}
