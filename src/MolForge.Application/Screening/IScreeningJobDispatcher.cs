namespace MolForge.Application.Screening;

/// <summary>Starts (or wakes) the processing of a stored job on the cluster (port; MolForge.Screening implements it
/// with Orleans grains). Calling it again for a running job is harmless.</summary>
public interface IScreeningJobDispatcher
{
    /// <summary>Makes sure the job is being processed; returns once the cluster has taken it.</summary>
    Task EnsureRunningAsync(Guid jobId, CancellationToken cancellationToken = default);

    /// <summary>Asks the cluster to stop processing the job (its status is set by the caller).</summary>
    Task StopAsync(Guid jobId, CancellationToken cancellationToken = default);
}
