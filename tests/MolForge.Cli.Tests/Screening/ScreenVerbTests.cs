using System.Text.Json;
using MolForge.Cli.Verbs.Export;

namespace MolForge.Cli.Tests.Screening;

/// <summary>`screen`, `jobs`, `export --job` in-process, per shared/CLI.md.</summary>
public sealed class ScreenVerbTests
{
    [Fact]
    public async Task Screen_then_jobs_show_and_export_follow_the_contract()
    {
        var db = ScreeningInputs.Db();
        var input = ScreeningInputs.File("in.smi", ScreeningInputs.Smiles(40));
        var (code, _, err) = await CliRunner.RunAsync("screen", input, "--job", "contract", "--db", db, "--method", "huckel", "--chunk-size", "6");
        Assert.Equal(1, code); // some lines were invalid
        Assert.Contains("line 6: empty line", err, StringComparison.Ordinal);
        Assert.Contains("line 13: ", err, StringComparison.Ordinal);

        var show = await CliRunner.RunAsync("jobs", "show", "contract", "--db", db, "--json");
        Assert.Equal(0, show.Code);
        using (var doc = JsonDocument.Parse(show.Out))
        {
            Assert.Equal(["name", "status", "total", "done", "failed"], doc.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("completed", doc.RootElement.GetProperty("status").GetString());
            Assert.Equal(40, doc.RootElement.GetProperty("total").GetInt32());
            Assert.Equal(40, doc.RootElement.GetProperty("done").GetInt32() + doc.RootElement.GetProperty("failed").GetInt32());
        }

        var export = await CliRunner.RunAsync("export", "--job", "contract", "--db", db, "--format", "csv");
        Assert.Equal(0, export.Code);
        var lines = export.Out.TrimEnd('\n').Split('\n');
        Assert.Equal(string.Join(",", MolForge.Application.Screening.ScreeningJobExporter.CsvColumns), lines[0]);
        Assert.Equal("index,smiles,name,status,error,e_hf,homo,lumo,homo_lumo_gap,e_vqe,mol_weight,clogp,qed", lines[0]);
        Assert.Equal(41, lines.Length); // one row per input line
        Assert.StartsWith("5,,,invalid,empty line", lines[6], StringComparison.Ordinal);
        Assert.StartsWith("0,Cc1ccccc1N,m0,done,,", lines[1], StringComparison.Ordinal);

        var list = await CliRunner.RunAsync("jobs", "list", "--db", db, "--json");
        Assert.Contains("\"contract\"", list.Out, StringComparison.Ordinal);
        var smi = await CliRunner.RunAsync("export", "--job", "contract", "--db", db, "--format", "smi");
        var doneRows = lines.Skip(1).Count(l => l.Contains(",done,", StringComparison.Ordinal));
        Assert.Equal(doneRows, smi.Out.TrimEnd('\n').Split('\n').Length);
        var sdf = await CliRunner.RunAsync("export", "--job", "contract", "--db", db, "--format", "sdf");
        Assert.Equal(0, sdf.Code);
        Assert.Equal(doneRows, sdf.Out.Split("$$$$\n").Length - 1);
        Assert.Contains(">  <homo_lumo_gap>", sdf.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_a_completed_job_again_does_no_work_and_other_settings_or_files_are_refused()
    {
        var db = ScreeningInputs.Db();
        var input = ScreeningInputs.File("in.smi", "CCO a\nc1ccccc1 b\n");
        Assert.Equal(0, (await CliRunner.RunAsync("screen", input, "--job", "j", "--db", db, "--method", "huckel")).Code);
        var again = await CliRunner.RunAsync("screen", input, "--job", "j", "--db", db, "--method", "huckel");
        Assert.Equal(0, again.Code);
        Assert.Contains("completed, 2 done", again.Err, StringComparison.Ordinal);

        var settings = await CliRunner.RunAsync("screen", input, "--job", "j", "--db", db, "--method", "huckel", "--basis", "6-31g");
        Assert.Equal(2, settings.Code);
        Assert.Contains("exists with other settings", settings.Err, StringComparison.Ordinal);
        var other = ScreeningInputs.File("other.smi", "CCN\n");
        var file = await CliRunner.RunAsync("screen", other, "--job", "j", "--db", db, "--method", "huckel");
        Assert.Equal(2, file.Code);
        Assert.Contains("another input file", file.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", file.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inputs_beyond_the_limits_are_refused_before_a_job_exists()
    {
        var db = ScreeningInputs.Db();
        var input = ScreeningInputs.File("big.smi", ScreeningInputs.Smiles(30));
        var lines = await CliRunner.RunAsync("screen", input, "--job", "big", "--db", db, "--method", "huckel", "--max-records", "10");
        Assert.Equal(2, lines.Code);
        Assert.Contains("more than 10 records", lines.Err, StringComparison.Ordinal);
        var bytes = await CliRunner.RunAsync("screen", input, "--job", "big", "--db", db, "--method", "huckel", "--max-bytes", "100");
        Assert.Equal(2, bytes.Code);
        Assert.Contains("beyond the limit", bytes.Err, StringComparison.Ordinal);
        var show = await CliRunner.RunAsync("jobs", "show", "big", "--db", db);
        Assert.Equal(2, show.Code);
        Assert.Contains("no screening job named 'big'", show.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_usage_is_reported_plainly()
    {
        var db = ScreeningInputs.Db();
        var input = ScreeningInputs.File("in.smi", "CCO\n");
        var active = await CliRunner.RunAsync("screen", input, "--job", "x", "--db", db, "--active", "2-2");
        Assert.Equal(2, active.Code);
        Assert.Contains("--active expects NE,NO", active.Err, StringComparison.Ordinal);
        var missing = await CliRunner.RunAsync("screen", input + ".nope", "--job", "x", "--db", db, "--method", "huckel");
        Assert.Equal(2, missing.Code);
        Assert.Contains("input file not found", missing.Err, StringComparison.Ordinal);
        var format = await CliRunner.RunAsync("export", "--job", "x", "--db", db, "--format", "xml");
        Assert.Equal(2, format.Code);
        var worker = await CliRunner.RunAsync("worker", "--cluster", "/tmp/not-postgres.db");
        Assert.Equal(2, worker.Code);
        Assert.Contains("PostgreSQL", worker.Err, StringComparison.Ordinal);
    }
}
