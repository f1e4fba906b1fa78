using Microsoft.Extensions.Logging;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using Orleans.Placement;

namespace MolForge.Screening.Grains;

/// <summary>Hosts <see cref="ScreeningChunkProcessor"/> for one chunk. Placed by activation count so chunks spread
/// over the silos; the per-silo bound on concurrent scoring is <see cref="ScreeningConcurrency"/>. Holds no durable
/// state of its own: the stored items are the checkpoint.</summary>
[ActivationCountBasedPlacement]
internal sealed partial class ScreeningChunkGrain(
    ScreeningChunkProcessor processor,
    IScreeningJobRepository repository,
    ILocalSiloDetails silo,
    IGrainFactory grains,
    ILogger<ScreeningChunkGrain> logger) : Grain, IScreeningChunkGrain
{
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _work;
    private int _stored;

    public Task<ChunkState> PollAsync(ChunkWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var where = silo.SiloAddress.ToString();
        if (_work is { IsCompletedSuccessfully: true })
        {
            DeactivateOnIdle();
            return Task.FromResult(new ChunkState(ChunkStatus.Completed, _stored, null, where));
        }
        if (_work is { IsFaulted: true } or { IsCanceled: true })
        {
            var error = _work.Exception?.GetBaseException().Message ?? "cancelled";
            _work = null;
            return Task.FromResult(new ChunkState(ChunkStatus.Faulted, _stored, error, where));
        }
        if (_work is null)
        {
            var token = _stop.Token;
            _work = Task.Run(() => RunAsync(work, token), token);
        }
        return Task.FromResult(new ChunkState(ChunkStatus.Running, _stored, null, where));
    }

    public Task CancelAsync()
    {
        _stop.Cancel();
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private async Task<int> RunAsync(ChunkWork work, CancellationToken cancellationToken)
    {
        try
        {
            var job = await repository.GetAsync(work.JobId, cancellationToken)
                      ?? throw new InvalidOperationException($"job {work.JobId} does not exist");
            var spec = ScreeningJobSpec.FromJson(job.SettingsJson);
            var csv = spec.Format == "csv" ? new CsvColumns(work.SmilesColumn, work.NameColumn, work.Delimiter) : null;
            var plan = new ScreeningInputPlan(spec.Format, job.Total, 0, job.InputSha256, csv, []);
            var chunk = new ChunkRange(work.Index, work.FirstRecord, work.Count, work.ByteOffset, work.FirstLineNumber);
            var progress = new Progress(this);
            var stored = await processor.ProcessAsync(job, spec, plan, chunk, progress, cancellationToken);
            await grains.GetGrain<IScreeningJobGrain>(work.JobId).ChunkFinishedAsync();
            return stored;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogChunkFailed(logger, ex, work.JobId, work.Index);
            throw;
        }
    }

    private sealed class Progress(ScreeningChunkGrain grain) : IProgress<int>
    {
        public void Report(int value) => Interlocked.Add(ref grain._stored, value);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stop.Cancel();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chunk {Chunk} of job {JobId} failed")]
    private static partial void LogChunkFailed(ILogger logger, Exception ex, Guid jobId, int chunk);
}
