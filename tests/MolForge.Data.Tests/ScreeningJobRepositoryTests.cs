using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Screening;
using MolForge.Application.Storage;

namespace MolForge.Data.Tests;

/// <summary>The screening job repository on both providers (migrated schema): the failure reason column, owner
/// scoping of names, idempotent item writes.</summary>
public sealed class ScreeningJobRepositoryTests
{
    internal static async Task Failure_reason_is_stored_truncated_and_cleared(IServiceProvider sp)
    {
        var repo = sp.GetRequiredService<IScreeningJobRepository>();
        var job = new ScreeningJob { Name = "j", OwnerId = "alice", InputPath = "/in.smi", InputSha256 = "ab", Status = RunStatus.Running, Total = 3 };
        Assert.True(await repo.TryCreateAsync(job));
        Assert.False(await repo.TryCreateAsync(new ScreeningJob { Name = "j", OwnerId = "alice" }));
        Assert.True(await repo.TryCreateAsync(new ScreeningJob { Name = "j", OwnerId = "bob" }));
        Assert.Null((await repo.GetAsync(job.Id))!.Error);

        await repo.SetStatusAsync(job.Id, RunStatus.Failed, "chunk 0 (lines from 1) failed 5 times: disk full");
        var failed = (await repo.FindAsync("alice", "j"))!;
        Assert.Equal((RunStatus.Failed, "chunk 0 (lines from 1) failed 5 times: disk full"), (failed.Status, failed.Error));

        await repo.SetStatusAsync(job.Id, RunStatus.Failed, new string('x', 5000));
        var longError = (await repo.GetAsync(job.Id))!.Error!;
        Assert.Equal(2000, longError.Length);
        Assert.EndsWith("…", longError, StringComparison.Ordinal);

        await repo.SetStatusAsync(job.Id, RunStatus.Running);
        Assert.Null((await repo.GetAsync(job.Id))!.Error);

        var item = new ScreeningItem { LineIndex = 0, Smiles = "CCO", Status = ScreeningItemStatus.Done, EHf = -152.1 };
        Assert.Equal(1, await repo.SaveItemsAsync(job.Id, [item]));
        Assert.Equal(0, await repo.SaveItemsAsync(job.Id, [item]));
        Assert.Equal(1, (await repo.GetAsync(job.Id))!.Done);
    }

    [Fact]
    public void Both_providers_migrations_match_the_model()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(sqlite.Database), "SQLite: the model has changes without a migration");
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.HasPendingModelChanges(postgres.Database), "PostgreSQL: the model has changes without a migration");
    }

    [Fact]
    public async Task Failure_reason_on_sqlite()
    {
        using var sp = TestDatabases.Sqlite(out _);
        await Failure_reason_is_stored_truncated_and_cleared(sp);
    }

    [PostgresFact]
    public async Task Failure_reason_on_postgres()
    {
        var sp = TestDatabases.Postgres(out var name);
        try
        {
            await Failure_reason_is_stored_truncated_and_cleared(sp);
        }
        finally
        {
            await sp.DisposeAsync();
            TestDatabases.DropPostgres(name);
        }
    }
}
