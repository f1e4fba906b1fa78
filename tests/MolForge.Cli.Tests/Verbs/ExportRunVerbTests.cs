using MolForge.Cli.Tests.Screening;
using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using MolForge.Data;

namespace MolForge.Cli.Tests.Verbs;

public sealed class ExportRunVerbTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.RunAsync("", args);

    [Fact]
    public async Task A_stored_design_run_exports_as_csv_and_smiles_in_rank_order()
    {
        var db = Path.Combine(Path.GetTempPath(), "molforge-tests", $"{Guid.NewGuid():N}.db");
        var run = new DesignRun { OwnerId = "cli", Status = RunStatus.Completed };
        await using (var sp = new ServiceCollection().AddMolForgeData(db).BuildServiceProvider())
        {
            var repository = sp.GetRequiredService<IDesignRunRepository>();
            await repository.AddAsync(run);
            run.Candidates =
            [
                new Candidate { Index = 0, Smiles = "CCO", Rank = 2, Score = 0.5 },
                new Candidate { Index = 1, Smiles = "CC=O", Rank = 1, Score = 0.9, Quantum = new QuantumScore { Basis = "sto-3g", EHf = -151.9 } },
            ];
            await repository.UpdateAsync(run);
        }

        var (code, csv, err) = await Run("export", "--run", run.Id.ToString(), "--db", db, "--format", "csv");
        Assert.True(code == 0, err);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,smiles,status", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,CC=O,done", lines[1], StringComparison.Ordinal);
        Assert.Contains("-151.9", lines[1], StringComparison.Ordinal);

        var (code2, smi, _) = await Run("export", "--run", run.Id.ToString(), "--db", db, "--format", "smi");
        Assert.Equal(0, code2);
        Assert.Equal("CC=O\tmf_rank_1\nCCO\tmf_rank_2\n", smi);
    }

    [Theory]
    [InlineData("not-a-guid", "--run expects a run id")]
    [InlineData("00000000-0000-0000-0000-000000000001", "no design run")]
    public async Task Bad_run_ids_are_usage_errors(string id, string message)
    {
        var db = Path.Combine(Path.GetTempPath(), "molforge-tests", $"{Guid.NewGuid():N}.db");
        var (code, _, err) = await Run("export", "--run", id, "--db", db);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }
}
