using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Circuits;

/// <summary>
/// Gate fusion for fixed gates (qulacs' QuantumCircuitOptimizer, light version): runs of one-qubit gates on the same
/// qubit are multiplied into one matrix, pending one-qubit gates are absorbed into the next two-qubit gate on that
/// qubit, and consecutive two-qubit gates on the same pair are multiplied. Parameterised gates are barriers on
/// their qubits. Fewer passes over the state for the same unitary.
/// </summary>
public static class GateFusion
{
    /// <summary>A fused copy of the circuit.</summary>
    public static Circuit Fuse(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var result = new Circuit(circuit.QubitCount, circuit.ParameterCount);
        var pending = new Matrix2?[circuit.QubitCount];
        TwoQubitGate? lastTwo = null;

        void FlushSingle(int q)
        {
            if (pending[q] is { } m) { FlushTwo(); result.Add(new SingleQubitGate(q, m, "u")); pending[q] = null; }
        }
        void FlushTwo()
        {
            if (lastTwo != null) { result.Add(lastTwo); lastTwo = null; }
        }

        foreach (var g in circuit.Gates)
        {
            switch (g)
            {
                case SingleQubitGate s:
                    if (lastTwo != null && (lastTwo.Q0 == s.Target || lastTwo.Q1 == s.Target))
                    {
                        // absorb into the preceding two-qubit gate: U4 ← (S on its qubit) · U4
                        var s4 = lastTwo.Q0 == s.Target ? Matrix4.Kron(Matrix2.Identity, s.Matrix) : Matrix4.Kron(s.Matrix, Matrix2.Identity);
                        lastTwo = lastTwo with { Matrix = s4 * lastTwo.Matrix, Label = "u2" };
                        break;
                    }
                    pending[s.Target] = pending[s.Target] is { } prev ? s.Matrix * prev : s.Matrix;
                    break;
                case ControlledGate c:
                    AddTwo(new TwoQubitGate(c.Control, c.Target, Matrix4.Controlled(c.Matrix), c.Label));
                    break;
                case TwoQubitGate t:
                    AddTwo(t);
                    break;
                default:
                    foreach (int q in g.Qubits) FlushSingle(q);
                    if (lastTwo != null && g.Qubits.Any(q => q == lastTwo.Q0 || q == lastTwo.Q1)) FlushTwo();
                    FlushTwo();
                    result.Add(g);
                    break;
            }
        }
        for (int q = 0; q < pending.Length; q++) FlushSingle(q);
        FlushTwo();
        return result;

        void AddTwo(TwoQubitGate t)
        {
            var m = t.Matrix;
            if (pending[t.Q0] is { } p0) { m = m * Matrix4.Kron(Matrix2.Identity, p0); pending[t.Q0] = null; }
            if (pending[t.Q1] is { } p1) { m = m * Matrix4.Kron(p1, Matrix2.Identity); pending[t.Q1] = null; }
            if (lastTwo != null)
            {
                if (lastTwo.Q0 == t.Q0 && lastTwo.Q1 == t.Q1) { lastTwo = new TwoQubitGate(t.Q0, t.Q1, m * lastTwo.Matrix, "u2"); return; }
                if (lastTwo.Q0 == t.Q1 && lastTwo.Q1 == t.Q0) { lastTwo = new TwoQubitGate(t.Q0, t.Q1, m * lastTwo.Matrix.SwapQubits(), "u2"); return; }
                FlushTwo();
            }
            // flush any pending single on other qubits is unnecessary: they commute with this gate
            lastTwo = new TwoQubitGate(t.Q0, t.Q1, m, t.Matrix == m ? t.Label : "u2");
        }
    }
}
