using System.Globalization;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using Spectre.Console;

namespace MolForge.Cli.Verbs.Screening;

/// <summary>Shows a job's progress on stderr: a Spectre.Console progress bar with rate and ETA on a terminal, plain
/// lines (every few seconds) otherwise. Rate and ETA come from <see cref="ScreeningProgressTracker"/> (recent
/// progress only, "—" until there is enough data).</summary>
internal abstract class ScreenProgressView(TimeProvider time)
{
    private readonly ScreeningProgressTracker _tracker = new(time);

    /// <summary>The clock of the readings.</summary>
    protected TimeProvider Time => time;

    /// <summary>A view suited to where stderr goes.</summary>
    /// <param name="io">The streams (a bar only when stderr is the console's terminal).</param>
    /// <param name="jobName">The job's name.</param>
    /// <param name="time">The clock (default: the system's; tests pass a fake one).</param>
    public static ScreenProgressView Create(CliIO io, string jobName, TimeProvider? time = null)
    {
        var terminal = ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected;
        return terminal ? new BarView(jobName, time ?? TimeProvider.System) : new LineView(io.Error, time ?? TimeProvider.System);
    }

    /// <summary>Runs <paramref name="wait"/>, rendering each reading it reports.</summary>
    public abstract Task<ScreeningJob> RunAsync(Func<IProgress<ScreeningJob>, Task<ScreeningJob>> wait, ScreeningJob initial);

    /// <summary>Records a reading: counts with the recent rate and the estimated time left.</summary>
    protected ScreeningProgress Measure(ScreeningJob job) => _tracker.Observe(job);

    /// <summary>The plain one-line form (rate and ETA while the job runs).</summary>
    protected static string Describe(ScreeningJob job, ScreeningProgress p)
    {
        var counts = string.Create(CultureInfo.InvariantCulture, $"screen {job.Name}: {p.Finished}/{p.Total} ({p.Percent:F1}%), {job.Failed} invalid/failed");
        return job.Status is RunStatus.Running or RunStatus.Pending ? $"{counts}, rate {p.RateText}, ETA {p.RemainingText}" : counts;
    }

    private sealed class LineView(TextWriter error, TimeProvider time) : ScreenProgressView(time)
    {
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public override async Task<ScreeningJob> RunAsync(Func<IProgress<ScreeningJob>, Task<ScreeningJob>> wait, ScreeningJob initial)
        {
            var progress = new SyncReporter(job =>
            {
                var reading = Measure(job); // every reading is a sample; a line only every 5 s
                if (Time.GetUtcNow() < _next) return;
                _next = Time.GetUtcNow().AddSeconds(5);
                error.WriteLine(Describe(job, reading));
            });
            var final = await wait(progress).ConfigureAwait(false);
            error.WriteLine(Describe(final, Measure(final)));
            return final;
        }
    }

    private sealed class BarView(string name, TimeProvider time) : ScreenProgressView(time)
    {
        public override async Task<ScreeningJob> RunAsync(Func<IProgress<ScreeningJob>, Task<ScreeningJob>> wait, ScreeningJob initial)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            ScreeningJob final = initial;
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(name), maxValue: Math.Max(1, initial.Total));
                    task.Value = initial.Done + initial.Failed;
                    var progress = new SyncReporter(job =>
                    {
                        var p = Measure(job);
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Finished;
                        // Spectre's own remaining-time column would count the lines of earlier runs as this run's speed.
                        var counts = string.Create(CultureInfo.InvariantCulture, $"{name} {p.Finished}/{p.Total} ({job.Failed} bad)");
                        task.Description = Markup.Escape(job.Status is RunStatus.Running or RunStatus.Pending
                            ? $"{counts} rate {p.RateText} ETA {p.RemainingText}"
                            : $"{counts} {ScreeningCli.StatusName(job.Status)}");
                    });
                    final = await wait(progress).ConfigureAwait(false);
                    // A cancelled or failed job stays where it stopped (not a full bar).
                    task.Value = final.Status == RunStatus.Completed ? task.MaxValue : final.Done + final.Failed;
                }).ConfigureAwait(false);
            return final;
        }
    }

    /// <summary>An IProgress that reports on the caller's thread (no synchronisation context in a console app).</summary>
    private sealed class SyncReporter(Action<ScreeningJob> report) : IProgress<ScreeningJob>
    {
        public void Report(ScreeningJob value) => report(value);
    }
}
