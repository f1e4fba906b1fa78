using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Noise;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Tests.TestSupport;
using MolForge.Quantum.Variational;
using Xunit.Abstractions;

namespace MolForge.Quantum.Tests.Variational;

public class NelderMeadTests(ITestOutputHelper output)
{
    [Fact]
    public void Minimises_the_rosenbrock_function_without_noise()
    {
        static double Rosenbrock(double[] x) => 100 * Math.Pow(x[1] - x[0] * x[0], 2) + Math.Pow(1 - x[0], 2);
        var r = NelderMead.Minimize(Rosenbrock, [-1.2, 1.0], new NelderMeadOptions(MaxEvaluations: 2000, InitialStep: 0.5, SimplexTolerance: 1e-7, ResampleEvery: int.MaxValue));
        output.WriteLine($"x = ({r.Parameters[0]}, {r.Parameters[1]}), f = {r.Value}, {r.Iterations} it, {r.Evaluations} evals");
        Assert.True(r.Converged);
        Assert.Equal(1, r.Parameters[0], 4);
        Assert.Equal(1, r.Parameters[1], 4);
        Assert.True(r.Evaluations <= 2000);
        // the trace is the best value per iteration: it never rises without noise
        for (int i = 1; i < r.Trace.Count; i++) Assert.True(r.Trace[i] <= r.Trace[i - 1]);
        Assert.Equal(r.Value, r.Trace[^1]);
    }

    [Fact]
    public void Respects_the_evaluation_budget_and_refuses_one_too_small()
    {
        int calls = 0;
        var r = NelderMead.Minimize(x => { calls++; return x.Sum(v => v * v); }, [1, 2, 3, 4], new NelderMeadOptions(MaxEvaluations: 37));
        Assert.Equal(calls, r.Evaluations);
        Assert.True(r.Evaluations <= 37, $"{r.Evaluations} evaluations");
        Assert.False(r.Converged);
        Assert.Throws<ArgumentOutOfRangeException>(() => NelderMead.Minimize(x => 0, [1, 2, 3], new NelderMeadOptions(MaxEvaluations: 4)));
    }

    [Theory]
    [InlineData("h2", 2, 2)]
    [InlineData("lih", 2, 2)]
    public void Reaches_the_casci_energy_on_shot_noise(string name, int ne, int no)
    {
        var r = ReferenceData.Get(name, ne, no);
        var h = MolecularHamiltonian.Build(r.Load(), "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, ne);
        const long shots = 20_000;
        var backend = new ShotBackend(shots, seed: 11);
        var res = NelderMead.Minimize(x => backend.Expectation(ansatz.Circuit, x, h.Operator), new double[ansatz.Circuit.ParameterCount],
            new NelderMeadOptions(MaxEvaluations: 150));
        double e = ExactEnergy(ansatz.Circuit, res.Parameters, h);
        output.WriteLine($"{r}: Nelder–Mead exact energy at its parameters {e:F6}, CASCI {r.Casci:F6}, Δ = {(e - r.Casci) * 1e3:F3} mHa; " +
                         $"{res.Evaluations} evaluations = {backend.ShotsSpent} shots, converged {res.Converged}");
        Assert.Equal(res.Evaluations * shots, backend.ShotsSpent);
        Assert.True(e - r.Casci < 2e-3, $"{e} vs CASCI {r.Casci}");
        Assert.True(e < r.Hf - 0.5 * (r.Hf - r.Casci), "Nelder–Mead must recover most of the correlation energy");
    }

    internal static double ExactEnergy(Circuit c, double[] x, QubitHamiltonian h)
    {
        var psi = new StateVector(h.QubitCount);
        CircuitSimulator.Run(c, x, psi);
        return psi.Expectation(h.Operator);
    }
}

public class NoisyOptimizerTests(ITestOutputHelper output)
{
    [Fact]
    public void A_falling_trace_is_not_converged_and_a_flat_noisy_one_is()
    {
        var rng = new Random(3);
        var falling = Enumerable.Range(0, 100).Select(i => -0.01 * i + 0.01 * (rng.NextDouble() - 0.5)).ToArray();
        var flat = Enumerable.Range(0, 100).Select(_ => -1 + 0.01 * (rng.NextDouble() - 0.5)).ToArray();
        Assert.True(Spsa.IsStillDescending(falling));
        Assert.False(Spsa.IsStillDescending(flat));
        Assert.True(Spsa.IsStillDescending([1, 0.5]), "too short to judge counts as not converged");
    }

    [Fact]
    public void Auto_falls_back_to_nelder_mead_when_spsa_runs_out_of_budget()
    {
        // A noisy energy on the noisy simulator; SPSA with a tiny first step cannot get down the slope in its share.
        var r = ReferenceData.Get("h2", 2, 2);
        var h = MolecularHamiltonian.Build(r.Load(), "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, 2);
        var model = new NoiseModel(1e-4, 1e-3, 0.02, 0.02);
        var x0 = new double[ansatz.Circuit.ParameterCount];
        x0[^1] = 0.6; // far from the optimum (about −0.05)
        double Run(NoisyOptimizerMethod method, out NoisyOptimizerResult res)
        {
            var backend = new NoisyBackend(model, 4000, seed: 2);
            res = NoisyOptimizer.Minimize(x => backend.Expectation(ansatz.Circuit, x, h.Operator), x0,
                new NoisyOptimizerOptions(method, MaxEvaluations: 300, Seed: 4, InitialStep: 0.005));
            return NelderMeadTests.ExactEnergy(ansatz.Circuit, res.Parameters, h);
        }
        double eSpsa = Run(NoisyOptimizerMethod.Spsa, out var spsa);
        double eAuto = Run(NoisyOptimizerMethod.Auto, out var auto);
        output.WriteLine($"start {NelderMeadTests.ExactEnergy(ansatz.Circuit, x0, h):F6}; SPSA only: {eSpsa:F6} ({spsa.Methods}, converged {spsa.Converged}); " +
                         $"auto: {eAuto:F6} ({auto.Methods}, {auto.Evaluations} evaluations); CASCI {r.Casci:F6}");
        Assert.False(spsa.Converged);
        Assert.Equal("spsa+nelder-mead", auto.Methods);
        Assert.True(auto.Evaluations <= 300);
        Assert.True(eAuto < eSpsa - 1e-3, "the fallback must get measurably further than SPSA alone");
        Assert.True(eAuto - r.Casci < 5e-3, $"{eAuto} vs CASCI {r.Casci}");
    }
}

public class ConvergenceTraceTests
{
    [Fact]
    public void Lbfgs_vqe_records_the_energy_per_iteration()
    {
        var r = ReferenceData.Get("lih", 4, 4);
        var ints = r.Load();
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, 4);
        var res = Vqe.Minimize(new StateVectorBackend(), ansatz.Circuit, h.Operator);
        Assert.Equal(res.Iterations + 1, res.Trace.Count);
        Assert.Equal(r.Hf, res.Trace[0], 8); // zero amplitudes: the Hartree–Fock energy
        Assert.Equal(res.Energy, res.Trace[^1]);
        for (int i = 1; i < res.Trace.Count; i++) Assert.True(res.Trace[i] <= res.Trace[i - 1] + 1e-12, "L-BFGS with a Wolfe line search only descends");
    }

    [Fact]
    public void Spsa_and_adapt_record_traces()
    {
        var r = ReferenceData.Get("h2", 2, 2);
        var ints = r.Load();
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, 2);
        var spsa = Spsa.Minimize(new ShotBackend(1000, 1), ansatz.Circuit, h.Operator, null, new SpsaOptions(MaxEvaluations: 50, Seed: 1));
        Assert.Equal(spsa.Iterations, spsa.Trace.Count);
        Assert.All(spsa.Trace, e => Assert.InRange(e, r.Casci - 0.2, r.Hf + 0.2));
        var pool = Excitation.SinglesAndDoubles(2, 1);
        var adapt = AdaptVqe.Run(new StateVectorBackend(), UccsdAnsatz.HartreeFock(h.Mapping, 1, 1), h.Mapping, pool, h.Operator);
        Assert.Equal(r.Hf, adapt.Trace[0], 8);
        Assert.Equal(adapt.Energy, adapt.Trace[^1]);
        Assert.Equal(adapt.Iterations + 1, adapt.Trace.Count);
    }
}
