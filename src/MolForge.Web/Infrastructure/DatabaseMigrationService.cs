using MolForge.Data;

namespace MolForge.Web.Infrastructure;

/// <summary>Migrates the database when the app starts (hosted services start before Kestrel accepts requests).</summary>
internal sealed class DatabaseMigrationService(DatabaseInitializer initializer, ILogger<DatabaseMigrationService> logger, DatabaseInfo database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Database ready ({Provider})", database.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
