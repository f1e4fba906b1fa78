using MolForge.Application.Pipeline;

namespace MolForge.Web.Infrastructure;

/// <summary>Whether this build can run designs: the generator and the scorer (from the chemistry/quantum cores) must
/// be registered. Pages show a plain message instead of failing when they are not.</summary>
public sealed class DesignAvailability(IServiceProviderIsService isService, IServiceProvider services)
{
    /// <summary>True when a design run can be submitted and processed.</summary>
    public bool IsAvailable { get; } = isService.IsService(typeof(ICandidateGenerator)) && isService.IsService(typeof(ICandidateScorer));

    /// <summary>The run service, or null when <see cref="IsAvailable"/> is false.</summary>
    public DesignRunService? RunService => IsAvailable ? services.GetRequiredService<DesignRunService>() : null;
}
