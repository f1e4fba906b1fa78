using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MolForge.Application.Screening;
using MolForge.Screening.Grains;

namespace MolForge.Screening;

/// <summary>Runs in every silo: every few seconds, wakes the job grain of each running job. This is how a job whose
/// coordinating silo died (or whose process was killed) is taken up again: the call activates its grain on a live
/// silo, which resumes from the stored items.</summary>
internal sealed partial class ScreeningJobPump(
    IScreeningJobRepository repository,
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    ScreeningClusterOptions options,
    ILogger<ScreeningJobPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var job in await repository.ListRunningAsync(stoppingToken).ConfigureAwait(false))
                    await grains.GetGrain<IScreeningJobGrain>(job.Id).EnsureRunningAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogPumpFailed(logger, ex);
            }
            try
            {
                await Task.Delay(options.PumpInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Screening job pump: could not wake running jobs")]
    private static partial void LogPumpFailed(ILogger logger, Exception ex);
}
