using MolForge.Application.Screening;
using MolForge.Screening.Grains;

namespace MolForge.Screening;

/// <summary>Hands jobs to the job grains of the cluster this process belongs to.</summary>
internal sealed class OrleansScreeningJobDispatcher(IGrainFactory grains) : IScreeningJobDispatcher
{
    public Task EnsureRunningAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        grains.GetGrain<IScreeningJobGrain>(jobId).EnsureRunningAsync();

    public Task StopAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        grains.GetGrain<IScreeningJobGrain>(jobId).StopAsync();
}
