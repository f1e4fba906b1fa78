using Microsoft.Extensions.Logging;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using Orleans.Runtime;

namespace MolForge.Screening.Grains;

/// <summary>Coordinates a job. On (re)activation it plans the input (one streaming pass: chunk byte offsets), asks
/// the database which chunks are complete (the stored items are the checkpoint), then keeps a window of chunks in
/// flight — about two per scoring slot per active silo — polling each until it completes. A chunk whose silo died is
/// re-polled, which activates it on a live silo where it resumes. Holds no durable state of its own.</summary>
internal sealed partial class ScreeningJobGrain(
    IScreeningJobRepository repository,
    ScreeningLimits limits,
    ScreeningScorerResolver scorers,
    ILogger<ScreeningJobGrain> logger) : Grain, IScreeningJobGrain
{
    private const int MaxChunkFaults = 5;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private Task? _loop;
    private bool _checkStatusNow;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource _stop = new();

    public Task EnsureRunningAsync()
    {
        if (_loop is null || _loop.IsCompleted)
        {
            _stop = new CancellationTokenSource();
            // Runs on this activation's scheduler (turns interleave with incoming calls at awaits).
            _loop = RunAsync(this.GetPrimaryKey(), _stop.Token);
        }
        return Task.CompletedTask;
    }

    public Task ChunkFinishedAsync()
    {
        _wake.TrySetResult();
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        // Re-read the status now: the loop sees the cancellation, cancels the chunks in flight and ends.
        _checkStatusNow = true;
        _wake.TrySetResult();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stop.Cancel();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task RunAsync(Guid jobId, CancellationToken cancellationToken)
    {
        try
        {
            await CoordinateAsync(jobId, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Transient (database busy, cluster changing): the pump calls EnsureRunningAsync again shortly.
            LogLoopFailed(logger, ex, jobId);
        }
    }

    private async Task CoordinateAsync(Guid jobId, CancellationToken cancellationToken)
    {
        var job = await repository.GetAsync(jobId, cancellationToken);
        if (job is null || job.Status != RunStatus.Running) return;
        DelayDeactivation(TimeSpan.FromDays(7));
        var spec = ScreeningJobSpec.FromJson(job.SettingsJson);
        if (!scorers.IsAvailable(spec.Scoring.Method)) return; // another silo (with the pipeline) will pick it up
        ScreeningInputPlan plan;
        try
        {
            plan = await ScreeningInputPlan.CreateAsync(job.InputPath, spec.ChunkSize, limits with { MaxRecords = int.MaxValue, MaxInputBytes = long.MaxValue }, cancellationToken);
        }
        catch (ScreeningInputException ex)
        {
            await FailAsync(job, ex.Message, cancellationToken);
            return;
        }
        if (!string.Equals(plan.Sha256, job.InputSha256, StringComparison.OrdinalIgnoreCase) || plan.Total != job.Total)
        {
            await FailAsync(job, $"the input file {job.InputPath} changed since the job was created", cancellationToken);
            return;
        }

        var counts = await repository.CountItemsPerChunkAsync(jobId, spec.ChunkSize, cancellationToken);
        var pending = new Queue<ChunkRange>(plan.Chunks.Where(c => !counts.TryGetValue(c.Index, out var n) || n < c.Count));
        var inFlight = new Dictionary<int, ChunkRange>();
        var faults = new Dictionary<int, int>();
        var management = GrainFactory.GetGrain<IManagementGrain>(0);
        var window = 4;
        var nextStatusCheck = DateTime.UtcNow;
        while (pending.Count > 0 || inFlight.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DateTime.UtcNow >= nextStatusCheck || _checkStatusNow)
            {
                _checkStatusNow = false;
                var current = await repository.GetAsync(jobId, cancellationToken);
                if (current is null || current.Status != RunStatus.Running)
                {
                    await CancelChunksAsync(jobId, inFlight.Keys);
                    return;
                }
                var silos = (await management.GetHosts(onlyActive: true)).Count;
                // Enough chunks in flight that no scoring slot idles between polls; the per-silo semaphore bounds the work.
                window = 4 * Math.Max(1, silos) * Math.Max(1, limits.MaxConcurrentScoresPerSilo);
                nextStatusCheck = DateTime.UtcNow.AddSeconds(2);
            }
            while (inFlight.Count < window && pending.Count > 0)
            {
                var chunk = pending.Dequeue();
                inFlight[chunk.Index] = chunk;
            }
            var polls = inFlight.Values.Select(async chunk =>
            {
                try
                {
                    return (chunk, state: await Chunk(jobId, chunk.Index).PollAsync(Work(jobId, chunk, plan)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    // The chunk's silo is gone or unreachable: the next poll activates it elsewhere.
                    return (chunk, state: new ChunkState(ChunkStatus.Running, 0, ex.Message, ""));
                }
            }).ToList();
            foreach (var (chunk, state) in await Task.WhenAll(polls))
            {
                if (state.Status == ChunkStatus.Completed) inFlight.Remove(chunk.Index);
                else if (state.Status == ChunkStatus.Faulted)
                {
                    faults[chunk.Index] = faults.GetValueOrDefault(chunk.Index) + 1;
                    LogChunkFault(logger, jobId, chunk.Index, state.Error ?? "");
                    if (faults[chunk.Index] >= MaxChunkFaults)
                    {
                        await CancelChunksAsync(jobId, inFlight.Keys);
                        await FailAsync(job, $"chunk {chunk.Index} (lines from {chunk.FirstLineNumber}) failed {MaxChunkFaults} times: {state.Error}", cancellationToken);
                        return;
                    }
                }
            }
            if (inFlight.Count > 0)
            {
                var wake = _wake.Task;
                if (!wake.IsCompleted) await Task.WhenAny(wake, Task.Delay(PollInterval, cancellationToken));
                _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        // Every chunk reported complete: confirm from the database (the source of truth) before completing.
        counts = await repository.CountItemsPerChunkAsync(jobId, spec.ChunkSize, cancellationToken);
        if (plan.Chunks.All(c => counts.TryGetValue(c.Index, out var n) && n >= c.Count))
        {
            var latest = await repository.GetAsync(jobId, cancellationToken);
            if (latest?.Status == RunStatus.Running) await repository.SetStatusAsync(jobId, RunStatus.Completed, null, cancellationToken);
            DeactivateOnIdle();
        }
    }

    private IScreeningChunkGrain Chunk(Guid jobId, int index) => GrainFactory.GetGrain<IScreeningChunkGrain>($"{jobId:N}/{index}");

    private static ChunkWork Work(Guid jobId, ChunkRange c, ScreeningInputPlan plan) =>
        new(jobId, c.Index, c.FirstRecord, c.Count, c.ByteOffset, c.FirstLineNumber, plan.Csv?.SmilesColumn ?? -1, plan.Csv?.NameColumn ?? -1, plan.Csv?.Delimiter ?? ',');

    private async Task CancelChunksAsync(Guid jobId, IEnumerable<int> chunks)
    {
        foreach (var index in chunks.ToList())
        {
            try
            {
                await Chunk(jobId, index).CancelAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogChunkFault(logger, jobId, index, ex.Message);
            }
        }
    }

    private async Task FailAsync(ScreeningJob job, string message, CancellationToken cancellationToken)
    {
        LogJobFailed(logger, job.Id, message);
        await repository.SetStatusAsync(job.Id, RunStatus.Failed, message, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Screening job {JobId}: coordination loop stopped; it will be resumed")]
    private static partial void LogLoopFailed(ILogger logger, Exception ex, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Screening job {JobId}: chunk {Chunk}: {Error}")]
    private static partial void LogChunkFault(ILogger logger, Guid jobId, int chunk, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Screening job {JobId} failed: {Message}")]
    private static partial void LogJobFailed(ILogger logger, Guid jobId, string message);
}
