using System.Numerics;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Measurement;
using MolForge.Quantum.Noise;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Tests.Measurement;
using MolForge.Quantum.Tests.TestSupport;
using Xunit.Abstractions;

namespace MolForge.Quantum.Tests.Noise;

public class NoiseTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 2, 2)]
    public void Noiseless_density_matrix_equals_the_pure_state(string name, int ne, int no)
    {
        var h = MolecularHamiltonian.Build(ReferenceData.Get(name, ne, no).Load(), "bravyi-kitaev");
        var ansatz = UccsdAnsatz.Build(h.Mapping, ne);
        var rng = new Random(6);
        var theta = Enumerable.Range(0, ansatz.Circuit.ParameterCount).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var psi = new StateVector(h.QubitCount);
        CircuitSimulator.Run(ansatz.Circuit, theta, psi);
        var pure = DensityMatrix.FromPure(psi);
        // directly on the ansatz gates (Pauli rotations with Y letters) and on the native decomposition
        var direct = new DensityMatrix(h.QubitCount);
        foreach (var g in ansatz.Circuit.Gates) direct.Apply(g, theta);
        var native = NoisySimulator.Run(ansatz.Circuit, theta, NoiseModel.None);
        for (int r = 0; r < pure.Dimension; r++)
            for (int c = 0; c < pure.Dimension; c++)
            {
                Assert.True((pure[r, c] - direct[r, c]).Magnitude < 1e-12, $"direct ρ[{r},{c}]");
                Assert.True((pure[r, c] - native[r, c]).Magnitude < 1e-10, $"native ρ[{r},{c}]");
            }
        Assert.Equal(psi.Expectation(h.Operator), native.Expectation(h.Operator), 9);
        Assert.Equal(1, native.Purity(), 10);
    }

    [Fact]
    public void Depolarising_channels_shrink_the_bloch_vector_as_expected()
    {
        const double p = 0.09;
        var rho = new DensityMatrix(2);
        rho.Apply(new SingleQubitGate(0, Matrix2.H, "h"), []);
        rho.Depolarize(0, p);
        Assert.Equal(1, rho.Trace(), 12);
        // ⟨X⟩ = 1 − 4p/3 after the one-qubit channel
        Assert.Equal(1 - 4 * p / 3, rho.Expectation(new QubitOperator(PauliString.Parse("X0"), 1)), 12);
        var bell = new DensityMatrix(2);
        bell.Apply(new SingleQubitGate(0, Matrix2.H, "h"), []);
        bell.Apply(new ControlledGate(0, 1, Matrix2.X, "cx"), []);
        bell.Depolarize(0, 1, p);
        Assert.Equal(1, bell.Trace(), 12);
        // each correlator XX, YY, ZZ anticommutes with 8 of the 15 Paulis: it shrinks by 1 − 16p/15
        foreach (var s in new[] { "X0 X1", "Z0 Z1" })
            Assert.Equal(1 - 16 * p / 15, bell.Expectation(new QubitOperator(PauliString.Parse(s), 1)), 12);
        Assert.Equal(-(1 - 16 * p / 15), bell.Expectation(new QubitOperator(PauliString.Parse("Y0 Y1"), 1)), 12);
        Assert.True(bell.Purity() < 1);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 0)]
    [InlineData(1, 3)]
    public void Closed_form_depolarising_equals_the_explicit_pauli_channel(int q0, int q1)
    {
        const double p = 0.07;
        var rng = new Random(q0 * 10 + q1);
        var psi = new StateVector(4);
        for (int i = 0; i < psi.Amplitudes.Length; i++) psi.Amplitudes[i] = new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        double norm = Math.Sqrt(psi.NormSquared());
        for (int i = 0; i < psi.Amplitudes.Length; i++) psi.Amplitudes[i] /= norm;
        var fast = DensityMatrix.FromPure(psi);
        fast.AmplitudeDamp(q1, 0.3); // a mixed state
        var slow = fast.Clone();
        fast.Depolarize(q0, q1, p);
        const string letters = "IXYZ";
        var terms = new List<(PauliString, double)>();
        for (int a = 0; a < 4; a++)
            for (int b = 0; b < 4; b++)
            {
                if (a == 0 && b == 0) continue;
                var pa = a == 0 ? PauliString.Identity : PauliString.Single(letters[a], q0);
                var pb = b == 0 ? PauliString.Identity : PauliString.Single(letters[b], q1);
                terms.Add((new PauliString(pa.X | pb.X, pa.Z | pb.Z), p / 15));
            }
        slow.ApplyPauliChannel([.. terms]);
        var one = fast.Clone();
        var oneSlow = fast.Clone();
        one.Depolarize(q1, p);
        oneSlow.ApplyPauliChannel([(PauliString.Single('X', q1), p / 3), (PauliString.Single('Y', q1), p / 3), (PauliString.Single('Z', q1), p / 3)]);
        for (int r = 0; r < 16; r++)
            for (int c = 0; c < 16; c++)
            {
                Assert.True((fast[r, c] - slow[r, c]).Magnitude < 1e-14, $"two-qubit ρ[{r},{c}]");
                Assert.True((one[r, c] - oneSlow[r, c]).Magnitude < 1e-14, $"one-qubit ρ[{r},{c}]");
            }
        Assert.Equal(1, fast.Trace(), 12);
    }

    [Fact]
    public void Trajectory_sampling_agrees_with_the_density_matrix()
    {
        var (h, _, _, circuit, parameters) = MeasurementTests.VqeState("h2", 2, 2);
        var model = new NoiseModel(5e-3, 2e-2, 0.03, 0.03);
        var rho = NoisySimulator.Run(circuit, parameters, model);
        double gateNoisy = rho.Expectation(h.Operator);
        var plan = MeasurementPlan.Build(h.Operator, h.QubitCount);
        var native = NoisySimulator.Native(circuit, parameters);
        var rng = new Random(4);
        var cal = NoisySimulator.Calibrate(h.QubitCount, model, 200_000, rng);
        var mitigated = NoisySimulator.EstimateTrajectories(native, plan, model, 200_000, 400, rng, cal);
        var raw = NoisySimulator.EstimateTrajectories(native, plan, model, 200_000, 400, rng);
        var dm = NoisySimulator.Estimate(rho, plan, model, 200_000, rng);
        output.WriteLine($"Tr(ρH) {gateNoisy:F5}; trajectories mitigated {mitigated.Value:F5} ± {mitigated.StandardError:F5}, raw {raw.Value:F5} ± {raw.StandardError:F5}; density-matrix raw {dm.Value:F5} ± {dm.StandardError:F5}");
        // the same distribution as the density-matrix sampler (raw), and readout mitigation recovers Tr(ρH)
        // (standard errors include the scatter between trajectories, which dominates at this noise level)
        Assert.True(Math.Abs(raw.Value - dm.Value) < 4 * Math.Sqrt(raw.StandardError * raw.StandardError + dm.StandardError * dm.StandardError), $"{raw.Value} vs {dm.Value}");
        Assert.True(Math.Abs(mitigated.Value - gateNoisy) < 4 * mitigated.StandardError, $"{mitigated.Value} vs {gateNoisy}");
        Assert.True(raw.StandardError > 2 * dm.StandardError, "the trajectory scatter must show in the standard error");
    }

    [Fact]
    public void The_noisy_backend_uses_trajectories_above_the_density_matrix_limit()
    {
        var ints = ReferenceData.Get("ethylene", 6, 6).Load();
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        Assert.True(h.QubitCount > DensityMatrix.MaxQubits);
        var c = HardwareEfficientAnsatz.Build(h.QubitCount, 1, h.HartreeFockState);
        var x = new double[c.ParameterCount];
        for (int i = 0; i < x.Length; i++) x[i] = 0.05 * ((i % 5) - 2);
        var psi = new StateVector(h.QubitCount);
        CircuitSimulator.Run(c, x, psi);
        double exact = psi.Expectation(h.Operator);
        var backend = new NoisyBackend(new NoiseModel(1e-4, 1e-3, 0.02, 0.02), 50_000, seed: 3);
        double e = backend.Expectation(c, x, h.Operator);
        var est = backend.LastEstimate!;
        output.WriteLine($"ethylene(6,6) HEA: exact {exact:F5}, noisy mitigated {e:F5} ± {est.StandardError:F5}, unmitigated {est.Unmitigated:F5}, {backend.Trajectories} trajectories, {est.Groups} groups");
        Assert.True(Math.Abs(e - exact) < 5 * est.StandardError + 0.01, $"{e} vs {exact}");
        Assert.True(Math.Abs(est.Unmitigated - exact) - Math.Abs(e - exact) > 3 * est.StandardError, "readout mitigation must help");
    }

    [Fact]
    public void Mitigation_inverts_the_readout_error_exactly_with_the_true_rates()
    {
        var rng = new Random(12);
        for (int trial = 0; trial < 20; trial++)
        {
            int n = 1 + rng.Next(4);
            var p = Enumerable.Range(0, 1 << n).Select(_ => rng.NextDouble()).ToArray();
            double s = p.Sum();
            for (int i = 0; i < p.Length; i++) p[i] /= s;
            var p01 = Enumerable.Range(0, n).Select(_ => 0.2 * rng.NextDouble()).ToArray();
            var p10 = Enumerable.Range(0, n).Select(_ => 0.2 * rng.NextDouble()).ToArray();
            var noisy = NoisySimulator.WithReadoutError(p, n, p01, p10);
            Assert.Equal(1, noisy.Sum(), 12);
            var back = NoisySimulator.Mitigate(noisy, n, new ReadoutCalibration(p01, p10));
            for (int i = 0; i < p.Length; i++) Assert.Equal(p[i], back[i], 12);
        }
    }

    [Fact]
    public void Calibration_recovers_the_readout_rates()
    {
        var model = new NoiseModel(0, 0, 0.03, 0.07);
        const int shots = 200_000;
        var cal = NoisySimulator.Calibrate(4, model, shots, new Random(3));
        for (int q = 0; q < 4; q++)
        {
            Assert.True(Math.Abs(cal.P01[q] - 0.03) < 4 * Math.Sqrt(0.03 * 0.97 / shots), $"p01[{q}] = {cal.P01[q]}");
            Assert.True(Math.Abs(cal.P10[q] - 0.07) < 4 * Math.Sqrt(0.07 * 0.93 / shots), $"p10[{q}] = {cal.P10[q]}");
        }
        Assert.Throws<ArgumentException>(() => new NoiseModel(0, 0, 0.6, 0.5).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseModel(-0.1, 0, 0, 0).Validate());
    }

    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 2, 2)]
    public void Readout_mitigation_brings_the_noisy_energy_closer_to_exact(string name, int ne, int no)
    {
        var (h, _, exact, circuit, parameters) = MeasurementTests.VqeState(name, ne, no);
        var model = new NoiseModel(OneQubitDepolarizing: 1e-4, TwoQubitDepolarizing: 1e-3, ReadoutP01: 0.02, ReadoutP10: 0.05);
        var rho = NoisySimulator.Run(circuit, parameters, model);
        double gateNoisy = rho.Expectation(h.Operator);
        var plan = MeasurementPlan.Build(h.Operator, h.QubitCount);
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var rng = new Random(seed);
            var cal = NoisySimulator.Calibrate(h.QubitCount, model, 100_000, rng);
            var raw = NoisySimulator.Estimate(rho, plan, model, 400_000, rng);
            var mit = NoisySimulator.Estimate(rho, plan, model, 400_000, rng, cal);
            output.WriteLine($"{name}({ne},{no}) seed {seed}: exact {exact:F6}, gate-noise only {gateNoisy:F6}, raw {raw.Value:F6} ± {raw.StandardError:F6} " +
                             $"(err {(raw.Value - exact) * 1e3:F2} mHa), mitigated {mit.Value:F6} ± {mit.StandardError:F6} (err {(mit.Value - exact) * 1e3:F2} mHa)");
            // measurably closer: the improvement exceeds ten combined standard errors
            double combined = Math.Sqrt(raw.StandardError * raw.StandardError + mit.StandardError * mit.StandardError);
            Assert.True(Math.Abs(raw.Value - exact) - Math.Abs(mit.Value - exact) > 10 * combined, "mitigation must measurably reduce the error");
            // readout mitigation recovers the gate-noise-only energy (what remains is depolarising error)
            Assert.True(Math.Abs(mit.Value - gateNoisy) < 4 * mit.StandardError + 1e-3, $"{mit.Value} vs {gateNoisy}");
        }
    }
}

public class ZneTests(ITestOutputHelper output)
{
    [Fact]
    public void Richardson_and_linear_extrapolation_are_exact_for_polynomials()
    {
        double[] s = [1, 3, 5];
        double[] quad = s.Select(x => 2 - 0.3 * x + 0.05 * x * x).ToArray();
        Assert.Equal(2, ZeroNoiseExtrapolation.Richardson(s, quad), 12);
        double[] line = s.Select(x => -1 + 0.2 * x).ToArray();
        Assert.Equal(-1, ZeroNoiseExtrapolation.Linear(s, line), 12);
        Assert.Equal(-1, ZeroNoiseExtrapolation.Richardson(s, line), 12);
        Assert.Throws<ArgumentException>(() => ZeroNoiseExtrapolation.Richardson([1, 1], [0, 0]));
        Assert.Throws<ArgumentException>(() => ZeroNoiseExtrapolation.Linear([1], [0]));
    }

    [Fact]
    public void Folding_keeps_the_noiseless_state_and_amplifies_noise()
    {
        var (h, psi, exact, circuit, parameters) = MeasurementTests.VqeState("h2", 2, 2);
        var clean = ZeroNoiseExtrapolation.RunFolded(circuit, parameters, NoiseModel.None, 5);
        Assert.Equal(exact, clean.Expectation(h.Operator), 9);
        var model = new NoiseModel(1e-4, 1e-3, 0, 0);
        double e1 = ZeroNoiseExtrapolation.RunFolded(circuit, parameters, model, 1).Expectation(h.Operator);
        double e3 = ZeroNoiseExtrapolation.RunFolded(circuit, parameters, model, 3).Expectation(h.Operator);
        Assert.True(e3 - exact > 2 * (e1 - exact), $"λ=3 error {e3 - exact} vs λ=1 error {e1 - exact}");
        Assert.Throws<ArgumentOutOfRangeException>(() => ZeroNoiseExtrapolation.RunFolded(circuit, parameters, model, 2));
    }

    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 2, 2)]
    public void Zne_and_readout_mitigation_bring_the_shot_energy_closer_to_exact(string name, int ne, int no)
    {
        var (h, _, exact, circuit, parameters) = MeasurementTests.VqeState(name, ne, no);
        var model = new NoiseModel(1e-4, 1e-3, 0.02, 0.05);
        foreach (int seed in new[] { 1, 2 })
        {
            var backend = new NoisyBackend(model, 1_000_000, seed, readoutMitigation: true, zneScales: [1, 3, 5]);
            double e = backend.Expectation(circuit, parameters, h.Operator);
            var est = backend.LastEstimate!;
            output.WriteLine($"{name}({ne},{no}) seed {seed}: exact {exact:F6}, unmitigated {est.Unmitigated:F6} (err {(est.Unmitigated - exact) * 1e3:F2} mHa), " +
                             $"readout+ZNE {e:F6} ± {est.StandardError:F6} (err {(e - exact) * 1e3:F2} mHa)");
            Assert.True(Math.Abs(e - exact) + 5 * est.StandardError < Math.Abs(est.Unmitigated - exact), "mitigated energy must be measurably closer");
        }
    }
}

public class DampingTests
{
    [Fact]
    public void Amplitude_damping_decays_the_excited_state_and_keeps_the_trace()
    {
        const double gamma = 0.3;
        var rho = new DensityMatrix(2);
        rho.Apply(new SingleQubitGate(1, Matrix2.X, "x"), []);
        rho.AmplitudeDamp(1, gamma);
        Assert.Equal(1, rho.Trace(), 12);
        Assert.Equal(1 - gamma, rho[2, 2].Real, 12);
        Assert.Equal(gamma, rho[0, 0].Real, 12);
        // on |+⟩ the coherence shrinks by √(1−γ)
        var plus = new DensityMatrix(1);
        plus.Apply(new SingleQubitGate(0, Matrix2.H, "h"), []);
        plus.AmplitudeDamp(0, gamma);
        Assert.Equal(0.5 * Math.Sqrt(1 - gamma), plus[0, 1].Real, 12);
    }

    [Fact]
    public void Phase_damping_removes_coherence_but_not_populations()
    {
        const double lambda = 0.36;
        var rho = new DensityMatrix(1);
        rho.Apply(new SingleQubitGate(0, Matrix2.H, "h"), []);
        rho.PhaseDamp(0, lambda);
        Assert.Equal(1, rho.Trace(), 12);
        Assert.Equal(0.5, rho[1, 1].Real, 12);
        Assert.Equal(0.5 * Math.Sqrt(1 - lambda), rho[0, 1].Real, 12);
        Assert.Equal(0.5 * Math.Sqrt(1 - lambda), rho[1, 0].Real, 12);
    }

    [Fact]
    public void Damping_in_the_noise_model_lowers_purity_of_a_circuit_state()
    {
        var c = HardwareEfficientAnsatz.Build(3, 1, initialState: 0b111);
        var theta = Enumerable.Range(0, c.ParameterCount).Select(i => 0.1 * i).ToArray();
        var clean = NoisySimulator.Run(c, theta, NoiseModel.None);
        var damped = NoisySimulator.Run(c, theta, new NoiseModel(0, 0, 0, 0, AmplitudeDamping: 0.01, PhaseDamping: 0.02));
        Assert.Equal(1, clean.Purity(), 10);
        Assert.Equal(1, damped.Trace(), 10);
        Assert.True(damped.Purity() < 0.99);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseModel(0, 0, 0, 0, AmplitudeDamping: 1.5).Validate());
    }
}

public class TrajectoryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 2, 2)]
    public void Trajectories_agree_with_the_density_matrix(string name, int ne, int no)
    {
        var (h, _, exact, circuit, parameters) = MeasurementTests.VqeState(name, ne, no);
        var model = new NoiseModel(2e-3, 2e-2, 0, 0);
        double dm = NoisySimulator.Run(circuit, parameters, model).Expectation(h.Operator);
        var traj = TrajectorySimulator.Expectation(circuit, parameters, model, h.Operator, 2000, new Random(21));
        output.WriteLine($"{name}({ne},{no}): exact {exact:F6}, density matrix {dm:F6}, trajectories {traj.Value:F6} ± {traj.StandardError:F6}");
        Assert.True(dm - exact > 10 * traj.StandardError, "the noise must be visible for the comparison to mean anything");
        Assert.True(Math.Abs(traj.Value - dm) < 4 * traj.StandardError, $"{traj.Value} vs {dm}");
        // without noise every trajectory is the pure state
        var clean = TrajectorySimulator.Expectation(circuit, parameters, NoiseModel.None, h.Operator, 2, new Random(1));
        Assert.Equal(exact, clean.Value, 9);
    }
}
