using MolForge.Quantum.Circuits;

namespace MolForge.Quantum.Noise;

/// <summary>
/// Zero-noise extrapolation (Temme, Bravyi &amp; Gambetta, PRL 119, 180509 (2017)): the circuit is run at amplified
/// noise by unitary folding, every native gate G replaced by G (G†G)^k (scale λ = 2k + 1; Giurgica-Tiron et al.,
/// IEEE QCE 2020), and the energies E(λ) are extrapolated to λ = 0, linearly (least squares) or by Richardson
/// (the polynomial through all points).
/// </summary>
public static class ZeroNoiseExtrapolation
{
    /// <summary>ρ(λ): the noisy run with every native gate folded to odd scale <paramref name="scale"/>.</summary>
    public static DensityMatrix RunFolded(Circuit circuit, ReadOnlySpan<double> parameters, NoiseModel model, int scale)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(model);
        model.Validate();
        var folded = FoldedNative(circuit, parameters, scale);
        var rho = new DensityMatrix(circuit.QubitCount);
        foreach (var g in folded.Gates) NoisyGate(rho, g, model);
        return rho;
    }

    /// <summary>The native circuit with every gate G replaced by G (G†G)^k, scale = 2k + 1 (no parameters left).</summary>
    public static Circuit FoldedNative(Circuit circuit, ReadOnlySpan<double> parameters, int scale)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (scale < 1 || scale % 2 == 0) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The folding scale must be an odd positive integer (1, 3, 5, ...).");
        var native = NoisySimulator.Native(circuit, parameters);
        if (scale == 1) return native;
        var folded = new Circuit(circuit.QubitCount);
        foreach (var g in native.Gates)
        {
            var inverse = Inverse(g);
            folded.Add(g);
            for (int k = 0; k < (scale - 1) / 2; k++)
            {
                folded.Add(inverse);
                folded.Add(g);
            }
        }
        return folded;
    }

    private static Gate Inverse(Gate g) => g switch
    {
        SingleQubitGate s => s with { Matrix = s.Matrix.Adjoint() },
        ControlledGate c => c with { Matrix = c.Matrix.Adjoint() },
        PauliRotationGate r when r.Angle.Length == 0 => r with { FixedAngle = -r.FixedAngle },
        _ => throw new NotSupportedException($"Gate '{g.Name}' cannot be folded."),
    };

    internal static void NoisyGate(DensityMatrix rho, Gate g, NoiseModel model)
    {
        rho.Apply(g, ReadOnlySpan<double>.Empty);
        switch (g)
        {
            case ControlledGate c:
                rho.Depolarize(c.Control, c.Target, model.TwoQubitDepolarizing);
                break;
            case SingleQubitGate s:
                rho.Depolarize(s.Target, model.OneQubitDepolarizing);
                break;
            case PauliRotationGate r when r.Pauli.Weight == 1:
                rho.Depolarize(r.Pauli.MaxQubit, model.OneQubitDepolarizing);
                break;
        }
        if (model.AmplitudeDamping == 0 && model.PhaseDamping == 0) return;
        foreach (int q in g.Qubits)
        {
            rho.AmplitudeDamp(q, model.AmplitudeDamping);
            rho.PhaseDamp(q, model.PhaseDamping);
        }
    }

    /// <summary>The value at λ = 0 of the least-squares line through (λ_i, E_i).</summary>
    public static double Linear(ReadOnlySpan<double> scales, ReadOnlySpan<double> values)
    {
        Check(scales, values, 2);
        int n = scales.Length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < n; i++) { sx += scales[i]; sy += values[i]; sxx += scales[i] * scales[i]; sxy += scales[i] * values[i]; }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return (sy - slope * sx) / n;
    }

    /// <summary>Richardson: the interpolating polynomial at λ = 0, Σ_i E_i Π_{j≠i} λ_j / (λ_j − λ_i).</summary>
    public static double Richardson(ReadOnlySpan<double> scales, ReadOnlySpan<double> values)
    {
        Check(scales, values, 2);
        double e = 0;
        for (int i = 0; i < scales.Length; i++)
        {
            double w = 1;
            for (int j = 0; j < scales.Length; j++)
                if (j != i) w *= scales[j] / (scales[j] - scales[i]);
            e += w * values[i];
        }
        return e;
    }

    private static void Check(ReadOnlySpan<double> scales, ReadOnlySpan<double> values, int min)
    {
        if (scales.Length != values.Length) throw new ArgumentException($"{scales.Length} scales but {values.Length} values.");
        if (scales.Length < min) throw new ArgumentException($"At least {min} noise scales are needed to extrapolate.");
        for (int i = 0; i < scales.Length; i++)
            for (int j = 0; j < i; j++)
                if (scales[i] == scales[j]) throw new ArgumentException($"Noise scale {scales[i]} appears twice.");
    }
}
