using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using MolForge.Cli.Verbs.Screening;

namespace MolForge.Cli.Tests.Screening;

/// <summary>The plain progress lines of `screen` (stderr not a terminal): rate and ETA from recent readings on a
/// fake clock, "—" until there is enough data, a line every 5 s, counts only once the job has ended.</summary>
public sealed class ScreenProgressViewTests
{
    [Fact]
    public async Task Lines_show_the_rate_of_this_run_not_since_the_job_was_created()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var io = new CliIO(new StringReader(""), new StringWriter(CultureInfo.InvariantCulture), stderr);
        var view = ScreenProgressView.Create(io, "set", clock);
        // Resumed a day after it was created, half done: the earlier day must not enter the rate.
        var id = Guid.NewGuid();
        ScreeningJob Reading(int finished, RunStatus status = RunStatus.Running) => new()
        {
            Id = id, Name = "set", Status = status, Total = 10_000, Done = finished - 3, Failed = 3,
            CreatedAt = clock.GetUtcNow().AddDays(-1),
        };

        var final = await view.RunAsync(progress =>
        {
            progress.Report(Reading(5000));
            for (var s = 1; s <= 20; s++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                progress.Report(Reading(5000 + 2 * s)); // 2 lines a second
            }
            return Task.FromResult(Reading(10_000, RunStatus.Completed));
        }, Reading(5000));

        var lines = stderr.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(
        [
            "screen set: 5000/10000 (50.0%), 3 invalid/failed, rate —, ETA —",
            "screen set: 5010/10000 (50.1%), 3 invalid/failed, rate —, ETA —", // 5 s of readings: not enough yet
            "screen set: 5020/10000 (50.2%), 3 invalid/failed, rate 7200 mol/h, ETA 41m30s",
            "screen set: 5030/10000 (50.3%), 3 invalid/failed, rate 7200 mol/h, ETA 41m25s",
            "screen set: 5040/10000 (50.4%), 3 invalid/failed, rate 7200 mol/h, ETA 41m20s",
            "screen set: 10000/10000 (100.0%), 3 invalid/failed",
        ], lines);
        Assert.Equal(RunStatus.Completed, final.Status);
    }
}
