using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Circuits;

/// <summary>Applies circuits (and their inverses, gate by gate) to a <see cref="StateVector"/>.</summary>
public static class CircuitSimulator
{
    /// <summary>ψ ← U(θ) ψ.</summary>
    public static void Run(Circuit circuit, ReadOnlySpan<double> parameters, StateVector state)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(state);
        if (circuit.QubitCount != state.QubitCount)
            throw new ArgumentException($"The circuit has {circuit.QubitCount} qubits, the state {state.QubitCount}.", nameof(state));
        circuit.ValidateParameters(parameters);
        foreach (var g in circuit.Gates) Apply(g, parameters, state, false);
    }

    /// <summary>Applies one gate, or its inverse.</summary>
    public static void Apply(Gate gate, ReadOnlySpan<double> parameters, StateVector state, bool inverse)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(state);
        switch (gate)
        {
            case PauliRotationGate p:
                double a = p.AngleFor(parameters);
                state.ApplyPauliRotation(p.Pauli, inverse ? -a : a);
                break;
            case SingleQubitGate s:
                state.Apply(s.Target, inverse ? s.Matrix.Adjoint() : s.Matrix);
                break;
            case ControlledGate c:
                state.ApplyControlled(c.Control, c.Target, inverse ? c.Matrix.Adjoint() : c.Matrix);
                break;
            case TwoQubitGate t:
                state.Apply(t.Q0, t.Q1, inverse ? t.Matrix.Adjoint() : t.Matrix);
                break;
            default:
                throw new NotSupportedException($"Gate type {gate.GetType().Name} is not supported by the state-vector simulator.");
        }
    }
}
