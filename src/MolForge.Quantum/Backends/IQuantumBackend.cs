using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Backends;

/// <summary>
/// Where circuits run: evaluates ⟨ψ(θ)|O|ψ(θ)⟩ for a circuit given as data. State-vector simulation is exact;
/// shot-based, noisy and hardware backends (issue #8) estimate the same quantity.
/// </summary>
public interface IQuantumBackend
{
    /// <summary>Name (statevector, shots, noisy, hardware).</summary>
    string Name { get; }

    /// <summary>The largest register the backend accepts.</summary>
    int MaxQubits { get; }

    /// <summary>⟨ψ(θ)|O|ψ(θ)⟩ with ψ(θ) = U(θ)|0⟩.</summary>
    double Expectation(Circuit circuit, ReadOnlySpan<double> parameters, QubitOperator observable);
}

/// <summary>A backend that also gives exact gradients (state vector: adjoint method, Jones &amp; Gacon 2020).</summary>
public interface IGradientBackend : IQuantumBackend
{
    /// <summary>The expectation and its gradient with respect to every circuit parameter.</summary>
    double ExpectationAndGradient(Circuit circuit, ReadOnlySpan<double> parameters, QubitOperator observable, Span<double> gradient);

    /// <summary>For each anti-Hermitian generator G: d/dθ ⟨ψ|e^{−θG} O e^{θG}|ψ⟩ at θ = 0 = ⟨ψ|[O, G]|ψ⟩ (ADAPT-VQE
    /// selection gradients).</summary>
    double[] GeneratorGradients(Circuit circuit, ReadOnlySpan<double> parameters, QubitOperator observable, IReadOnlyList<QubitOperator> generators);
}
