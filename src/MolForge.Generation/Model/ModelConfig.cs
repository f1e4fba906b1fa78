namespace MolForge.Generation.Model;

/// <summary>Sizes of the graph generator network and of its action space.</summary>
public sealed record ModelConfig
{
    /// <summary>Action embedding width.</summary>
    public int EmbeddingSize { get; init; } = 64;

    /// <summary>GRU hidden size.</summary>
    public int HiddenSize { get; init; } = 256;

    /// <summary>GRU layers.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Dropout between GRU layers during training.</summary>
    public double Dropout { get; init; }

    /// <summary>Largest ring-closure offset (ring size − 1).</summary>
    public int MaxRingOffset { get; init; } = 12;

    /// <summary>Largest number of heavy atoms a sample may have.</summary>
    public int MaxAtoms { get; init; } = 60;

    /// <summary>A tiny configuration for tests.</summary>
    public static ModelConfig Tiny { get; } = new() { EmbeddingSize = 16, HiddenSize = 32, Layers = 1 };
}
