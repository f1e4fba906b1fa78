using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Circuits;

/// <summary>One term of a gate angle: multiplier × parameters[index].</summary>
public readonly record struct ParameterTerm(int Index, double Multiplier);

/// <summary>A circuit element, as data: backends (state vector, shots, hardware, OpenQASM export) interpret it.</summary>
public abstract record Gate
{
    /// <summary>The qubits the gate acts on.</summary>
    public abstract IEnumerable<int> Qubits { get; }

    /// <summary>Short name for listings and export (x, ry, cx, pauli-rotation, ...).</summary>
    public abstract string Name { get; }
}

/// <summary>A fixed one-qubit gate.</summary>
public sealed record SingleQubitGate(int Target, Matrix2 Matrix, string Label) : Gate
{
    /// <inheritdoc />
    public override IEnumerable<int> Qubits => [Target];

    /// <inheritdoc />
    public override string Name => Label;
}

/// <summary>A fixed controlled one-qubit gate (cx = controlled X, cz = controlled Z).</summary>
public sealed record ControlledGate(int Control, int Target, Matrix2 Matrix, string Label) : Gate
{
    /// <inheritdoc />
    public override IEnumerable<int> Qubits => [Control, Target];

    /// <inheritdoc />
    public override string Name => Label;
}

/// <summary>A fixed dense two-qubit gate (q0 = low bit of the local index).</summary>
public sealed record TwoQubitGate(int Q0, int Q1, Matrix4 Matrix, string Label) : Gate
{
    /// <inheritdoc />
    public override IEnumerable<int> Qubits => [Q0, Q1];

    /// <inheritdoc />
    public override string Name => Label;
}

/// <summary>
/// exp(−i a P) with angle a = <see cref="FixedAngle"/> + Σ multiplier·θ[index]: the Pauli-string exponential that
/// Trotterised UCC factors, ADAPT operators and hardware-efficient rotations (RY(θ) = exp(−iθ/2 Y)) reduce to.
/// </summary>
public sealed record PauliRotationGate(PauliString Pauli, ParameterTerm[] Angle, double FixedAngle = 0) : Gate
{
    /// <inheritdoc />
    public override IEnumerable<int> Qubits
    {
        get
        {
            for (int q = 0; q < 64; q++) if (((Pauli.Support >> q) & 1) != 0) yield return q;
        }
    }

    /// <inheritdoc />
    public override string Name => "pauli-rotation";

    /// <summary>The angle for a parameter vector.</summary>
    public double AngleFor(ReadOnlySpan<double> parameters)
    {
        double a = FixedAngle;
        foreach (var t in Angle) a += t.Multiplier * parameters[t.Index];
        return a;
    }
}
