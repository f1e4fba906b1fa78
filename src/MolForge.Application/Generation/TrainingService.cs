using System.Globalization;
using MolForge.Generation.Model;
using MolForge.Generation.Training;

namespace MolForge.Application.Generation;

/// <summary>What <see cref="TrainingService.Train"/> needs: the data file, the model path and the knobs.</summary>
public sealed record TrainingRequest
{
    /// <summary>Training molecules (CSV with a smiles column, or SMILES lines); .gz is decompressed.</summary>
    public required string DataPath { get; init; }

    /// <summary>Where the trained model goes.</summary>
    public required string OutPath { get; init; }

    /// <summary>Network sizes.</summary>
    public ModelConfig Model { get; init; } = new();

    /// <summary>Training options (checkpoint path defaults to OUT.ckpt).</summary>
    public TrainingOptions Options { get; init; } = new();

    /// <summary>Resume from the checkpoint when it exists.</summary>
    public bool Resume { get; init; }

    /// <summary>Use only the first N molecules (0 = all).</summary>
    public int Limit { get; init; }

    /// <summary>The command line, kept in the model's notes.</summary>
    public string? CommandLine { get; init; }
}

/// <summary>The training use case: read the data, fit the property standardisation, train with checkpoints,
/// save the model with notes.</summary>
public static class TrainingService
{
    /// <summary>Trains and saves the model; returns the final smoothed loss. Invalid data lines go to
    /// <paramref name="onInvalid"/>.</summary>
    public static double Train(TrainingRequest request, Action<long, string>? onInvalid, IProgress<TrainingProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<TrainingExample> data;
        using (var reader = GenerationFiles.OpenText(request.DataPath))
            data = TrainingSetReader.Read(reader, MoleculeGraphs.Parse, onInvalid, request.Limit);
        var space = new MolForge.Generation.Actions.ActionSpace(MolForge.Generation.Graphs.AtomVocabulary.Count, request.Model.MaxRingOffset);
        var dropped = data.RemoveAll(e => MolForge.Generation.Actions.DfsSequencer.Sequence(e.Graph, space) is null);
        if (dropped > 0) onInvalid?.Invoke(0, $"{dropped} molecules dropped: a ring closure spans more than {request.Model.MaxRingOffset} path steps");
        if (data.Count == 0) throw new InvalidDataException($"{request.DataPath}: no valid molecules");
        var options = request.Options with { CheckpointPath = request.Options.CheckpointPath ?? request.OutPath + ".ckpt" };
        using var generator = new GraphGenerator(request.Model, TrainingSetReader.FitConditioning(data), options.Seed);
        var loss = Trainer.Train(generator, data, options, request.Resume, progress, cancellationToken);
        generator.Notes["data"] = Path.GetFileName(request.DataPath);
        generator.Notes["molecules"] = data.Count.ToString(CultureInfo.InvariantCulture);
        generator.Notes["epochs"] = options.Epochs.ToString(CultureInfo.InvariantCulture);
        generator.Notes["final_loss"] = loss.ToString("F4", CultureInfo.InvariantCulture);
        generator.Notes["parameters"] = generator.ParameterCount.ToString(CultureInfo.InvariantCulture);
        if (request.CommandLine is not null) generator.Notes["command"] = request.CommandLine;
        generator.Save(request.OutPath);
        return loss;
    }
}
