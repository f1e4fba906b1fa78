using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Storage;

namespace MolForge.Data.Tests;

/// <summary>The repository contract, run against each provider.</summary>
public abstract class DesignRunRepositoryContract
{
    protected static async Task Runs_round_trip_with_candidates_and_scores(IServiceProvider services)
    {
        var repository = services.GetRequiredService<IDesignRunRepository>();
        var run = new DesignRun { OwnerId = "alice", Title = "indoles", PromptJson = "{\"count\": 2}", Status = RunStatus.Running };
        await repository.AddAsync(run);

        run.Status = RunStatus.Completed;
        run.CompletedAt = DateTimeOffset.UtcNow;
        run.Candidates =
        [
            new Candidate { Index = 0, Smiles = "c1ccc2[nH]ccc2c1", Rank = 2, Score = 0.4, MolWeight = 117.151,
                Quantum = new QuantumScore { Basis = "sto-3g", EHf = -358.1, Homo = -0.28, Lumo = 0.25, HomoLumoGap = 0.53, EVqe = -358.12 } },
            new Candidate { Index = 1, Smiles = "CC(=O)Nc1ccccc1", Rank = 1, Score = 0.9, IsParetoOptimal = true },
            new Candidate { Index = 2, Smiles = "C1CC1", Status = CandidateStatus.Failed, Error = "rhf: SCF did not converge", Rank = 3 },
        ];
        await repository.UpdateAsync(run);

        var loaded = await repository.GetAsync(run.Id, "alice");
        Assert.NotNull(loaded);
        Assert.Equal(RunStatus.Completed, loaded.Status);
        Assert.Equal(["CC(=O)Nc1ccccc1", "c1ccc2[nH]ccc2c1", "C1CC1"], loaded.Candidates.Select(c => c.Smiles));
        var indole = loaded.Candidates[1];
        Assert.NotNull(indole.Quantum);
        Assert.Equal(-358.1, indole.Quantum.EHf);
        Assert.Equal(0.53, indole.Quantum.HomoLumoGap);
        Assert.Equal("rhf: SCF did not converge", loaded.Candidates[2].Error);

        // Updating again replaces candidates rather than duplicating them.
        run.Candidates = [new Candidate { Index = 0, Smiles = "CCO", Rank = 1 }];
        await repository.UpdateAsync(run);
        loaded = await repository.GetAsync(run.Id, "alice");
        Assert.Equal("CCO", Assert.Single(loaded!.Candidates).Smiles);
    }

    protected static async Task Owners_only_see_their_own_runs(IServiceProvider services)
    {
        var repository = services.GetRequiredService<IDesignRunRepository>();
        var mine = new DesignRun { OwnerId = "alice", Title = "a" };
        var theirs = new DesignRun { OwnerId = "bob", Title = "b" };
        await repository.AddAsync(mine);
        await repository.AddAsync(theirs);

        Assert.Null(await repository.GetAsync(theirs.Id, "alice"));
        Assert.Equal([mine.Id], (await repository.ListAsync("alice")).Select(r => r.Id));
        Assert.False(await repository.DeleteAsync(theirs.Id, "alice"));
        Assert.True(await repository.DeleteAsync(theirs.Id, "bob"));
        Assert.Empty(await repository.ListAsync("bob"));
    }

    protected static async Task Score_cache_upserts_by_key(IServiceProvider services)
    {
        var cache = services.GetRequiredService<IScoreCache>();
        Assert.Null(await cache.GetAsync("CCO|sto-3g"));
        await cache.SetAsync("CCO|sto-3g", "{\"e_hf\":-152.1}");
        await cache.SetAsync("CCO|sto-3g", "{\"e_hf\":-152.2}");
        Assert.Equal("{\"e_hf\":-152.2}", await cache.GetAsync("CCO|sto-3g"));
    }
}

public sealed class SqliteDesignRunRepositoryTests : DesignRunRepositoryContract
{
    [Fact]
    public async Task Round_trip() { using var sp = TestDatabases.Sqlite(out _); await Runs_round_trip_with_candidates_and_scores(sp); }

    [Fact]
    public async Task Ownership() { using var sp = TestDatabases.Sqlite(out _); await Owners_only_see_their_own_runs(sp); }

    [Fact]
    public async Task Cache() { using var sp = TestDatabases.Sqlite(out _); await Score_cache_upserts_by_key(sp); }

    [Fact]
    public async Task Database_file_is_created_and_migrated_on_first_use()
    {
        using var sp = TestDatabases.Sqlite(out var path);
        Assert.False(File.Exists(path));
        await sp.GetRequiredService<DatabaseInitializer>().EnsureCreatedAsync();
        Assert.True(File.Exists(path));
    }
}

public sealed class PostgresDesignRunRepositoryTests : DesignRunRepositoryContract
{
    [PostgresFact]
    public Task Round_trip() => TestDatabases.OnPostgresAsync(Runs_round_trip_with_candidates_and_scores);

    [PostgresFact]
    public Task Ownership() => TestDatabases.OnPostgresAsync(Owners_only_see_their_own_runs);

    [PostgresFact]
    public Task Cache() => TestDatabases.OnPostgresAsync(Score_cache_upserts_by_key);
}
