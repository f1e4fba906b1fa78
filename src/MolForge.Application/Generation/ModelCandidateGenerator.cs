using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Generation.Model;

namespace MolForge.Application.Generation;

/// <summary>The design pipeline's generator: the graph model (shipped, or the file given) under the prompt's
/// constraints via <see cref="GenerationService"/>. The model is loaded once, on first use.</summary>
public sealed class ModelCandidateGenerator(GenerationOptions options) : ICandidateGenerator, IDisposable
{
    private readonly Lazy<GraphGenerator> _model = new(() => LoadModel(options.ModelPath ?? GenerationFiles.DefaultModelPath()), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <inheritdoc />
    public async Task<GenerationOutcome> GenerateAsync(DesignPrompt prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var request = GenerationConstraints.From(prompt);
        // One sampler at a time per model: TorchSharp modules are not safe to share across concurrent forward passes.
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await Task.Run(() => GenerationService.Generate(_model.Value, request, options.TimeBudget, options.Temperature, cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var message = result.Candidates.Count < prompt.Count
                ? $"the model made {result.Candidates.Count} of {prompt.Count} candidates meeting the constraints within {options.TimeBudget.TotalSeconds:0} s ({result.Sampled} sampled, {result.Rejected} rejected, {result.Invalid} invalid)"
                : null;
            return new GenerationOutcome(result.Candidates.Select(c => c.Smiles).ToArray(), message);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        if (_model.IsValueCreated) _model.Value.Dispose();
        _gate.Dispose();
    }

    private static GraphGenerator LoadModel(string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"generator model not found at {path}: the build copies data/model/ next to the application; set MOLFORGE_MODEL or --model to use another");
        return GraphGenerator.Load(path);
    }
}

/// <summary>Settings of the design pipeline's generator.</summary>
public sealed record GenerationOptions
{
    /// <summary>Model file; null for the shipped model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>How long to keep sampling for candidates that meet the constraints.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Sampling temperature.</summary>
    public double Temperature { get; init; } = 1.0;
}
