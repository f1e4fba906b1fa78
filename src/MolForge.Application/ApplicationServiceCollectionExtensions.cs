using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MolForge.Application.Artefacts;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Export;
using MolForge.Application.Generation;
using MolForge.Application.Scoring;
using MolForge.Chem.Formats;

namespace MolForge.Application;

/// <summary>Registers the use cases (design pipeline, run submission, progress) for the hosts (Web, Cli, Screening).
/// Storage comes from MolForge.Data's <c>AddMolForgeData</c>.</summary>
public static class ApplicationServiceCollectionExtensions
{
    /// <summary>Registers the graph-model generator as the pipeline's <see cref="ICandidateGenerator"/>.</summary>
    public static IServiceCollection AddMolForgeGeneration(this IServiceCollection services, GenerationOptions? options = null)
    {
        services.TryAddSingleton(options ?? new GenerationOptions());
        services.TryAddSingleton<ICandidateGenerator, ModelCandidateGenerator>();
        return services;
    }

    public static IServiceCollection AddMolForgeApplication(this IServiceCollection services, DesignLimits? limits = null, PipelineOptions? pipelineOptions = null)
    {
        services.TryAddSingleton(limits ?? new DesignLimits());
        services.TryAddSingleton(pipelineOptions ?? new PipelineOptions());
        services.TryAddSingleton<IStructureChecker, ChemStructureChecker>();
        services.TryAddSingleton<IVqeEngine, StateVectorVqeEngine>();
        services.TryAddSingleton<ICandidateScorer>(sp => new MoleculeScorer(sp.GetService<IVqeEngine>(), new ScorerOptions { WriteMolBlock = SdfWriter.ToMolBlock }));
        services.TryAddSingleton<IRunExporter, RunExporter>();
        services.TryAddSingleton<ICandidateArtefactService, CandidateArtefactService>();
        services.TryAddSingleton<DesignProgressHub>();
        services.TryAddSingleton<DesignPipeline>();
        services.TryAddSingleton<DesignRunService>();
        return services;
    }
}
