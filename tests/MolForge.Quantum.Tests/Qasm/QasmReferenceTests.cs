using System.Globalization;
using System.Numerics;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Qasm;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Tests.TestSupport;
using Xunit.Abstractions;

namespace MolForge.Quantum.Tests.Qasm;

/// <summary>
/// The OpenQASM 3 our exporter writes, checked by an outside parser: References/qasm/*.statevector.tsv are the final
/// states of the committed *.qasm as parsed and simulated by the npm package quantum-circuit
/// (tools/references/make_qasm_references.sh). Equality is up to a global phase (the reference drops gphase and
/// reads U as u3).
/// </summary>
public class QasmReferenceTests(ITestOutputHelper output)
{
    private static string Dir => Path.Combine(ReferenceData.Directory, "qasm");

    public static TheoryData<string> Cases()
    {
        var d = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(Dir, "cases.tsv")).Skip(1)) d.Add(line.Split('\t')[0]);
        return d;
    }

    private static (string Fcidump, string Ansatz, int Layers, double[] Parameters) Case(string name)
    {
        var f = File.ReadLines(Path.Combine(Dir, "cases.tsv")).Select(l => l.Split('\t')).Single(f => f[0] == name);
        return (f[1], f[3], int.Parse(f[4], CultureInfo.InvariantCulture), f[5].Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray());
    }

    private static Complex[] Reference(string name)
    {
        var lines = File.ReadLines(Path.Combine(Dir, name + ".statevector.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var a = new Complex[lines.Count];
        foreach (var f in lines)
            a[int.Parse(f[0], CultureInfo.InvariantCulture)] = new Complex(double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture));
        return a;
    }

    /// <summary>The largest amplitude difference after aligning the global phase, and the fidelity |⟨a|b⟩|².</summary>
    private static (double MaxDiff, double Fidelity) Compare(ReadOnlySpan<Complex> ours, Complex[] reference)
    {
        Assert.Equal(reference.Length, ours.Length);
        Complex overlap = Complex.Zero;
        for (int i = 0; i < ours.Length; i++) overlap += Complex.Conjugate(reference[i]) * ours[i];
        var phase = overlap / overlap.Magnitude;
        double max = 0;
        for (int i = 0; i < ours.Length; i++) max = Math.Max(max, (ours[i] - phase * reference[i]).Magnitude);
        return (max, overlap.Magnitude * overlap.Magnitude);
    }

    private static Circuit Rebuild(string fcidump, string ansatz, int layers)
    {
        var ints = Fcidump.ReadFile(Path.Combine(ReferenceData.Directory, fcidump));
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        return ansatz.StartsWith("uccsd", StringComparison.Ordinal)
            ? UccsdAnsatz.Build(h.Mapping, ints.ElectronCount).Circuit
            : HardwareEfficientAnsatz.Build(h.QubitCount, layers, h.HartreeFockState);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Our_parser_and_simulator_give_the_outside_parsers_state(string name)
    {
        var reference = Reference(name);
        var program = QasmParser.Parse(File.ReadAllText(Path.Combine(Dir, name + ".qasm")));
        var psi = new StateVector(program.Circuit.QubitCount);
        CircuitSimulator.Run(program.Circuit, ReadOnlySpan<double>.Empty, psi);
        var (diff, fidelity) = Compare(psi.Amplitudes, reference);
        output.WriteLine($"{name}: {program.Circuit.Gates.Count} gates, max |Δamplitude| {diff:E2}, 1 − fidelity {1 - fidelity:E2}");
        Assert.True(diff < 1e-9, $"{name}: amplitudes differ by {diff}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_ansatz_itself_gives_the_outside_parsers_state_and_exports_the_same_text(string name)
    {
        var (fcidump, ansatz, layers, x) = Case(name);
        var circuit = Rebuild(fcidump, ansatz, layers);
        var psi = new StateVector(circuit.QubitCount);
        CircuitSimulator.Run(circuit, x, psi);
        var (diff, _) = Compare(psi.Amplitudes, Reference(name));
        Assert.True(diff < 1e-9, $"{name}: amplitudes differ by {diff}");
        // the exporter still writes exactly what the outside parser checked
        Assert.Equal(File.ReadAllText(Path.Combine(Dir, name + ".qasm")), QasmExporter.Export(circuit, x));
    }

    [Fact]
    public void A_wrong_angle_is_detected()
    {
        // the comparison is sharp: one rotation changed by 1e-3 rad moves the state well past the tolerance
        var text = File.ReadAllText(Path.Combine(Dir, "h2_hea.qasm")).Replace("ry(-0.7698416224540405) q[0];", "ry(-0.7708416224540405) q[0];", StringComparison.Ordinal);
        var program = QasmParser.Parse(text);
        var psi = new StateVector(program.Circuit.QubitCount);
        CircuitSimulator.Run(program.Circuit, ReadOnlySpan<double>.Empty, psi);
        Assert.True(Compare(psi.Amplitudes, Reference("h2_hea")).MaxDiff > 1e-4);
    }
}
