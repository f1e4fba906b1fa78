using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MolForge.Generation.Actions;
using MolForge.Generation.Graphs;
using static TorchSharp.torch;

namespace MolForge.Generation.Model;

/// <summary>Thrown when a model file cannot be read; the message names the file.</summary>
public sealed class ModelFormatException(string message, Exception? inner = null) : IOException(message, inner);

/// <summary>A trained (or fresh) graph generator: configuration, action space, property standardisation, the
/// network and free-form training notes. Saved as one gzip file: a magic line, a JSON header and the TorchSharp
/// weights.</summary>
public sealed class GraphGenerator : IDisposable
{
    private const string Magic = "MOLFORGE-GRAPHGEN-1";

    /// <summary>A fresh generator with random weights (seeded).</summary>
    public GraphGenerator(ModelConfig config, Conditioning conditioning, long seed)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
        Conditioning = conditioning ?? throw new ArgumentNullException(nameof(conditioning));
        Space = new ActionSpace(AtomVocabulary.Count, config.MaxRingOffset);
        FeatureCount = StepFeatures.Count(Space);
        manual_seed(seed);
        Net = new GraphGeneratorNet(config, Space.Count, FeatureCount);
    }

    /// <summary>Sizes.</summary>
    public ModelConfig Config { get; }

    /// <summary>Property standardisation.</summary>
    public Conditioning Conditioning { get; }

    /// <summary>The action vocabulary.</summary>
    public ActionSpace Space { get; }

    /// <summary>Width of the step features.</summary>
    public int FeatureCount { get; }

    /// <summary>The network.</summary>
    public GraphGeneratorNet Net { get; }

    /// <summary>Free-form notes kept with the weights (training data, epochs, metrics).</summary>
    public Dictionary<string, string> Notes { get; init; } = [];

    /// <summary>Number of trainable parameters.</summary>
    public long ParameterCount => Net.parameters().Sum(p => p.numel());

    /// <summary>Saves to a file (gzip).</summary>
    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        using (var file = File.Create(tmp))
            Save(file);
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Saves to a stream (gzip).</summary>
    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(gz, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(JsonSerializer.Serialize(new Header(Config, Conditioning.Mean, Conditioning.Std, AtomVocabulary.Types.Select(t => t.ToString()).ToArray(), Notes)));
        Net.save(writer);
    }

    /// <summary>Loads a generator saved by <see cref="Save(string)"/>.</summary>
    /// <exception cref="ModelFormatException">The file is missing, not a generator model or for another vocabulary.</exception>
    public static GraphGenerator Load(string path)
    {
        if (!File.Exists(path)) throw new ModelFormatException($"model file not found: {path}");
        try
        {
            using var file = File.OpenRead(path);
            return Load(file, path);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or JsonException or ArgumentException or InvalidOperationException)
        {
            throw new ModelFormatException($"{path}: not a MolForge generator model ({e.Message})", e);
        }
    }

    private static GraphGenerator Load(Stream stream, string name)
    {
        using var gz = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(gz, Encoding.UTF8);
        if (reader.ReadString() != Magic) throw new ModelFormatException($"{name}: not a MolForge generator model");
        var header = JsonSerializer.Deserialize<Header>(reader.ReadString()) ?? throw new ModelFormatException($"{name}: empty header");
        var vocab = AtomVocabulary.Types.Select(t => t.ToString()).ToArray();
        if (!header.AtomTypes.SequenceEqual(vocab))
            throw new ModelFormatException($"{name}: atom vocabulary [{string.Join(' ', header.AtomTypes)}] differs from this build's");
        var g = new GraphGenerator(header.Config, new Conditioning { Mean = header.Mean, Std = header.Std }, 0) { Notes = header.Notes ?? [] };
        g.Net.load(reader);
        g.Net.eval();
        return g;
    }

    /// <inheritdoc />
    public void Dispose() => Net.Dispose();

    private sealed record Header(ModelConfig Config, double[] Mean, double[] Std, string[] AtomTypes, Dictionary<string, string>? Notes);
}
