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

    private static ScreeningItem Item(int line, ScreeningItemStatus status = ScreeningItemStatus.Done) =>
        new() { LineIndex = line, Smiles = "CCO", Status = status, Error = status == ScreeningItemStatus.Done ? null : "bad", EHf = -152.1 };

    internal static async Task Deleting_removes_the_job_and_its_items_and_nothing_else(IServiceProvider sp)
    {
        var repo = sp.GetRequiredService<IScreeningJobRepository>();
        var service = new ScreeningJobService(repo, new ScreeningLimits());
        var uploads = Path.Combine(Path.GetTempPath(), "molforge-tests", $"uploads-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(uploads, "alice"));
        var upload = Path.Combine(uploads, "alice", "20261125-set.smi");
        var shared = Path.Combine(uploads, "alice", "20261125-shared.smi");
        var own = Path.Combine(Path.GetTempPath(), "molforge-tests", $"{Guid.NewGuid():N}-own.smi");
        foreach (var f in new[] { upload, shared, own }) await File.WriteAllTextAsync(f, "CCO\nCCN\nC1CC(\n");
        try
        {
            var done = new ScreeningJob { Name = "set", OwnerId = "alice", InputPath = upload, InputSha256 = "ab", Status = RunStatus.Completed, Total = 3 };
            var sameName = new ScreeningJob { Name = "set", OwnerId = "bob", InputPath = "/elsewhere/set.smi", InputSha256 = "cd", Status = RunStatus.Completed, Total = 3 };
            var running = new ScreeningJob { Name = "busy", OwnerId = "alice", InputPath = "/in.smi", InputSha256 = "ef", Status = RunStatus.Running, Total = 3 };
            var cli = new ScreeningJob { Name = "cli", OwnerId = "alice", InputPath = own, InputSha256 = "01", Status = RunStatus.Cancelled, Total = 3 };
            var twinA = new ScreeningJob { Name = "twin-a", OwnerId = "alice", InputPath = shared, InputSha256 = "02", Status = RunStatus.Failed, Total = 3 };
            var twinB = new ScreeningJob { Name = "twin-b", OwnerId = "alice", InputPath = shared, InputSha256 = "02", Status = RunStatus.Completed, Total = 3 };
            foreach (var j in new[] { done, sameName, running, cli, twinA, twinB })
            {
                Assert.True(await repo.TryCreateAsync(j));
                Assert.Equal(3, await repo.SaveItemsAsync(j.Id, [Item(0), Item(1), Item(2, ScreeningItemStatus.Invalid)]));
            }

            // Repository: a running job is refused and kept whole; a missing one is nothing to delete.
            Assert.Null(await repo.DeleteAsync(running.Id));
            Assert.Null(await repo.DeleteAsync(Guid.NewGuid()));
            Assert.Equal(3, (await repo.GetStoredIndexesAsync(running.Id, 0, 10)).Count);

            // Service: the owner's job, its items and its upload go; everything else stays.
            var deletion = await service.DeleteAsync("set", "alice", uploads);
            Assert.NotNull(deletion);
            Assert.Equal((done.Id, 3, true), (deletion.Job.Id, deletion.ItemsRemoved, deletion.InputFileRemoved));
            Assert.Null(await repo.GetAsync(done.Id));
            Assert.Empty(await repo.GetStoredIndexesAsync(done.Id, 0, 10));
            Assert.Empty(await repo.CountItemsPerChunkAsync(done.Id, 1));
            Assert.False(File.Exists(upload));
            var bobs = await repo.FindAsync("bob", "set");
            Assert.NotNull(bobs);
            Assert.Equal((3, 3), (bobs.Done + bobs.Failed, (await repo.GetStoredIndexesAsync(bobs.Id, 0, 10)).Count));

            // A name not of this owner, or deleted already: null. A running job: refused with the reason.
            Assert.Null(await service.DeleteAsync("set", "alice", uploads));
            Assert.Null(await service.DeleteAsync("set", "carol", uploads));
            var refusal = await Assert.ThrowsAsync<ScreeningJobException>(() => service.DeleteAsync("busy", "alice", uploads));
            Assert.Equal("job 'busy' is running; cancel it first, then delete it", refusal.Message);
            Assert.NotNull(await repo.GetAsync(running.Id));

            // An input outside the upload folder (a file the CLI only read) is kept.
            var cliDeletion = await service.DeleteAsync("cli", "alice", uploads);
            Assert.Equal((3, false), (cliDeletion!.ItemsRemoved, cliDeletion.InputFileRemoved));
            Assert.True(File.Exists(own));
            // An upload another job still reads is kept until the last of them goes.
            Assert.False((await service.DeleteAsync("twin-a", "alice", uploads))!.InputFileRemoved);
            Assert.True(File.Exists(shared));
            Assert.True((await service.DeleteAsync("twin-b", "alice", uploads))!.InputFileRemoved);
            Assert.False(File.Exists(shared));

            // Items written for a deleted job (a chunk winding down) are not stored.
            Assert.Equal(0, await repo.SaveItemsAsync(done.Id, [Item(0)]));
            Assert.Empty(await repo.GetStoredIndexesAsync(done.Id, 0, 10));
            Assert.Equal(["bob/set", "alice/busy"], (await repo.ListAsync(null)).Select(j => $"{j.OwnerId}/{j.Name}").Order().Reverse());
        }
        finally
        {
            Directory.Delete(uploads, recursive: true);
            File.Delete(own);
        }
    }

    [Fact]
    public async Task Deleting_on_sqlite()
    {
        using var sp = TestDatabases.Sqlite(out _);
        await Deleting_removes_the_job_and_its_items_and_nothing_else(sp);
    }

    [PostgresFact]
    public Task Deleting_on_postgres() => TestDatabases.OnPostgresAsync(Deleting_removes_the_job_and_its_items_and_nothing_else);

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
    public Task Failure_reason_on_postgres() => TestDatabases.OnPostgresAsync(Failure_reason_is_stored_truncated_and_cleared);
}
