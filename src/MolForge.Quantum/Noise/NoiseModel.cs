using System.Globalization;

namespace MolForge.Quantum.Noise;

/// <summary>
/// A simple device noise model: a depolarising channel after every native one-qubit gate (probability
/// <see cref="OneQubitDepolarizing"/>: ρ → (1−p)ρ + p/3 Σ_{X,Y,Z} PρP) and after every CNOT (probability
/// <see cref="TwoQubitDepolarizing"/> spread over the 15 non-identity two-qubit Paulis), and independent readout
/// flips per qubit: P(read 1 | 0) = <see cref="ReadoutP01"/>, P(read 0 | 1) = <see cref="ReadoutP10"/>. Optional
/// amplitude damping (γ) and phase damping (λ) act on every qubit a native gate touches, after the gate.
/// </summary>
public sealed record NoiseModel(double OneQubitDepolarizing, double TwoQubitDepolarizing, double ReadoutP01, double ReadoutP10,
    double AmplitudeDamping = 0, double PhaseDamping = 0)
{
    /// <summary>No noise.</summary>
    public static NoiseModel None { get; } = new(0, 0, 0, 0);

    /// <summary>Checks that every probability is in [0, 1) and that readout stays invertible (p01 + p10 &lt; 1).</summary>
    public void Validate()
    {
        Check(OneQubitDepolarizing, nameof(OneQubitDepolarizing));
        Check(TwoQubitDepolarizing, nameof(TwoQubitDepolarizing));
        Check(ReadoutP01, nameof(ReadoutP01));
        Check(ReadoutP10, nameof(ReadoutP10));
        Check(AmplitudeDamping, nameof(AmplitudeDamping));
        Check(PhaseDamping, nameof(PhaseDamping));
        if (ReadoutP01 + ReadoutP10 >= 1)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Readout errors p01 = {ReadoutP01} and p10 = {ReadoutP10} sum to 1 or more; the readout would carry no information."));
    }

    private static void Check(double p, string name)
    {
        if (!(p >= 0 && p < 1)) throw new ArgumentOutOfRangeException(name, p, "A noise probability must be in [0, 1).");
    }
}
