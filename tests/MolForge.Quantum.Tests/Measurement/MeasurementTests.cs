using System.Diagnostics;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Measurement;
using MolForge.Quantum.Operators;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Tests.TestSupport;
using MolForge.Quantum.Variational;
using Xunit.Abstractions;

namespace MolForge.Quantum.Tests.Measurement;

public class MeasurementTests(ITestOutputHelper output)
{
    /// <summary>The VQE-optimised UCCSD state of a reference, with its Hamiltonian and exact energy.</summary>
    internal static (QubitHamiltonian H, StateVector Psi, double Exact, Circuit Circuit, double[] Parameters) VqeState(string name, int ne, int no)
    {
        var ints = ReferenceData.Get(name, ne, no).Load();
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, ne);
        var x0 = UccsdAnsatz.InitialAmplitudes(ansatz.Excitations, ints, ints.OrbitalEnergies);
        var res = Vqe.Minimize(new StateVectorBackend(), ansatz.Circuit, h.Operator, x0);
        var psi = new StateVector(h.QubitCount);
        CircuitSimulator.Run(ansatz.Circuit, res.Parameters, psi);
        return (h, psi, psi.Expectation(h.Operator), ansatz.Circuit, res.Parameters);
    }

    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 4, 4)]
    [InlineData("formaldehyde", 4, 4)]
    public void Groups_partition_the_terms_into_qubitwise_commuting_sets(string name, int ne, int no)
    {
        var h = MolecularHamiltonian.Build(ReferenceData.Get(name, ne, no).Load(), "jordan-wigner");
        var plan = MeasurementPlan.Build(h.Operator, h.QubitCount);
        var seen = new HashSet<PauliString>();
        foreach (var g in plan.Groups)
        {
            foreach (var a in g.Terms)
            {
                Assert.True(seen.Add(a.Pauli), $"{a.Pauli} appears twice");
                Assert.Equal(h.Operator[a.Pauli].Real, a.Coefficient, 15);
                foreach (var b in g.Terms)
                    for (int q = 0; q < h.QubitCount; q++)
                        Assert.True(a.Pauli[q] == 'I' || b.Pauli[q] == 'I' || a.Pauli[q] == b.Pauli[q], $"{a.Pauli} and {b.Pauli} differ on qubit {q}");
            }
            Assert.Equal(g.Terms.Sum(t => Math.Abs(t.Coefficient)), g.Weight, 12);
        }
        int nonIdentity = h.Operator.Terms.Count(t => !t.Key.IsIdentity);
        Assert.Equal(nonIdentity, seen.Count);
        Assert.Equal(nonIdentity, plan.TermCount);
        Assert.Equal(h.Operator[PauliString.Identity].Real, plan.Constant, 12);
        Assert.True(plan.Groups.Count < plan.TermCount);
        output.WriteLine($"{name}({ne},{no}): {plan.TermCount} terms -> {plan.Groups.Count} groups");
    }

    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 4, 4)]
    public void Basis_changes_reproduce_the_exact_expectation(string name, int ne, int no)
    {
        var (h, psi, exact, _, _) = VqeState(name, ne, no);
        var plan = MeasurementPlan.Build(h.Operator, h.QubitCount);
        Assert.Equal(exact, ShotSampler.ExactThroughPlan(psi, plan), 10);
        // also on a random state, where X and Y terms matter beyond the VQE manifold
        var r = new StateVector(h.QubitCount);
        r.Randomize(new Random(5));
        Assert.Equal(r.Expectation(h.Operator), ShotSampler.ExactThroughPlan(r, plan), 10);
    }

    [Fact]
    public void Allocation_sums_to_the_budget_and_follows_the_weights()
    {
        var h = MolecularHamiltonian.Build(ReferenceData.Get("lih", 4, 4).Load(), "jordan-wigner");
        var plan = MeasurementPlan.Build(h.Operator, h.QubitCount);
        foreach (long shots in new long[] { 2 * plan.Groups.Count, 1000, 100_003 })
        {
            var a = plan.AllocateShots(shots);
            Assert.Equal(shots, a.Sum(x => (long)x));
            Assert.All(a, x => Assert.True(x >= 2));
            for (int i = 0; i < a.Length; i++)
            {
                double ideal = 2 + (shots - 2.0 * a.Length) * plan.Groups[i].Weight / plan.TotalWeight;
                Assert.True(Math.Abs(a[i] - ideal) < 1.0 + 1e-9, $"group {i}: {a[i]} vs {ideal}");
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => plan.AllocateShots(2 * plan.Groups.Count - 1));
    }

    [Fact]
    public void Sampled_frequencies_follow_the_born_rule()
    {
        var psi = new StateVector(3);
        psi.Randomize(new Random(3));
        const int shots = 200_000;
        var counts = ShotSampler.SampleCounts(psi.Amplitudes, shots, new Random(17));
        Assert.Equal(shots, counts.Sum());
        for (int b = 0; b < 8; b++)
        {
            double p = psi.Amplitudes[b].Magnitude * psi.Amplitudes[b].Magnitude;
            double sigma = Math.Sqrt(p * (1 - p) / shots);
            Assert.True(Math.Abs(counts[b] / (double)shots - p) < 4 * sigma, $"outcome {b}: {counts[b] / (double)shots} vs {p}");
        }
        // zero-probability outcomes never occur
        var basis = new StateVector(3);
        basis.SetBasisState(5);
        var c = ShotSampler.SampleCounts(basis.Amplitudes, 1000, new Random(1));
        Assert.Equal(1000, c[5]);
    }

    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 2, 2)]
    [InlineData("h2o", 2, 2)]
    public void Shot_energy_of_the_vqe_state_is_within_3_standard_errors(string name, int ne, int no)
    {
        var (h, psi, exact, _, _) = VqeState(name, ne, no);
        var plan = MeasurementPlan.Build(h.Operator, h.QubitCount);
        ShotEstimate? small = null, large = null;
        foreach (var (shots, seed) in new (long, int)[] { (10_000, 1), (10_000, 2), (1_000_000, 3) })
        {
            var est = ShotSampler.Estimate(psi, plan, shots, new Random(seed));
            output.WriteLine($"{name}({ne},{no}) shots={shots} seed={seed}: E={est.Value:F6} exact={exact:F6} err={(est.Value - exact) * 1e3:F3} mHa σ={est.StandardError * 1e3:F3} mHa groups={est.Groups}/{est.Terms}");
            Assert.True(Math.Abs(est.Value - exact) < 3 * est.StandardError, $"{est.Value} vs {exact} ± {est.StandardError}");
            if (shots == 10_000) small ??= est; else large = est;
        }
        // the standard error scales as 1/√shots: 100× the shots, 10× smaller
        double ratio = small!.StandardError / large!.StandardError;
        Assert.InRange(ratio, 8.5, 11.5);
    }

    [Fact]
    public void Spread_of_repeated_estimates_matches_the_reported_standard_error()
    {
        var (h, psi, exact, _, _) = VqeState("h2", 2, 2);
        var plan = MeasurementPlan.Build(h.Operator, h.QubitCount);
        const int runs = 200;
        var values = new double[runs];
        double meanSe = 0;
        for (int i = 0; i < runs; i++)
        {
            var e = ShotSampler.Estimate(psi, plan, 4000, new Random(100 + i));
            values[i] = e.Value;
            meanSe += e.StandardError / runs;
        }
        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (runs - 1));
        output.WriteLine($"empirical sd {sd * 1e3:F4} mHa, mean reported σ {meanSe * 1e3:F4} mHa, bias {(mean - exact) * 1e3:F4} mHa");
        Assert.InRange(sd / meanSe, 0.8, 1.25);
        Assert.True(Math.Abs(mean - exact) < 4 * sd / Math.Sqrt(runs));
    }

    [Fact]
    public void Shot_backend_estimates_the_energy_of_a_circuit()
    {
        var (h, _, exact, circuit, parameters) = VqeState("h2", 2, 2);
        var backend = new ShotBackend(200_000, seed: 9);
        double e = backend.Expectation(circuit, parameters, h.Operator);
        Assert.NotNull(backend.LastEstimate);
        Assert.True(Math.Abs(e - exact) < 3 * backend.LastEstimate!.StandardError);
        Assert.Equal(200_000, backend.ShotsSpent);
        Assert.Same(backend.PlanFor(h.Operator, h.QubitCount), backend.PlanFor(h.Operator, h.QubitCount));
    }

    [Fact]
    public void Report_grouping_error_vs_shots_and_sampling_time()
    {
        foreach (var r in ReferenceData.All.Where(r => r.Orbitals >= 4))
        {
            var h = MolecularHamiltonian.Build(r.Load(), "jordan-wigner");
            var plan = MeasurementPlan.Build(h.Operator, h.QubitCount);
            output.WriteLine($"{r}: {h.QubitCount} qubits, {plan.TermCount} measured terms -> {plan.Groups.Count} QWC groups");
            Assert.True(plan.Groups.Count <= plan.TermCount);
        }
        var (hh, psi, exact, _, _) = VqeState("formaldehyde", 4, 4);
        var p = MeasurementPlan.Build(hh.Operator, hh.QubitCount);
        foreach (long shots in new long[] { 1_000, 10_000, 100_000 })
        {
            // RMS error over 20 seeds beside the mean reported standard error
            double sq = 0, se = 0;
            for (int seed = 0; seed < 20; seed++)
            {
                var est = ShotSampler.Estimate(psi, p, shots, new Random(1000 + seed));
                sq += (est.Value - exact) * (est.Value - exact) / 20;
                se += est.StandardError / 20;
                Assert.True(double.IsFinite(est.StandardError) && est.StandardError > 0);
            }
            output.WriteLine($"formaldehyde(4,4) shots={shots}: RMS error {Math.Sqrt(sq) * 1e3:F3} mHa over 20 seeds, mean σ {se * 1e3:F3} mHa");
        }
        // time per 10^5 shots (all groups, basis changes included) on the (4,4) VQE state and a (6,6) UCCSD state at MP2 amplitudes
        var ints66 = ReferenceData.Get("formaldehyde", 6, 6).Load();
        var h66 = MolecularHamiltonian.Build(ints66, "jordan-wigner");
        var a66 = UccsdAnsatz.Build(h66.Mapping, 6);
        var psi66 = new StateVector(h66.QubitCount);
        CircuitSimulator.Run(a66.Circuit, UccsdAnsatz.InitialAmplitudes(a66.Excitations, ints66, ints66.OrbitalEnergies), psi66);
        var p66 = MeasurementPlan.Build(h66.Operator, h66.QubitCount);
        foreach (var (label, state, plan) in new[] { ("formaldehyde(4,4)", psi, p), ("formaldehyde(6,6)", psi66, p66) })
        {
            ShotSampler.Estimate(state, plan, 100_000, new Random(1)); // warm-up
            var sw = Stopwatch.StartNew();
            const int reps = 5;
            for (int i = 0; i < reps; i++) ShotSampler.Estimate(state, plan, 100_000, new Random(i));
            output.WriteLine($"{label}: {plan.Groups.Count} groups, {sw.Elapsed.TotalMilliseconds / reps:F2} ms per 10^5 shots");
        }
    }
}
