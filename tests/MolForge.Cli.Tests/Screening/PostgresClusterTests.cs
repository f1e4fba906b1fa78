using System.Text;
using Npgsql;

namespace MolForge.Cli.Tests.Screening;

/// <summary>A fact that needs PostgreSQL: skipped, with the reason shown, unless MOLFORGE_TEST_POSTGRES is set
/// (.ci/run starts a server and sets it).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("MOLFORGE_TEST_POSTGRES")))
            Skip = "PostgreSQL not available: set MOLFORGE_TEST_POSTGRES to a connection string (.ci/run does)";
    }
}

/// <summary>Scale-out evidence: two `molforge worker` processes share a job on a PostgreSQL cluster; one is killed
/// with SIGKILL mid-job; the other takes over its chunks and the job completes once.</summary>
public sealed class PostgresClusterTests
{
    [PostgresFact]
    public async Task Two_workers_one_killed_mid_job_the_job_completes_once()
    {
        var server = Environment.GetEnvironmentVariable("MOLFORGE_TEST_POSTGRES")!;
        var database = $"molforge_c_{Guid.NewGuid():N}"[..28];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var db = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        var log = new StringBuilder();
        System.Diagnostics.Process? a = null, b = null;
        try
        {
            const int lines = 1200;
            var input = ScreeningInputs.File("cluster.smi", ScreeningInputs.Smiles(lines));
            var submit = await CliRunner.RunAsync("screen", input, "--job", "cluster", "--db", db, "--method", "huckel", "--chunk-size", "8", "--detach");
            Assert.True(submit.Code == 0, submit.Err);
            Assert.Equal("running", (await CliRunner.ShowAsync(db, "cluster")).Status);

            a = CliRunner.Start(log, "worker", "--cluster", db, "--parallel", "1");
            b = CliRunner.Start(log, "worker", "--cluster", db, "--parallel", "1");
            await CliRunner.WaitAsync(db, "cluster", j => j.Done + j.Failed >= 150, TimeSpan.FromMinutes(3), a);
            CliRunner.KillHard(a);
            var atKill = await CliRunner.ShowAsync(db, "cluster");
            Assert.True(atKill.Done + atKill.Failed < lines, $"the job finished before the kill ({atKill})");

            var final = await CliRunner.WaitAsync(db, "cluster", j => j.Status != "running", TimeSpan.FromMinutes(4), b);
            Assert.True(final.Status == "completed", $"{final}\n{log}");
            Assert.Equal(lines, final.Total);
            Assert.Equal(lines, final.Done + final.Failed);

            var export = await CliRunner.RunAsync("export", "--job", "cluster", "--db", db);
            var rows = export.Out.TrimEnd('\n').Split('\n').Skip(1).ToList();
            Assert.Equal(lines, rows.Count);
            Assert.Equal(lines, rows.Select(r => r[..r.IndexOf(',', StringComparison.Ordinal)]).Distinct().Count());

            // The same results as an uninterrupted single-machine run.
            var referenceDb = ScreeningInputs.Db();
            await CliRunner.RunAsync("screen", input, "--job", "cluster", "--db", referenceDb, "--method", "huckel", "--chunk-size", "8");
            var reference = await CliRunner.RunAsync("export", "--job", "cluster", "--db", referenceDb);
            Assert.Equal(reference.Out, export.Out);
        }
        finally
        {
            if (a is not null) CliRunner.KillHard(a);
            if (b is not null) CliRunner.KillHard(b);
            a?.Dispose();
            b?.Dispose();
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
