using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Tests.TestSupport;
using MolForge.Quantum.Variational;
using Xunit.Abstractions;

namespace MolForge.Quantum.Tests.Measurement;

public class SpsaTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 2, 2)]
    public void Spsa_on_shots_reaches_the_casci_energy(string name, int ne, int no)
    {
        var r = ReferenceData.Get(name, ne, no);
        var h = MolecularHamiltonian.Build(r.Load(), "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, ne);
        const long shotsPerEvaluation = 20_000;
        var backend = new ShotBackend(shotsPerEvaluation, seed: 5);
        var res = Spsa.Minimize(backend, ansatz.Circuit, h.Operator, null, new SpsaOptions(MaxEvaluations: 300, Seed: 7));
        var psi = new StateVector(h.QubitCount);
        CircuitSimulator.Run(ansatz.Circuit, res.Parameters, psi);
        double e = psi.Expectation(h.Operator);
        output.WriteLine($"{r}: SPSA exact energy at the averaged parameters {e:F6}, CASCI {r.Casci:F6}, Δ = {(e - r.Casci) * 1e3:F3} mHa, HF {r.Hf:F6}; " +
                         $"{res.Evaluations} evaluations = {backend.ShotsSpent} shots, last estimate {res.LastEstimate:F6}");
        Assert.Equal(res.Evaluations * shotsPerEvaluation, backend.ShotsSpent);
        Assert.True(e - r.Casci < 2e-3, $"{e} vs CASCI {r.Casci}");
        Assert.True(e < r.Hf - 0.5 * (r.Hf - r.Casci), "SPSA must recover most of the correlation energy");
    }

    [Fact]
    public void Bounded_steps_keep_spsa_near_a_flat_optimum()
    {
        // LiH (2,2): the MP2 start is within 0.1 mHa of the optimum, the landscape there is flat and the shot noise
        // sets SPSA's gain; unbounded (MaxStep = ∞, first step 0.05 rad) the later steps overshot by radians, 33 mHa
        // above CASCI with these seeds. First step as the sampled VQE engine uses.
        var r = ReferenceData.Get("lih", 2, 2);
        var ints = r.Load();
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, 2);
        var x0 = UccsdAnsatz.InitialAmplitudes(ansatz.Excitations, ints, ints.OrbitalEnergies);
        var backend = new ShotBackend(10_000, seed: 7);
        var res = Spsa.Minimize(backend, ansatz.Circuit, h.Operator, x0, new SpsaOptions(MaxEvaluations: 120, InitialStep: 0.02, Seed: 7));
        var psi = new StateVector(h.QubitCount);
        CircuitSimulator.Run(ansatz.Circuit, res.Parameters, psi);
        double e = psi.Expectation(h.Operator);
        output.WriteLine($"{r}: exact energy at SPSA's parameters {e:F6}, CASCI {r.Casci:F6}, Δ = {(e - r.Casci) * 1e3:F3} mHa; parameters {string.Join(", ", res.Parameters)}");
        Assert.True(e - r.Casci < 2e-3, $"{e} vs {r.Casci}");
        Assert.All(res.Parameters, p => Assert.InRange(p, -0.5, 0.5));
    }

    [Fact]
    public void Spsa_refuses_a_budget_below_one_iteration()
    {
        var c = HardwareEfficientAnsatz.Build(2, 0);
        var h = new MolForge.Quantum.Operators.QubitOperator(MolForge.Quantum.Operators.PauliString.Parse("Z0"), 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Spsa.Minimize(new StateVectorBackend(), c, h, null, new SpsaOptions(MaxEvaluations: 5)));
    }
}
