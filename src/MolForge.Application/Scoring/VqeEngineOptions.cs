using System.Globalization;
using MolForge.Quantum.Noise;
using MolForge.Quantum.Variational;

namespace MolForge.Application.Scoring;

/// <summary>
/// The noise model of the <c>noisy</c> backend and the error mitigation applied to its final energy. Defaults are a
/// near-term device a little better than today's best (one-qubit depolarising 1e-4 per gate, two-qubit 1e-3 per CNOT,
/// 2 % readout flips both ways) and all mitigation on (readout-error inversion from calibration circuits, and
/// zero-noise extrapolation over folding scales 1, 3, 5 with Richardson).
/// </summary>
/// <param name="OneQubitDepolarizing">Depolarising probability after every native one-qubit gate.</param>
/// <param name="TwoQubitDepolarizing">Depolarising probability after every CNOT.</param>
/// <param name="ReadoutError">Probability that a measured bit is flipped (0→1 and 1→0 alike).</param>
/// <param name="Mitigation">none, readout, zne or all.</param>
public sealed record NoisySettings(
    double OneQubitDepolarizing = 1e-4,
    double TwoQubitDepolarizing = 1e-3,
    double ReadoutError = 0.02,
    string Mitigation = "all")
{
    /// <summary>The accepted mitigation names.</summary>
    public static readonly IReadOnlyList<string> Mitigations = ["none", "readout", "zne", "all"];

    /// <summary>ZNE folding scales used when ZNE is on.</summary>
    public static readonly int[] ZneScales = [1, 3, 5];

    /// <summary>Readout mitigation on?</summary>
    public bool MitigateReadout => Mitigation is "readout" or "all";

    /// <summary>Zero-noise extrapolation on?</summary>
    public bool ExtrapolateZeroNoise => Mitigation is "zne" or "all";

    /// <summary>The noise model (validated).</summary>
    /// <exception cref="ArgumentException">A probability outside [0, 1), or an unknown mitigation name.</exception>
    public NoiseModel Model()
    {
        if (!Mitigations.Contains(Mitigation))
            throw new ArgumentException($"mitigation must be one of {string.Join(", ", Mitigations)} (got '{Mitigation}')");
        var m = new NoiseModel(OneQubitDepolarizing, TwoQubitDepolarizing, ReadoutError, ReadoutError);
        m.Validate();
        return m;
    }

    /// <summary>A short description for reports.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"p1={OneQubitDepolarizing}, p2={TwoQubitDepolarizing}, readout={ReadoutError}, mitigation={Mitigation}");
}

/// <summary>Engine-wide settings that design prompts do not carry: the noise model, the optimiser of sampled
/// backends, and the hardware client.</summary>
public sealed record VqeEngineOptions
{
    /// <summary>The noisy backend's model and mitigation.</summary>
    public NoisySettings Noise { get; init; } = new();

    /// <summary>Optimiser of the shots/noisy/hardware backends: auto (SPSA, Nelder–Mead fallback), spsa, nelder-mead.</summary>
    public NoisyOptimizerMethod Optimizer { get; init; } = NoisyOptimizerMethod.Auto;

    /// <summary>Optimiser budget in energy evaluations (each spends a tenth of the final measurement's shots).</summary>
    public int OptimizerEvaluations { get; init; } = 200;

    /// <summary>The hardware backend's provider settings; null: read from the environment when first needed
    /// (<see cref="Hardware.IonQOptions.FromEnvironment"/>).</summary>
    public Hardware.IonQOptions? Hardware { get; init; }

    /// <summary>Seed of samplers and optimisers (results repeat).</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Parses an optimiser name (auto, spsa, nelder-mead).</summary>
    public static NoisyOptimizerMethod ParseOptimizer(string name) => name switch
    {
        "auto" => NoisyOptimizerMethod.Auto,
        "spsa" => NoisyOptimizerMethod.Spsa,
        "nelder-mead" => NoisyOptimizerMethod.NelderMead,
        _ => throw new ArgumentException($"optimizer must be one of auto, spsa, nelder-mead (got '{name}')"),
    };
}
