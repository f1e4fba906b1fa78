using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Qasm;

/// <summary>An OpenQASM text outside the supported subset; the message names the line.</summary>
public sealed class QasmParseException : FormatException
{
    /// <summary>A parse error at a 1-based line.</summary>
    public QasmParseException(int line, string reason) : base($"line {line}: {reason}") { Line = line; }

    /// <summary>Unused; for serializers.</summary>
    public QasmParseException() { }

    /// <summary>Unused; for serializers.</summary>
    public QasmParseException(string message) : base(message) { }

    /// <summary>Unused; for serializers.</summary>
    public QasmParseException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The 1-based line of the error.</summary>
    public int Line { get; }
}

/// <summary>The parsed program: the circuit (no free parameters) and whether it ends by measuring all qubits.</summary>
public sealed record QasmProgram(Circuit Circuit, bool MeasuresAll);

/// <summary>
/// Parser for exactly the OpenQASM 3 subset <see cref="QasmExporter"/> writes: the header, one qubit register, an
/// optional bit register with a final whole-register measurement, one statement per line, line comments, and the
/// gates x y z h s sdg t tdg, rx ry rz, U(θ,φ,λ), gphase, cx cy cz with numeric (round-trip) angles.
/// </summary>
public static partial class QasmParser
{
    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*(\((?<args>[^)]*)\))?\s*(?<ops>.*)$")]
    private static partial Regex GateRegex();

    [GeneratedRegex(@"^(?<reg>[A-Za-z_][A-Za-z0-9_]*)\[(?<i>[0-9]+)\]$")]
    private static partial Regex OperandRegex();

    [GeneratedRegex(@"^(qubit|bit)\[(?<n>[0-9]+)\]\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex DeclRegex();

    /// <summary>Parses a program.</summary>
    public static QasmProgram Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Circuit? circuit = null;
        string? qreg = null, creg = null;
        int cbits = 0;
        bool header = false, measured = false;
        var lines = text.Split('\n');
        for (int ln = 0; ln < lines.Length; ln++)
        {
            int lineNo = ln + 1;
            string line = lines[ln];
            int comment = line.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            line = line.Trim();
            if (line.Length == 0) continue;
            if (!line.EndsWith(';')) throw new QasmParseException(lineNo, $"statement '{line}' does not end with ';'.");
            string stmt = line[..^1].Trim();
            if (stmt.Contains(';', StringComparison.Ordinal)) throw new QasmParseException(lineNo, "one statement per line is supported.");
            if (!header)
            {
                if (stmt is not ("OPENQASM 3.0" or "OPENQASM 3"))
                    throw new QasmParseException(lineNo, $"expected 'OPENQASM 3.0;' first, found '{stmt}'.");
                header = true;
                continue;
            }
            if (measured) throw new QasmParseException(lineNo, "statements after the final measurement are not supported.");
            if (stmt.StartsWith("include", StringComparison.Ordinal))
            {
                if (stmt != "include \"stdgates.inc\"") throw new QasmParseException(lineNo, $"only include \"stdgates.inc\" is supported, found '{stmt}'.");
                continue;
            }
            var decl = DeclRegex().Match(stmt);
            if (decl.Success)
            {
                if (!int.TryParse(decl.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || n > 64)
                    throw new QasmParseException(lineNo, $"register size '{decl.Groups["n"].Value}' must be 1..64.");
                if (stmt.StartsWith("qubit", StringComparison.Ordinal))
                {
                    if (circuit is not null) throw new QasmParseException(lineNo, "only one qubit register is supported.");
                    circuit = new Circuit(n);
                    qreg = decl.Groups["name"].Value;
                }
                else
                {
                    if (creg is not null) throw new QasmParseException(lineNo, "only one bit register is supported.");
                    creg = decl.Groups["name"].Value;
                    cbits = n;
                }
                continue;
            }
            if (circuit is null) throw new QasmParseException(lineNo, "a gate or measurement before the qubit register declaration.");
            if (stmt.Contains('=', StringComparison.Ordinal))
            {
                var parts = stmt.Split('=', 2);
                string target = parts[0].Trim(), rhs = parts[1].Trim();
                if (creg is null || target != creg || rhs != "measure " + qreg)
                    throw new QasmParseException(lineNo, $"only '{creg ?? "c"} = measure {qreg};' (the whole register) is supported, found '{stmt}'.");
                if (cbits != circuit.QubitCount) throw new QasmParseException(lineNo, $"the bit register has {cbits} bits, the qubit register {circuit.QubitCount}.");
                measured = true;
                continue;
            }
            ParseGate(stmt, lineNo, circuit, qreg!);
        }
        if (!header) throw new QasmParseException(1, "empty program: expected 'OPENQASM 3.0;'.");
        if (circuit is null)
        {
            int last = lines.Length;
            while (last > 1 && lines[last - 1].Trim().Length == 0) last--;
            throw new QasmParseException(last, "no qubit register declared.");
        }
        return new QasmProgram(circuit, measured);
    }

    private static void ParseGate(string stmt, int lineNo, Circuit circuit, string qreg)
    {
        var m = GateRegex().Match(stmt);
        if (!m.Success) throw new QasmParseException(lineNo, $"cannot read statement '{stmt}'.");
        string name = m.Groups["name"].Value;
        var args = m.Groups["args"].Success ? ParseAngles(m.Groups["args"].Value, lineNo) : [];
        string ops = m.Groups["ops"].Value.Trim();
        var qubits = ops.Length == 0 ? Array.Empty<int>() : ops.Split(',').Select(o => Operand(o.Trim(), lineNo, circuit.QubitCount, qreg)).ToArray();

        void Expect(int nArgs, int nQubits)
        {
            if (args.Length != nArgs) throw new QasmParseException(lineNo, $"gate '{name}' takes {nArgs} angle(s), {args.Length} given.");
            if (qubits.Length != nQubits) throw new QasmParseException(lineNo, $"gate '{name}' acts on {nQubits} qubit(s), {qubits.Length} given.");
            if (nQubits == 2 && qubits[0] == qubits[1]) throw new QasmParseException(lineNo, $"gate '{name}' needs two different qubits.");
        }

        if (QasmExporter.TryStandardMatrix(name, out var fixedMatrix))
        {
            Expect(0, 1);
            circuit.Add(new SingleQubitGate(qubits[0], fixedMatrix, name));
            return;
        }
        switch (name)
        {
            case "rx" or "ry" or "rz":
                Expect(1, 1);
                circuit.Add(new PauliRotationGate(PauliString.Single(char.ToUpperInvariant(name[1]), qubits[0]), [], args[0] / 2));
                break;
            case "U":
                Expect(3, 1);
                circuit.Add(new SingleQubitGate(qubits[0], UMatrix(args[0], args[1], args[2]), "U"));
                break;
            case "gphase":
                Expect(1, 0);
                // e^{iγ}·I, as an identity-string rotation exp(−i(−γ)I)
                circuit.Add(new PauliRotationGate(PauliString.Identity, [], -args[0]));
                break;
            case "cx" or "cy" or "cz":
                Expect(0, 2);
                var u = name == "cx" ? Matrix2.X : name == "cy" ? Matrix2.Y : Matrix2.Z;
                circuit.Add(new ControlledGate(qubits[0], qubits[1], u, name));
                break;
            default:
                throw new QasmParseException(lineNo, $"gate '{name}' is not in the supported subset (x y z h s sdg t tdg rx ry rz U gphase cx cy cz).");
        }
    }

    /// <summary>OpenQASM 3 U(θ,φ,λ).</summary>
    public static Matrix2 UMatrix(double theta, double phi, double lambda)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return new Matrix2(c, -Complex.FromPolarCoordinates(s, lambda), Complex.FromPolarCoordinates(s, phi), Complex.FromPolarCoordinates(c, phi + lambda));
    }

    private static double[] ParseAngles(string text, int lineNo)
    {
        var parts = text.Split(',');
        var r = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string t = parts[i].Trim();
            if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]) || !double.IsFinite(r[i]))
                throw new QasmParseException(lineNo, $"angle '{t}' is not a finite number (only numeric angles are supported).");
        }
        return r;
    }

    private static int Operand(string text, int lineNo, int qubitCount, string qreg)
    {
        var m = OperandRegex().Match(text);
        if (!m.Success || m.Groups["reg"].Value != qreg)
            throw new QasmParseException(lineNo, $"operand '{text}' is not of the form {qreg}[i].");
        if (!int.TryParse(m.Groups["i"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int q) || q >= qubitCount)
            throw new QasmParseException(lineNo, $"qubit {text} is outside the {qubitCount}-qubit register.");
        return q;
    }
}
