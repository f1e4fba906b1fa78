using System.Text.Json;

namespace MolForge.Cli.Tests.Screening;

/// <summary>`molforge jobs delete NAME`: removes a finished job and its results, refuses a running one (usage
/// error, exit 2) and an unknown name, never deletes the input file the CLI read.</summary>
public sealed class JobsDeleteTests
{
    [Fact]
    public async Task Deleting_a_done_job_removes_it_and_its_results_and_keeps_the_input_and_the_other_jobs()
    {
        var db = ScreeningInputs.Db();
        var input = ScreeningInputs.File("in.smi", ScreeningInputs.Smiles(14));
        Assert.Equal(1, (await CliRunner.RunAsync("screen", input, "--job", "gone", "--db", db, "--method", "huckel")).Code);
        Assert.Equal(1, (await CliRunner.RunAsync("screen", input, "--job", "kept", "--db", db, "--method", "huckel")).Code);

        var (code, stdout, stderr) = await CliRunner.RunAsync("jobs", "delete", "gone", "--db", db);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal($"deleted job gone (completed): the job and its 14 stored results\ninput file kept: {input}\n", stdout);
        Assert.True(File.Exists(input));

        var show = await CliRunner.RunAsync("jobs", "show", "gone", "--db", db);
        Assert.Equal(2, show.Code);
        Assert.Contains("no screening job named 'gone'", show.Err, StringComparison.Ordinal);
        var kept = await CliRunner.ShowAsync(db, "kept");
        Assert.Equal(("completed", 14), (kept.Status, kept.Done + kept.Failed));
        var export = await CliRunner.RunAsync("export", "--job", "kept", "--db", db, "--format", "csv");
        Assert.Equal(15, export.Out.TrimEnd('\n').Split('\n').Length);

        // The name is free again: screening under it starts a new job from the first line.
        var again = await CliRunner.RunAsync("screen", input, "--job", "gone", "--db", db, "--method", "huckel", "--basis", "6-31g");
        Assert.Equal(1, again.Code);
        var renewed = await CliRunner.ShowAsync(db, "gone");
        Assert.Equal(("completed", 14), (renewed.Status, renewed.Done + renewed.Failed));

        var json = await CliRunner.RunAsync("jobs", "delete", "gone", "--db", db, "--json");
        Assert.Equal(0, json.Code);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(["name", "status", "items_removed", "input_file_removed"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("gone", 14, false), (doc.RootElement.GetProperty("name").GetString(), doc.RootElement.GetProperty("items_removed").GetInt32(), doc.RootElement.GetProperty("input_file_removed").GetBoolean()));
    }

    [Fact]
    public async Task A_running_job_is_refused_with_the_way_out_until_it_is_cancelled()
    {
        var db = ScreeningInputs.Db();
        var input = ScreeningInputs.File("queued.smi", "CCO a\nc1ccccc1 b\n");
        // --detach stores the job as running for workers; none runs here, so it stays running.
        Assert.Equal(0, (await CliRunner.RunAsync("screen", input, "--job", "my set", "--db", db, "--method", "huckel", "--detach")).Code);

        var refused = await CliRunner.RunAsync("jobs", "delete", "my set", "--db", db);
        Assert.Equal(2, refused.Code);
        Assert.Equal("", refused.Out);
        Assert.Contains("error: job 'my set' is running; cancel it first, then delete it (molforge jobs cancel 'my set')", refused.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", refused.Err, StringComparison.Ordinal);
        Assert.Equal("running", (await CliRunner.ShowAsync(db, "my set")).Status);

        Assert.Equal(0, (await CliRunner.RunAsync("jobs", "cancel", "my set", "--db", db)).Code);
        var deleted = await CliRunner.RunAsync("jobs", "delete", "my set", "--db", db);
        Assert.Equal(0, deleted.Code);
        Assert.StartsWith("deleted job my set (cancelled): the job and its 0 stored results\n", deleted.Out, StringComparison.Ordinal);
        Assert.Equal("missing", (await CliRunner.ShowAsync(db, "my set")).Status);
        Assert.True(File.Exists(input));
    }

    [Fact]
    public async Task An_unknown_name_is_a_usage_error()
    {
        var db = ScreeningInputs.Db();
        var (code, stdout, stderr) = await CliRunner.RunAsync("jobs", "delete", "nothing", "--db", db);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains("error: no screening job named 'nothing' in this database", stderr, StringComparison.Ordinal);
    }
}
