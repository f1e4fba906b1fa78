using System.Globalization;
using System.Numerics;
using System.Text;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Qasm;

/// <summary>
/// OpenQASM 3 export of a circuit with bound parameters (OpenQASM 3.0 specification, openqasm.com; gate names from
/// stdgates.inc). Fixed one-qubit gates whose label and matrix are a standard gate keep their name, other one-qubit
/// unitaries become U(θ,φ,λ) (ZYZ angles, global phase dropped); cx/cy/cz stay; a Pauli exponential exp(−iaP) is
/// written as basis changes (h for X, sdg·h for Y), a CNOT ladder onto the last qubit of the support, rz(2a) and the
/// mirror image (Nielsen &amp; Chuang §4.7.3; Whitfield, Biamonte &amp; Aspuru-Guzik, Mol. Phys. 109, 735 (2011)).
/// Weight-one exponentials become rx/ry/rz(2a). Angles are written with round-trip precision.
/// </summary>
public static class QasmExporter
{
    private static readonly (string Name, Matrix2 Matrix)[] StandardOneQubit =
    [
        ("x", Matrix2.X), ("y", Matrix2.Y), ("z", Matrix2.Z), ("h", Matrix2.H),
        ("s", new Matrix2(1, 0, 0, Complex.ImaginaryOne)), ("sdg", new Matrix2(1, 0, 0, -Complex.ImaginaryOne)),
        ("t", new Matrix2(1, 0, 0, Complex.FromPolarCoordinates(1, Math.PI / 4))),
        ("tdg", new Matrix2(1, 0, 0, Complex.FromPolarCoordinates(1, -Math.PI / 4))),
    ];

    /// <summary>The name of a standard one-qubit gate with exactly this matrix, or null.</summary>
    internal static string? StandardName(in Matrix2 m)
    {
        foreach (var (name, s) in StandardOneQubit)
            if (Close(m, s)) return name;
        return null;
    }

    /// <summary>The matrix of a stdgates.inc one-qubit gate without parameters.</summary>
    internal static bool TryStandardMatrix(string name, out Matrix2 m)
    {
        foreach (var (n, s) in StandardOneQubit)
            if (n == name) { m = s; return true; }
        m = default;
        return false;
    }

    private static bool Close(in Matrix2 a, in Matrix2 b) =>
        (a.M00 - b.M00).Magnitude < 1e-14 && (a.M01 - b.M01).Magnitude < 1e-14 &&
        (a.M10 - b.M10).Magnitude < 1e-14 && (a.M11 - b.M11).Magnitude < 1e-14;

    /// <summary>Writes the circuit with <paramref name="parameters"/> bound; optionally measures every qubit at the end.</summary>
    public static string Export(Circuit circuit, ReadOnlySpan<double> parameters, bool measure = false)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        circuit.ValidateParameters(parameters);
        var sb = new StringBuilder();
        sb.Append("OPENQASM 3.0;\ninclude \"stdgates.inc\";\n");
        sb.Append(CultureInfo.InvariantCulture, $"qubit[{circuit.QubitCount}] q;\n");
        if (measure) sb.Append(CultureInfo.InvariantCulture, $"bit[{circuit.QubitCount}] c;\n");
        foreach (var g in circuit.Gates)
        {
            switch (g)
            {
                case SingleQubitGate s:
                    WriteOneQubit(sb, s.Matrix, s.Target);
                    break;
                case ControlledGate c:
                    string? cname = Close(c.Matrix, Matrix2.X) ? "cx" : Close(c.Matrix, Matrix2.Y) ? "cy" : Close(c.Matrix, Matrix2.Z) ? "cz" : null;
                    if (cname is null)
                        throw new NotSupportedException($"Controlled gate '{c.Label}' is not a cx/cy/cz; OpenQASM export of general controlled unitaries is not implemented.");
                    sb.Append(CultureInfo.InvariantCulture, $"{cname} q[{c.Control}], q[{c.Target}];\n");
                    break;
                case PauliRotationGate p:
                    WritePauliRotation(sb, p.Pauli, p.AngleFor(parameters));
                    break;
                default:
                    throw new NotSupportedException($"Gate '{g.Name}' ({g.GetType().Name}) has no OpenQASM export; decompose it into one-qubit gates, cx and Pauli rotations first.");
            }
        }
        if (measure) sb.Append("c = measure q;\n");
        return sb.ToString();
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteOneQubit(StringBuilder sb, in Matrix2 m, int q)
    {
        string? name = StandardName(m);
        if (name is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{name} q[{q}];\n");
            return;
        }
        var (theta, phi, lambda) = ZyzAngles(m);
        sb.Append(CultureInfo.InvariantCulture, $"U({F(theta)}, {F(phi)}, {F(lambda)}) q[{q}];\n");
    }

    /// <summary>
    /// θ, φ, λ with M = e^{iγ} U(θ,φ,λ), U = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]].
    /// </summary>
    public static (double Theta, double Phi, double Lambda) ZyzAngles(in Matrix2 m)
    {
        double c = m.M00.Magnitude, s = m.M10.Magnitude;
        double theta = 2 * Math.Atan2(s, c);
        double phi, lambda;
        const double eps = 1e-14;
        if (c > eps)
        {
            double g = m.M00.Phase;
            if (s > eps)
            {
                phi = m.M10.Phase - g;
                lambda = (-m.M01).Phase - g;
            }
            else
            {
                phi = 0;
                lambda = m.M11.Phase - g;
            }
        }
        else
        {
            // θ = π: only φ−λ... fix λ = 0 and take the phase from −M01
            double g = (-m.M01).Phase;
            lambda = 0;
            phi = m.M10.Phase - g;
        }
        return (theta, phi, lambda);
    }

    private static void WritePauliRotation(StringBuilder sb, PauliString p, double a)
    {
        if (p.IsIdentity)
        {
            sb.Append(CultureInfo.InvariantCulture, $"gphase({F(-a)});\n");
            return;
        }
        var qs = new List<int>();
        for (int q = 0; q < 64; q++) if (((p.Support >> q) & 1) != 0) qs.Add(q);
        string angle = F(2 * a);
        if (qs.Count == 1)
        {
            char l = p[qs[0]];
            sb.Append(CultureInfo.InvariantCulture, $"r{char.ToLowerInvariant(l)}({angle}) q[{qs[0]}];\n");
            return;
        }
        foreach (int q in qs)
        {
            if (p[q] == 'X') sb.Append(CultureInfo.InvariantCulture, $"h q[{q}];\n");
            else if (p[q] == 'Y') sb.Append(CultureInfo.InvariantCulture, $"sdg q[{q}];\nh q[{q}];\n");
        }
        for (int i = 0; i + 1 < qs.Count; i++) sb.Append(CultureInfo.InvariantCulture, $"cx q[{qs[i]}], q[{qs[i + 1]}];\n");
        sb.Append(CultureInfo.InvariantCulture, $"rz({angle}) q[{qs[^1]}];\n");
        for (int i = qs.Count - 2; i >= 0; i--) sb.Append(CultureInfo.InvariantCulture, $"cx q[{qs[i]}], q[{qs[i + 1]}];\n");
        foreach (int q in qs)
        {
            if (p[q] == 'X') sb.Append(CultureInfo.InvariantCulture, $"h q[{q}];\n");
            else if (p[q] == 'Y') sb.Append(CultureInfo.InvariantCulture, $"h q[{q}];\ns q[{q}];\n");
        }
    }
}
