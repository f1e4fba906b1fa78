using MolForge.Generation.Graphs;

namespace MolForge.Generation.Sampling;

/// <summary>Options of <see cref="Sampler"/>.</summary>
public sealed record SamplingOptions
{
    /// <summary>Seed: the same model, options and seed give the same graphs.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Softmax temperature (1 = the model's distribution).</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Molecules sampled in parallel.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>libtorch intra-op threads while sampling (0 = leave as is). One is fastest for the small
    /// per-step matrices and does not spin-wait on a loaded machine.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Heavy-atom limit (0 = the model's).</summary>
    public int MaxAtoms { get; init; }

    /// <summary>Atom types that may be placed (null = all); see <see cref="AtomVocabulary"/>.</summary>
    public bool[]? AllowedTypes { get; init; }

    /// <summary>Scaffold to grow from (null = from nothing): its atoms and bonds are kept, substituents replace
    /// its implicit hydrogens (an atom without hydrogens, e.g. an aromatic S or a nitro N, is not substituted) and
    /// do not close rings onto it.</summary>
    public MolGraph? Scaffold { get; init; }

    /// <summary>Property ranges to condition on, in <see cref="Model.Conditioning.Names"/> order; a null entry or
    /// a null array means unconditioned. Each sample's target is drawn uniformly from the range.</summary>
    public (double Min, double Max)?[]? PropertyRanges { get; init; }
}
