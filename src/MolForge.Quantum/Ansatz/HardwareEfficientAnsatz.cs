using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Ansatz;

/// <summary>
/// Hardware-efficient ansatz (Kandala et al. 2017): from a basis state (X gates), L layers of RY(θ)·RZ(θ) on every
/// qubit followed by a linear CNOT ladder, and a final RY·RZ layer. RY(θ) = exp(−iθY/2) is a Pauli rotation with
/// multiplier ½, so the adjoint gradient applies unchanged.
/// </summary>
public static class HardwareEfficientAnsatz
{
    /// <summary>Builds the circuit; parameters = 2·n·(layers + 1).</summary>
    public static Circuit Build(int qubits, int layers, ulong initialState = 0)
    {
        if (layers < 0) throw new ArgumentOutOfRangeException(nameof(layers), layers, "Layers must be non-negative.");
        var c = new Circuit(qubits);
        for (int q = 0; q < qubits; q++) if (((initialState >> q) & 1) != 0) c.X(q);
        for (int l = 0; l <= layers; l++)
        {
            for (int q = 0; q < qubits; q++)
            {
                c.PauliRotation(PauliString.Single('Y', q), c.AddParameter(), 0.5);
                c.PauliRotation(PauliString.Single('Z', q), c.AddParameter(), 0.5);
            }
            if (l == layers) break;
            for (int q = 0; q + 1 < qubits; q++) c.Cx(q, q + 1);
        }
        return c;
    }
}
