using Microsoft.Extensions.Time.Testing;
using MolForge.Application.Screening;
using MolForge.Application.Storage;

namespace MolForge.Application.Tests.Screening;

/// <summary>Rate and ETA from recent progress (sliding window) on a fake clock.</summary>
public sealed class ScreeningProgressTrackerTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    private static ScreeningJob Job(int done, int failed = 0, int total = 10_000, RunStatus status = RunStatus.Running) => new()
    {
        Id = Guid.Parse("6a1f0c4e-8d2b-4c3e-9a57-0e2f1b3c4d5e"),
        Name = "set",
        Status = status,
        Total = total,
        Done = done,
        Failed = failed,
        // Created a day ago: an average since creation would be tiny; the tracker must ignore this.
        CreatedAt = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero),
    };

    /// <summary>Readings every <paramref name="step"/> seconds with <paramref name="perStep"/> more lines each time;
    /// returns the last reading and the count reached.</summary>
    private (ScreeningProgress Last, int Count) Run(ScreeningProgressTracker tracker, int start, int readings, double step, int perStep, int failedEvery = 0)
    {
        var count = start;
        ScreeningProgress last = default;
        for (var i = 0; i < readings; i++)
        {
            if (i > 0)
            {
                _clock.Advance(TimeSpan.FromSeconds(step));
                count += perStep;
            }
            var failed = failedEvery > 0 ? count / failedEvery : 0;
            last = tracker.Observe(Job(count - failed, failed));
        }
        return (last, count);
    }

    [Fact]
    public void Rate_and_eta_are_unknown_until_the_readings_span_the_minimum()
    {
        var tracker = new ScreeningProgressTracker(_clock);
        var first = tracker.Observe(Job(5000));
        Assert.Equal((5000, 10_000, (double?)null, (TimeSpan?)null), (first.Finished, first.Total, first.PerSecond, first.Remaining));
        Assert.Equal(("—", "—"), (first.RateText, first.RemainingText));

        _clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(tracker.Observe(Job(5018)).PerSecond);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var enough = tracker.Observe(Job(5020));
        Assert.Equal(2.0, enough.PerSecond!.Value, 12);
        Assert.Equal(TimeSpan.FromSeconds((10_000 - 5020) / 2.0), enough.Remaining);
        Assert.Equal(("7200 mol/h", "41m30s"), (enough.RateText, enough.RemainingText));
    }

    [Fact]
    public void A_job_resumed_a_day_after_it_was_created_gets_the_rate_of_this_run_and_failed_lines_count()
    {
        var tracker = new ScreeningProgressTracker(_clock);
        // 3 lines every 2 s, one in ten of them invalid: 1.5 lines/s whatever the job's age or earlier runs.
        var (last, count) = Run(tracker, start: 6000, readings: 31, step: 2, perStep: 3, failedEvery: 10);
        Assert.Equal(6090, count);
        Assert.Equal(1.5, last.PerSecond!.Value, 12);
        Assert.Equal(TimeSpan.FromSeconds((10_000 - 6090) / 1.5), last.Remaining);
    }

    [Fact]
    public void Only_the_recent_window_counts_when_the_speed_changes()
    {
        var tracker = new ScreeningProgressTracker(_clock, window: TimeSpan.FromMinutes(2));
        // 5 minutes at 1 line/s, then 10 lines/s: once the window holds only the fast part, the rate is 10/s.
        var (slow, count) = Run(tracker, start: 0, readings: 301, step: 1, perStep: 1);
        Assert.Equal(1.0, slow.PerSecond!.Value, 12);
        var (fast, _) = Run(tracker, start: count, readings: 151, step: 1, perStep: 10);
        Assert.Equal(10.0, fast.PerSecond!.Value, 12);

        // Half-way into the change the estimate lies between the two speeds (a mix of both).
        var mixed = new ScreeningProgressTracker(_clock, window: TimeSpan.FromMinutes(2));
        Run(mixed, start: 0, readings: 200, step: 1, perStep: 1);
        var (between, _) = Run(mixed, start: 199, readings: 61, step: 1, perStep: 10);
        Assert.InRange(between.PerSecond!.Value, 1.5, 9.5);
    }

    [Fact]
    public void A_paused_job_starts_over_when_it_runs_again()
    {
        var tracker = new ScreeningProgressTracker(_clock);
        var (running, count) = Run(tracker, start: 0, readings: 21, step: 1, perStep: 4);
        Assert.Equal(4.0, running.PerSecond!.Value, 12);

        var paused = tracker.Observe(Job(count, status: RunStatus.Cancelled));
        Assert.Equal((count, (double?)null, (TimeSpan?)null), (paused.Finished, paused.PerSecond, paused.Remaining));

        // Resumed a day later, at half the speed: no reading spans the pause.
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(tracker.Observe(Job(count)).PerSecond);
        var (resumed, _) = Run(tracker, start: count, readings: 12, step: 1, perStep: 2);
        Assert.Equal(2.0, resumed.PerSecond!.Value, 12);
    }

    [Fact]
    public void A_gap_in_the_readings_longer_than_the_window_drops_the_old_readings()
    {
        var tracker = new ScreeningProgressTracker(_clock);
        var (_, count) = Run(tracker, start: 0, readings: 20, step: 1, perStep: 5);
        // The page was closed for an hour while the job went on (or not): the old readings are out of the window.
        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(tracker.Observe(Job(count + 100)).PerSecond);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3.0, tracker.Observe(Job(count + 130)).PerSecond!.Value, 12);
    }

    [Fact]
    public void A_stalled_job_has_rate_zero_and_no_eta_and_a_finished_one_has_nothing_left()
    {
        var tracker = new ScreeningProgressTracker(_clock);
        // No line in 30 s (slow molecules): not known yet; none in a minute (half the window): rate 0, no ETA.
        var (early, _) = Run(tracker, start: 700, readings: 31, step: 1, perStep: 0);
        Assert.Equal(((double?)null, "—"), (early.PerSecond, early.RateText));
        var (stalled, _) = Run(tracker, start: 700, readings: 31, step: 1, perStep: 0);
        Assert.Equal((0.0, (TimeSpan?)null), (stalled.PerSecond!.Value, stalled.Remaining));
        Assert.Equal(("0.0 mol/h", "—"), (stalled.RateText, stalled.RemainingText));

        var done = new ScreeningProgressTracker(_clock);
        done.Observe(Job(9990));
        _clock.Advance(TimeSpan.FromSeconds(10));
        var last = done.Observe(Job(9995, failed: 5));
        Assert.Equal((TimeSpan?)TimeSpan.Zero, last.Remaining);
        Assert.Equal(100.0, last.Percent);
    }

    [Fact]
    public void Slow_molecules_get_a_rate_once_one_finishes()
    {
        var tracker = new ScreeningProgressTracker(_clock);
        var (none, count) = Run(tracker, start: 40, readings: 25, step: 1, perStep: 0);
        Assert.Null(none.PerSecond);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var first = tracker.Observe(Job(count + 1)); // one line in 25 s: 144 mol/h
        Assert.Equal(1 / 25.0, first.PerSecond!.Value, 12);
        Assert.Equal("144 mol/h", first.RateText);
    }

    [Fact]
    public void Very_frequent_readings_keep_the_whole_window()
    {
        var tracker = new ScreeningProgressTracker(_clock);
        // A reading every 10 ms for 200 s (20 000 readings, far more than the samples kept): 3 lines a second for
        // 100 s, then 6 a second. After 200 s the 2-minute window holds 20 s of the slow part and 100 s of the fast.
        ScreeningProgress last = default;
        var count = 0.0;
        for (var i = 0; i <= 20_000; i++)
        {
            if (i > 0)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(10));
                count += i <= 10_000 ? 0.03 : 0.06;
            }
            last = tracker.Observe(Job((int)Math.Round(count)));
            if (i == 999) Assert.Null(last.PerSecond); // 9.99 s of readings
            if (i == 1000) Assert.Equal(3.0, last.PerSecond!.Value, 12);
        }
        Assert.InRange(last.PerSecond!.Value, (20 * 3 + 100 * 6) / 120.0 - 0.02, (20 * 3 + 100 * 6) / 120.0 + 0.02);
    }

    [Fact]
    public void A_count_that_goes_down_means_another_job_and_starts_over()
    {
        var tracker = new ScreeningProgressTracker(_clock);
        var (_, count) = Run(tracker, start: 0, readings: 15, step: 1, perStep: 5);
        Assert.True(count > 10);
        Assert.Null(tracker.Observe(Job(3)).PerSecond);
    }

    [Fact]
    public void Observing_a_list_tracks_each_job_and_forgets_jobs_no_longer_listed()
    {
        var tracker = new ScreeningProgressTracker(_clock);
        var a = Job(0);
        var b = new ScreeningJob { Id = Guid.NewGuid(), Name = "b", Status = RunStatus.Running, Total = 100 };
        for (var t = 0; t <= 10; t++)
        {
            a.Done = 2 * t;
            b.Done = 5 * t;
            var readings = tracker.ObserveAll([a, b]);
            if (t == 10)
            {
                Assert.Equal(2.0, readings[a.Id].PerSecond!.Value, 12);
                Assert.Equal(5.0, readings[b.Id].PerSecond!.Value, 12);
                Assert.Equal((TimeSpan?)TimeSpan.FromSeconds(10), readings[b.Id].Remaining);
            }
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        // b deleted: its readings are dropped, so a job later listed under the same id starts over.
        tracker.ObserveAll([a]);
        b.Done = 60;
        Assert.Null(tracker.ObserveAll([a, b])[b.Id].PerSecond);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(12.2, "13s")]
    [InlineData(270, "4m30s")]
    [InlineData(7500, "2h05m")]
    [InlineData(3 * 86400 + 4 * 3600 + 59, "3d04h")]
    public void Durations_are_short_and_rounded_up(double seconds, string text) =>
        Assert.Equal(text, ScreeningProgress.FormatDuration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Bad_windows_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScreeningProgressTracker(_clock, window: TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScreeningProgressTracker(_clock, window: TimeSpan.FromSeconds(5), minimumSpan: TimeSpan.FromSeconds(6)));
    }
}
