using System.Globalization;
using MolForge.Application.Storage;

namespace MolForge.Application.Screening;

/// <summary>A job's progress at one reading: lines finished (scored + invalid/failed), the recent rate and the time
/// left at that rate. <see cref="PerSecond"/> and <see cref="Remaining"/> are null until there is enough data.</summary>
/// <param name="Finished">Done + failed lines.</param>
/// <param name="Total">Input lines.</param>
/// <param name="PerSecond">Lines per second over the recent window, or null (not enough data, or the job is not running).</param>
/// <param name="Remaining">Estimated time left at that rate, or null (unknown, or no progress in the window).</param>
public readonly record struct ScreeningProgress(int Finished, int Total, double? PerSecond, TimeSpan? Remaining)
{
    /// <summary>Shown where a value is not known yet.</summary>
    public const string Unknown = "—";

    /// <summary>Finished share in percent (100 for an empty job).</summary>
    public double Percent => Total > 0 ? 100.0 * Finished / Total : 100;

    /// <summary>The rate as "1234 mol/h" (one decimal under 10), or "—".</summary>
    public string RateText => PerSecond is { } r
        ? (r * 3600).ToString(r * 3600 < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " mol/h"
        : Unknown;

    /// <summary>The time left as "2h05m", "4m30s" or "12s", or "—".</summary>
    public string RemainingText => Remaining is { } t ? FormatDuration(t) : Unknown;

    /// <summary>A duration as "3d04h", "2h05m", "4m30s" or "12s" (rounded up to whole seconds).</summary>
    public static string FormatDuration(TimeSpan t)
    {
        var s = (long)Math.Ceiling(Math.Max(0, t.TotalSeconds));
        return s switch
        {
            >= 86400 => string.Create(CultureInfo.InvariantCulture, $"{s / 86400}d{s % 86400 / 3600:D2}h"),
            >= 3600 => string.Create(CultureInfo.InvariantCulture, $"{s / 3600}h{s % 3600 / 60:D2}m"),
            >= 60 => string.Create(CultureInfo.InvariantCulture, $"{s / 60}m{s % 60:D2}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{s}s"),
        };
    }
}

/// <summary>Rate and ETA of screening jobs from recent progress, for the CLI progress bar and the web Jobs page.
/// Each <see cref="Observe"/> adds a sample (monotonic time of the reading, done + failed) for the job; the rate is
/// the progress between the oldest and the newest sample of the last <see cref="Window"/> divided by the time between
/// them (a sliding-window average), so a resume, a pause or a job created long ago does not distort it. Until the
/// samples span <see cref="MinimumSpan"/>, and while no line has finished in them unless they span half the window,
/// the rate and ETA are unknown; a job with no progress over half the window or more has rate 0 and no ETA. A job that is not running, or whose count
/// went down (deleted and created again), starts over. Safe to call from several threads.</summary>
public sealed class ScreeningProgressTracker
{
    /// <summary>Default width of the sliding window.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(2);

    /// <summary>Default least time the samples must span before a rate is given.</summary>
    public static readonly TimeSpan DefaultMinimumSpan = TimeSpan.FromSeconds(10);

    /// <summary>Samples kept per job at most: a reading less than <see cref="Window"/> / MaxSamples after the last
    /// stored sample is used for the rate but not stored, so frequent readings never shorten the window.</summary>
    public const int MaxSamples = 500;

    private readonly TimeProvider _time;
    private readonly Dictionary<Guid, Series> _samples = [];
    private readonly Lock _lock = new();

    /// <summary>A tracker on <paramref name="timeProvider"/> (default: the system clock).</summary>
    /// <param name="timeProvider">Clock of the readings (tests pass a fake one).</param>
    /// <param name="window">Width of the sliding window (default 2 minutes).</param>
    /// <param name="minimumSpan">Least time the samples must span for a rate (default 10 s; at most the window).</param>
    public ScreeningProgressTracker(TimeProvider? timeProvider = null, TimeSpan? window = null, TimeSpan? minimumSpan = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        Window = window ?? DefaultWindow;
        MinimumSpan = minimumSpan ?? DefaultMinimumSpan;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero, nameof(window));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinimumSpan, TimeSpan.Zero, nameof(minimumSpan));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinimumSpan, Window, nameof(minimumSpan));
    }

    /// <summary>Width of the sliding window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Least time the samples must span before a rate is given.</summary>
    public TimeSpan MinimumSpan { get; }

    /// <summary>Records a reading of <paramref name="job"/> now and returns its progress with the recent rate.</summary>
    public ScreeningProgress Observe(ScreeningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var finished = job.Done + job.Failed;
        if (job.Status is not (RunStatus.Running or RunStatus.Pending))
        {
            lock (_lock) _samples.Remove(job.Id);
            return new ScreeningProgress(finished, job.Total, null, null);
        }
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            if (!_samples.TryGetValue(job.Id, out var series)) _samples[job.Id] = series = new Series();
            var queue = series.Samples;
            if (queue.Count > 0 && finished < series.Last) queue.Clear(); // counts only grow: start over
            series.Last = finished;
            if (queue.Count == 0 || _time.GetElapsedTime(series.LastStored, now) >= Window / MaxSamples)
            {
                queue.Enqueue(new Sample(now, finished));
                series.LastStored = now;
            }
            while (queue.Count > MaxSamples || (queue.Count > 1 && _time.GetElapsedTime(queue.Peek().Timestamp, now) > Window)) queue.Dequeue();
            // The rate runs from the oldest sample in the window to this reading.
            var oldest = queue.Peek();
            var span = _time.GetElapsedTime(oldest.Timestamp, now);
            var progressed = finished - oldest.Finished;
            // Not enough data: too short a span, or no line finished yet in less than half a window (slow molecules
            // finish seconds apart: "0 mol/h" only once half a window has passed without any).
            if (span < MinimumSpan || span <= TimeSpan.Zero || (progressed == 0 && span < Window / 2))
                return new ScreeningProgress(finished, job.Total, null, null);
            var rate = progressed / span.TotalSeconds;
            var left = Math.Max(0, job.Total - finished);
            TimeSpan? remaining = left == 0 ? TimeSpan.Zero : rate > 0 ? TimeSpan.FromSeconds(Math.Min(left / rate, TimeSpan.MaxValue.TotalSeconds / 2)) : null;
            return new ScreeningProgress(finished, job.Total, rate, remaining);
        }
    }

    /// <summary>Observes every job of a list (as the Jobs page reads it) and forgets jobs no longer in it.</summary>
    public IReadOnlyDictionary<Guid, ScreeningProgress> ObserveAll(IReadOnlyList<ScreeningJob> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        var readings = new Dictionary<Guid, ScreeningProgress>(jobs.Count);
        foreach (var job in jobs) readings[job.Id] = Observe(job);
        lock (_lock)
        {
            foreach (var id in _samples.Keys.Where(id => !readings.ContainsKey(id)).ToList()) _samples.Remove(id);
        }
        return readings;
    }

    /// <summary>Forgets the samples of a job (its next reading starts over).</summary>
    public void Forget(Guid jobId)
    {
        lock (_lock) _samples.Remove(jobId);
    }

    private readonly record struct Sample(long Timestamp, int Finished);

    private sealed class Series
    {
        public Queue<Sample> Samples { get; } = new();
        public int Last { get; set; }
        public long LastStored { get; set; }
    }
}
