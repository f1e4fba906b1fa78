using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Pipeline;

namespace MolForge.Application.Screening;

/// <summary>Picks the scorer for a job's method: <c>huckel</c> is the built-in cheap model; every other method uses
/// the scoring pipeline registered as <see cref="ICandidateScorer"/> (by AddMolForgeApplication once it has one).</summary>
public sealed class ScreeningScorerResolver(IServiceProvider services)
{
    private readonly HuckelScreeningScorer _huckel = new();

    /// <summary>True when <paramref name="method"/> can be scored in this process.</summary>
    public bool IsAvailable(string method) => method == "huckel" || services.GetService<ICandidateScorer>() is not null;

    /// <summary>The scorer for <paramref name="method"/>.</summary>
    /// <exception cref="ScreeningJobException">No scoring pipeline is registered for the method.</exception>
    public ICandidateScorer Resolve(string method) =>
        method == "huckel"
            ? _huckel
            : services.GetService<ICandidateScorer>() ?? throw new ScreeningJobException($"method '{method}' needs the quantum scoring pipeline, which is not available in this build (use --method huckel for a dry run)");
}

/// <summary>Registers the screening use cases (job service, chunk processor, limits, per-silo concurrency).</summary>
public static class ScreeningServiceCollectionExtensions
{
    /// <summary>Adds <see cref="ScreeningJobService"/> and what chunk processing needs. The repository comes from
    /// MolForge.Data (AddMolForgeData); the dispatcher from MolForge.Screening (AddMolForgeScreening).</summary>
    public static IServiceCollection AddMolForgeScreeningJobs(this IServiceCollection services, ScreeningLimits? limits = null)
    {
        services.AddSingleton(limits ?? new ScreeningLimits());
        services.AddSingleton<ScreeningConcurrency>();
        services.AddSingleton<ScreeningScorerResolver>();
        services.AddSingleton<ScreeningChunkProcessor>();
        services.AddSingleton<ScreeningJobExporter>();
        services.AddSingleton(sp => new ScreeningJobService(
            sp.GetRequiredService<IScreeningJobRepository>(), sp.GetRequiredService<ScreeningLimits>(), sp.GetService<IScreeningJobDispatcher>()));
        return services;
    }
}
