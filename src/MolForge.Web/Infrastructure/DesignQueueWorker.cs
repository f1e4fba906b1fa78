namespace MolForge.Web.Infrastructure;

/// <summary>Hosts <see cref="Application.Pipeline.DesignRunService.ProcessQueueAsync"/>: submitted design runs are
/// processed in the background, one at a time, while pages watch their progress.</summary>
internal sealed class DesignQueueWorker(DesignAvailability availability, ILogger<DesignQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (availability.RunService is not { } service)
        {
            logger.LogWarning("No candidate generator/scorer is registered: design runs are disabled in this build");
            return;
        }
        try
        {
            await service.ProcessQueueAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
