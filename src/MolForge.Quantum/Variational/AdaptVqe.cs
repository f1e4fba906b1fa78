using System.Diagnostics;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Mappings;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Variational;

/// <summary>ADAPT-VQE settings.</summary>
/// <param name="GradientThreshold">Stop when the largest pool gradient |⟨ψ|[H, G]|ψ⟩| is below this.</param>
/// <param name="MaxOperators">Upper bound on selected operators.</param>
/// <param name="EnergyTolerance">Stop when adding an operator lowers the energy by less than this.</param>
public sealed record AdaptOptions(double GradientThreshold = 1e-4, int MaxOperators = 200, double EnergyTolerance = 1e-10);

/// <summary>ADAPT-VQE outcome.</summary>
public sealed record AdaptResult(double Energy, Circuit Circuit, double[] Parameters, IReadOnlyList<Excitation> Selected,
    int Iterations, int Evaluations, bool Converged, double Seconds);

/// <summary>
/// ADAPT-VQE (Grimsley, Economou, Barnes &amp; Mayhall 2019): grow the ansatz one pool operator at a time, choosing
/// the operator with the largest energy gradient ⟨ψ|[H, G]|ψ⟩ at the current state, appending exp(θG) with θ = 0
/// and re-optimising all parameters (warm start). The pool is the spin-adapted singles and doubles of UCCSD.
/// </summary>
public static class AdaptVqe
{
    /// <summary>Runs ADAPT-VQE from the reference circuit.</summary>
    public static AdaptResult Run(IGradientBackend backend, Circuit reference, FermionMapping mapping, IReadOnlyList<Excitation> pool,
        QubitOperator hamiltonian, AdaptOptions? options = null, VqeOptions? vqeOptions = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(hamiltonian);
        var o = options ?? new AdaptOptions();
        var sw = Stopwatch.StartNew();
        var generators = pool.Select(e => e.Map(mapping).Qubit).ToList();
        var circuit = new Circuit(reference.QubitCount).Append(reference);
        var parameters = Array.Empty<double>();
        var selected = new List<Excitation>();
        double energy = backend.Expectation(circuit, parameters, hamiltonian);
        int evaluations = 1, iterations = 0;
        bool converged = false;
        while (selected.Count < o.MaxOperators)
        {
            var grads = backend.GeneratorGradients(circuit, parameters, hamiltonian, generators);
            int best = 0;
            for (int k = 1; k < grads.Length; k++) if (Math.Abs(grads[k]) > Math.Abs(grads[best])) best = k;
            if (grads.Length == 0 || Math.Abs(grads[best]) < o.GradientThreshold) { converged = true; break; }
            UccsdAnsatz.AppendExcitation(circuit, pool[best], mapping);
            selected.Add(pool[best]);
            var x0 = new double[circuit.ParameterCount];
            Array.Copy(parameters, x0, parameters.Length);
            var r = Vqe.Minimize(backend, circuit, hamiltonian, x0, vqeOptions);
            iterations += r.Iterations;
            evaluations += r.Evaluations;
            parameters = r.Parameters;
            double previous = energy;
            energy = r.Energy;
            if (previous - energy < o.EnergyTolerance) { converged = true; break; }
        }
        return new AdaptResult(energy, circuit, parameters, selected, iterations, evaluations, converged, sw.Elapsed.TotalSeconds);
    }
}
