using System.Numerics;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Qasm;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Tests.TestSupport;
using Xunit.Abstractions;

namespace MolForge.Quantum.Tests.Qasm;

public class QasmTests(ITestOutputHelper output)
{
    private static StateVector Simulate(Circuit c, double[] parameters)
    {
        var psi = new StateVector(c.QubitCount);
        CircuitSimulator.Run(c, parameters, psi);
        return psi;
    }

    private static Complex Overlap(StateVector a, StateVector b)
    {
        Complex s = 0;
        for (int i = 0; i < a.Length; i++) s += Complex.Conjugate(a.Amplitudes[i]) * b.Amplitudes[i];
        return s;
    }

    private static double Fidelity(StateVector a, StateVector b) => Math.Pow(Overlap(a, b).Magnitude, 2);

    /// <summary>Export → parse → simulate; returns the re-simulated state and the text.</summary>
    private static (StateVector State, string Text) RoundTrip(Circuit c, double[] parameters, bool measure = false)
    {
        string text = QasmExporter.Export(c, parameters, measure);
        var program = QasmParser.Parse(text);
        Assert.Equal(c.QubitCount, program.Circuit.QubitCount);
        Assert.Equal(0, program.Circuit.ParameterCount);
        Assert.Equal(measure, program.MeasuresAll);
        return (Simulate(program.Circuit, []), text);
    }

    [Theory]
    [InlineData("h2", 2, 2, "jordan-wigner")]
    [InlineData("lih", 4, 4, "jordan-wigner")]
    [InlineData("lih", 4, 4, "bravyi-kitaev")]
    [InlineData("formaldehyde", 4, 4, "parity")]
    public void Uccsd_circuit_round_trips_to_the_same_state(string name, int ne, int no, string mapping)
    {
        var ints = ReferenceData.Get(name, ne, no).Load();
        var h = MolecularHamiltonian.Build(ints, mapping);
        var ansatz = UccsdAnsatz.Build(h.Mapping, ne);
        var rng = new Random(4);
        var theta = Enumerable.Range(0, ansatz.Circuit.ParameterCount).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var original = Simulate(ansatz.Circuit, theta);
        var (back, text) = RoundTrip(ansatz.Circuit, theta, measure: true);
        double f = Fidelity(original, back);
        output.WriteLine($"{name}({ne},{no}) {mapping}: {ansatz.Circuit.Gates.Count} gates -> {text.Split('\n').Length} QASM lines, 1 − F = {1 - f:E2}");
        Assert.True(f > 1 - 1e-10, $"fidelity {f}");
        // the decomposition is exact, not only up to a global phase: amplitudes agree
        Dense.AssertClose(original.Amplitudes, back.Amplitudes, 1e-10);
        Assert.Contains("include \"stdgates.inc\";", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pauli", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(6, 3)]
    public void Hardware_efficient_circuit_round_trips_to_the_same_state(int qubits, int layers)
    {
        var c = HardwareEfficientAnsatz.Build(qubits, layers, initialState: 0b0101);
        var rng = new Random(qubits);
        var theta = Enumerable.Range(0, c.ParameterCount).Select(_ => 2 * Math.PI * rng.NextDouble()).ToArray();
        var original = Simulate(c, theta);
        var (back, _) = RoundTrip(c, theta);
        Assert.True(Fidelity(original, back) > 1 - 1e-10);
        Dense.AssertClose(original.Amplitudes, back.Amplitudes, 1e-10);
    }

    [Fact]
    public void Random_circuits_with_general_gates_round_trip_up_to_global_phase()
    {
        var rng = new Random(2024);
        for (int trial = 0; trial < 60; trial++)
        {
            int n = 1 + rng.Next(5);
            var c = new Circuit(n);
            int gates = 1 + rng.Next(25);
            for (int k = 0; k < gates; k++)
            {
                switch (rng.Next(5))
                {
                    case 0:
                        c.Add(new SingleQubitGate(rng.Next(n), Matrix2.RandomUnitary(rng), "u"));
                        break;
                    case 1 when n > 1:
                        int a = rng.Next(n), b = (a + 1 + rng.Next(n - 1)) % n;
                        c.Add(new ControlledGate(a, b, new[] { Matrix2.X, Matrix2.Y, Matrix2.Z }[rng.Next(3)], "c"));
                        break;
                    case 2:
                        c.Add(new SingleQubitGate(rng.Next(n), new[] { Matrix2.H, Matrix2.X, QasmExporter_T() }[rng.Next(3)], "fixed"));
                        break;
                    default:
                        ulong mask = (1UL << n) - 1;
                        var p = new PauliString((ulong)rng.NextInt64() & mask, (ulong)rng.NextInt64() & mask);
                        c.Add(new PauliRotationGate(p, [], 4 * rng.NextDouble() - 2));
                        break;
                }
            }
            var original = Simulate(c, []);
            var (back, text) = RoundTrip(c, []);
            double f = Fidelity(original, back);
            Assert.True(f > 1 - 1e-10, $"trial {trial}: fidelity {f}\n{text}");
        }
    }

    private static Matrix2 QasmExporter_T() => new(1, 0, 0, Complex.FromPolarCoordinates(1, Math.PI / 4));

    [Fact]
    public void Zyz_angles_reproduce_a_unitary_up_to_phase()
    {
        var rng = new Random(8);
        var cases = new List<Matrix2> { Matrix2.X, Matrix2.Y, Matrix2.Z, Matrix2.H, Matrix2.Identity, Matrix2.Rx(0.3), Matrix2.Ry(Math.PI), Matrix2.Rz(1.1) };
        for (int i = 0; i < 50; i++) cases.Add(Matrix2.RandomUnitary(rng));
        foreach (var m in cases)
        {
            var (t, p, l) = QasmExporter.ZyzAngles(m);
            var u = QasmParser.UMatrix(t, p, l);
            // |tr(U† M)| = 2 iff M = e^{iγ} U
            var tr = Complex.Conjugate(u.M00) * m.M00 + Complex.Conjugate(u.M10) * m.M10 + Complex.Conjugate(u.M01) * m.M01 + Complex.Conjugate(u.M11) * m.M11;
            Assert.True(Math.Abs(tr.Magnitude - 2) < 1e-12, $"{m}: |tr| = {tr.Magnitude}");
        }
    }

    [Fact]
    public void Exported_text_uses_standard_gates_and_round_trip_angles()
    {
        var c = new Circuit(3, 1);
        c.X(0).Cx(0, 1).PauliRotation(PauliString.Parse("X0 Y2"), 0, 0.5);
        c.PauliRotation(PauliString.Single('Y', 1), 0, 1.0);
        string text = QasmExporter.Export(c, [0.1]);
        output.WriteLine(text);
        string expected = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[3] q;\nx q[0];\ncx q[0], q[1];\n" +
                          "h q[0];\nsdg q[2];\nh q[2];\ncx q[0], q[2];\nrz(0.1) q[2];\ncx q[0], q[2];\nh q[0];\nh q[2];\ns q[2];\nry(0.2) q[1];\n";
        Assert.Equal(expected, text);
        Assert.Throws<ArgumentException>(() => QasmExporter.Export(c, []));
        Assert.Throws<NotSupportedException>(() => QasmExporter.Export(new Circuit(2).Add(new TwoQubitGate(0, 1, Matrix4.Cnot, "dense")), []));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("OPENQASM 2.0;\n", 1)]
    [InlineData("OPENQASM 3.0;\nqubit[2] q;\nh q[0]\n", 3)]
    [InlineData("OPENQASM 3.0;\nqubit[2] q;\nfoo q[0];\n", 3)]
    [InlineData("OPENQASM 3.0;\nqubit[2] q;\nh q[2];\n", 3)]
    [InlineData("OPENQASM 3.0;\nqubit[2] q;\nrz(abc) q[0];\n", 3)]
    [InlineData("OPENQASM 3.0;\nqubit[2] q;\nrz(NaN) q[0];\n", 3)]
    [InlineData("OPENQASM 3.0;\nqubit[2] q;\ncx q[0], q[0];\n", 3)]
    [InlineData("OPENQASM 3.0;\nqubit[2] q;\ncx q[0];\n", 3)]
    [InlineData("OPENQASM 3.0;\nh q[0];\n", 2)]
    [InlineData("OPENQASM 3.0;\ninclude \"qelib1.inc\";\n", 2)]
    [InlineData("OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\nc = measure q;\nx q[0];\n", 5)]
    [InlineData("OPENQASM 3.0;\nqubit[2] q;\nh r[0];\n", 3)]
    [InlineData("OPENQASM 3.0;\nqubit[0] q;\n", 2)]
    [InlineData("OPENQASM 3.0;\n// only a comment\n", 2)]
    public void Malformed_programs_are_refused_naming_the_line(string text, int line)
    {
        var ex = Assert.Throws<QasmParseException>(() => QasmParser.Parse(text));
        output.WriteLine(ex.Message);
        Assert.Equal(line, ex.Line);
        Assert.StartsWith($"line {line}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Comments_blank_lines_and_crlf_are_accepted()
    {
        var p = QasmParser.Parse("OPENQASM 3.0; // v3\r\n\r\ninclude \"stdgates.inc\";\r\nqubit[2] q;\r\n  h q[0]; // superpose\r\ncx q[0], q[1];\r\n");
        var psi = Simulate(p.Circuit, []);
        Assert.Equal(0.5, psi.Amplitudes[0].Magnitude * psi.Amplitudes[0].Magnitude, 12);
        Assert.Equal(0.5, psi.Amplitudes[3].Magnitude * psi.Amplitudes[3].Magnitude, 12);
    }
}
