using System.Globalization;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Circuits;

/// <summary>
/// A parameterised circuit as data: an ordered gate list over <see cref="QubitCount"/> qubits and
/// <see cref="ParameterCount"/> real parameters. Gates are checked against the register when added.
/// </summary>
public sealed class Circuit
{
    private readonly List<Gate> _gates = new();

    /// <summary>An empty circuit.</summary>
    public Circuit(int qubitCount, int parameterCount = 0)
    {
        if (qubitCount < 1 || qubitCount > 64) throw new ArgumentOutOfRangeException(nameof(qubitCount), qubitCount, "A circuit has 1..64 qubits.");
        QubitCount = qubitCount;
        ParameterCount = parameterCount;
    }

    /// <summary>Register size.</summary>
    public int QubitCount { get; }

    /// <summary>Number of parameters the gates may reference.</summary>
    public int ParameterCount { get; private set; }

    /// <summary>The gates in order.</summary>
    public IReadOnlyList<Gate> Gates => _gates;

    /// <summary>Adds a new parameter and returns its index.</summary>
    public int AddParameter() => ParameterCount++;

    /// <summary>Appends a gate after checking its qubits and parameter indices.</summary>
    public Circuit Add(Gate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        foreach (int q in gate.Qubits)
            if ((uint)q >= (uint)QubitCount)
                throw new ArgumentException($"Gate {gate.Name} acts on qubit {q}, outside the {QubitCount}-qubit register (qubits 0..{QubitCount - 1}).", nameof(gate));
        if (gate is PauliRotationGate pr)
            foreach (var t in pr.Angle)
                if ((uint)t.Index >= (uint)ParameterCount)
                    throw new ArgumentException($"Gate parameter index {t.Index} is outside the circuit's {ParameterCount} parameters.", nameof(gate));
        _gates.Add(gate);
        return this;
    }

    /// <summary>Appends all gates of another circuit on the same register (parameters shared by index).</summary>
    public Circuit Append(Circuit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ParameterCount = Math.Max(ParameterCount, other.ParameterCount);
        foreach (var g in other._gates) Add(g);
        return this;
    }

    /// <summary>X on a qubit.</summary>
    public Circuit X(int q) => Add(new SingleQubitGate(q, Matrix2.X, "x"));

    /// <summary>CNOT.</summary>
    public Circuit Cx(int control, int target) => Add(new ControlledGate(control, target, Matrix2.X, "cx"));

    /// <summary>exp(−i(multiplier·θ_k)P).</summary>
    public Circuit PauliRotation(PauliString p, int parameter, double multiplier) =>
        Add(new PauliRotationGate(p, [new ParameterTerm(parameter, multiplier)]));

    /// <summary>Checks a parameter vector: length and finiteness (NaN/∞ are refused naming the index).</summary>
    public void ValidateParameters(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != ParameterCount)
            throw new ArgumentException($"The circuit has {ParameterCount} parameters; {parameters.Length} were given.", nameof(parameters));
        for (int i = 0; i < parameters.Length; i++)
            if (!double.IsFinite(parameters[i]))
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Parameter {i} is {parameters[i]}; circuit parameters must be finite numbers."), nameof(parameters));
    }

    /// <summary>Gate counts by name.</summary>
    public IReadOnlyDictionary<string, int> GateCounts() =>
        _gates.GroupBy(g => g.Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}
