using System.Text;

namespace MolForge.Cli.Tests.Screening;

/// <summary>Evidence for durability: a real `molforge screen` child process is killed with SIGKILL mid-job (twice)
/// and resumed with the same command; the result must be one row per input line, none duplicated, equal to an
/// uninterrupted run.</summary>
public sealed class CrashResumeTests
{
    [Fact]
    public async Task Screen_killed_mid_job_and_rerun_finishes_with_every_line_once_and_the_same_results()
    {
        const int lines = 1500;
        var input = ScreeningInputs.File("crash.smi", ScreeningInputs.Smiles(lines));
        string[] Args(string db) => ["screen", input, "--job", "crash", "--db", db, "--method", "huckel", "--chunk-size", "8", "--parallel", "1", "--checkpoint-every", "1"];

        // Reference: uninterrupted, in-process.
        var referenceDb = ScreeningInputs.Db();
        Assert.Equal(1, (await CliRunner.RunAsync(Args(referenceDb))).Code);
        var reference = await CliRunner.RunAsync("export", "--job", "crash", "--db", referenceDb);

        var db = ScreeningInputs.Db();
        var log = new StringBuilder();
        var kills = new List<int>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var before = await CliRunner.ShowAsync(db, "crash");
            using var child = CliRunner.Start(log, Args(db));
            var seen = await CliRunner.WaitAsync(db, "crash", j => j.Done + j.Failed >= before.Done + before.Failed + 60, TimeSpan.FromMinutes(3), child);
            CliRunner.KillHard(child);
            Assert.Equal(137, child.ExitCode); // 128 + SIGKILL
            var after = await CliRunner.ShowAsync(db, "crash");
            Assert.True(after.Done + after.Failed < lines, $"the job finished before the kill; make the input larger ({after})");
            Assert.Equal("running", after.Status);
            kills.Add(after.Done + after.Failed);
            _ = seen;
        }
        using (var resume = CliRunner.Start(log, Args(db)))
        {
            Assert.True(resume.WaitForExit(TimeSpan.FromMinutes(4)), $"resume did not finish: {log}");
            Assert.Equal(1, resume.ExitCode);
        }
        var final = await CliRunner.ShowAsync(db, "crash");
        Assert.Equal(new JobJson("crash", "completed", lines, final.Done, lines - final.Done), final);
        var export = await CliRunner.RunAsync("export", "--job", "crash", "--db", db);
        var rows = export.Out.TrimEnd('\n').Split('\n').Skip(1).ToList();
        Assert.Equal(lines, rows.Count);
        Assert.Equal(Enumerable.Range(0, lines).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r[..r.IndexOf(',', StringComparison.Ordinal)]));
        Assert.Equal(reference.Out, export.Out); // identical energies, statuses and errors, line by line
        Assert.True(kills[0] > 0 && kills[1] > kills[0], string.Join(",", kills));
    }
}
