using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;

namespace MolForge.Quantum.Noise;

/// <summary>Mean over trajectories and its standard error.</summary>
public sealed record TrajectoryEstimate(double Value, double StandardError, int Trajectories);

/// <summary>
/// Monte-Carlo (stochastic Pauli) trajectories for registers too large for a density matrix: a depolarising channel
/// is a Pauli mixture, so inserting a uniformly random non-identity Pauli after a native gate with probability p and
/// averaging pure-state expectations over trajectories gives Tr(ρH) without bias (Dalibard, Castin &amp; Mølmer,
/// PRL 68, 580 (1992) for the general unravelling). Damping channels are not unravelled here.
/// </summary>
public static class TrajectorySimulator
{
    /// <summary>The average of ⟨ψ_traj|H|ψ_traj⟩ over <paramref name="trajectories"/> seeded trajectories.</summary>
    public static TrajectoryEstimate Expectation(Circuit circuit, ReadOnlySpan<double> parameters, NoiseModel model, QubitOperator observable, int trajectories, Random rng)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentNullException.ThrowIfNull(rng);
        model.Validate();
        if (model.AmplitudeDamping > 0 || model.PhaseDamping > 0)
            throw new NotSupportedException("Trajectories unravel depolarising (Pauli) noise only; use the density-matrix simulator for damping.");
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 2);
        var native = NoisySimulator.Native(circuit, parameters);
        var psi = new StateVector(circuit.QubitCount);
        double sum = 0, sum2 = 0;
        for (int t = 0; t < trajectories; t++)
        {
            RunTrajectory(native, model, rng, psi);
            double e = psi.Expectation(observable);
            sum += e;
            sum2 += e * e;
        }
        double mean = sum / trajectories;
        double var = Math.Max(0, (sum2 - trajectories * mean * mean) / (trajectories - 1));
        return new TrajectoryEstimate(mean, Math.Sqrt(var / trajectories), trajectories);
    }

    /// <summary>One trajectory of a native circuit (no free parameters) into <paramref name="psi"/>, from |0…0⟩: after
    /// each gate, with the model's probability, a uniformly random non-identity Pauli on the gate's qubits.</summary>
    public static void RunTrajectory(Circuit native, NoiseModel model, Random rng, StateVector psi)
    {
        ArgumentNullException.ThrowIfNull(native);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(psi);
        psi.SetBasisState(0);
        foreach (var g in native.Gates)
        {
            CircuitSimulator.Apply(g, ReadOnlySpan<double>.Empty, psi, false);
            switch (g)
            {
                case ControlledGate c when rng.NextDouble() < model.TwoQubitDepolarizing:
                    {
                        int k = 1 + rng.Next(15); // a pair (a, b) ≠ (I, I) of letters I X Y Z
                        ApplyPauli(psi, c.Control, k & 3);
                        ApplyPauli(psi, c.Target, k >> 2);
                        break;
                    }
                case SingleQubitGate s when rng.NextDouble() < model.OneQubitDepolarizing:
                    ApplyPauli(psi, s.Target, 1 + rng.Next(3));
                    break;
                case PauliRotationGate r when r.Pauli.Weight == 1 && rng.NextDouble() < model.OneQubitDepolarizing:
                    ApplyPauli(psi, r.Pauli.MaxQubit, 1 + rng.Next(3));
                    break;
            }
        }
    }

    private static void ApplyPauli(StateVector psi, int q, int letter)
    {
        switch (letter)
        {
            case 1: psi.Apply(q, Matrix2.X); break;
            case 2: psi.Apply(q, Matrix2.Y); break;
            case 3: psi.Apply(q, Matrix2.Z); break;
        }
    }
}
