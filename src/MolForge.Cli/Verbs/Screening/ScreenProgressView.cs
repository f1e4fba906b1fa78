using System.Diagnostics;
using System.Globalization;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using Spectre.Console;

namespace MolForge.Cli.Verbs.Screening;

/// <summary>Shows a job's progress on stderr: a Spectre.Console progress bar with rate and ETA on a terminal, plain
/// lines (every few seconds) otherwise. Rate and ETA count only lines finished by this run.</summary>
internal abstract class ScreenProgressView
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int? _startCount;

    /// <summary>A view suited to where stderr goes.</summary>
    public static ScreenProgressView Create(CliIO io, string jobName)
    {
        var terminal = ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected;
        return terminal ? new BarView(jobName) : new LineView(io.Error, jobName);
    }

    /// <summary>Runs <paramref name="wait"/>, rendering each reading it reports.</summary>
    public abstract Task<ScreeningJob> RunAsync(Func<IProgress<ScreeningJob>, Task<ScreeningJob>> wait, ScreeningJob initial);

    /// <summary>Lines per second in this run, and the estimated time left.</summary>
    protected (double Rate, TimeSpan? Eta) Measure(ScreeningJob job)
    {
        var finished = job.Done + job.Failed;
        _startCount ??= finished;
        var seconds = _clock.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? (finished - _startCount.Value) / seconds : 0;
        TimeSpan? eta = rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, job.Total - finished) / rate) : null;
        return (rate, eta);
    }

    /// <summary>The plain one-line form.</summary>
    protected string Describe(ScreeningJob job)
    {
        var finished = job.Done + job.Failed;
        var (rate, eta) = Measure(job);
        var percent = job.Total > 0 ? 100.0 * finished / job.Total : 100;
        return string.Create(CultureInfo.InvariantCulture,
            $"screen {job.Name}: {finished}/{job.Total} ({percent:F1}%), {job.Failed} invalid/failed, {rate * 3600:F0} mol/h, ETA {(eta is { } e ? Format(e) : "--")}");
    }

    private static string Format(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h{t.Minutes:D2}m")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}m{t.Seconds:D2}s");

    private sealed class LineView(TextWriter error, string name) : ScreenProgressView
    {
        private DateTime _next = DateTime.MinValue;

        public override async Task<ScreeningJob> RunAsync(Func<IProgress<ScreeningJob>, Task<ScreeningJob>> wait, ScreeningJob initial)
        {
            var progress = new SyncReporter(job =>
            {
                if (DateTime.UtcNow < _next) return;
                _next = DateTime.UtcNow.AddSeconds(5);
                error.WriteLine(Describe(job));
            });
            var final = await wait(progress).ConfigureAwait(false);
            error.WriteLine(Describe(final));
            _ = name;
            return final;
        }
    }

    private sealed class BarView(string name) : ScreenProgressView
    {
        public override async Task<ScreeningJob> RunAsync(Func<IProgress<ScreeningJob>, Task<ScreeningJob>> wait, ScreeningJob initial)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            ScreeningJob final = initial;
            await console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape(name), maxValue: Math.Max(1, initial.Total));
                    var progress = new SyncReporter(job =>
                    {
                        var (rate, _) = Measure(job);
                        task.MaxValue = Math.Max(1, job.Total);
                        task.Value = job.Done + job.Failed;
                        task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                            $"{name} {job.Done + job.Failed}/{job.Total} ({job.Failed} bad) {rate * 3600:F0} mol/h"));
                    });
                    final = await wait(progress).ConfigureAwait(false);
                    task.Value = task.MaxValue;
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
