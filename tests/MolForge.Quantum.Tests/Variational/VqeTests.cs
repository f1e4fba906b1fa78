using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Exact;
using MolForge.Quantum.Mappings;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Tests.TestSupport;
using MolForge.Quantum.Variational;
using Xunit.Abstractions;

namespace MolForge.Quantum.Tests.Variational;

public class VqeTests(ITestOutputHelper output)
{
    private const double ChemicalAccuracy = 1e-3;

    public static TheoryData<string, int, int> Cases() => ReferenceData.AllCases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Uccsd_vqe_reaches_casci_within_1_mHa(string name, int ne, int no)
    {
        var r = ReferenceData.Get(name, ne, no);
        var ints = r.Load();
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, ne);
        var x0 = UccsdAnsatz.InitialAmplitudes(ansatz.Excitations, ints, ints.OrbitalEnergies);
        var result = Vqe.Minimize(new StateVectorBackend(), ansatz.Circuit, h.Operator, x0);
        output.WriteLine($"{r}: E_vqe = {result.Energy:F10}, CASCI = {r.Casci:F10}, Δ = {(result.Energy - r.Casci) * 1e3:F4} mHa, " +
                         $"{ansatz.Circuit.ParameterCount} params, {ansatz.Circuit.Gates.Count} gates, {result.Iterations} it, {result.Seconds:F2} s");
        Assert.True(result.Energy - r.Casci < ChemicalAccuracy, $"{r}: {result.Energy} vs CASCI {r.Casci}");
        Assert.True(result.Energy >= r.Casci - 1e-8, "VQE is variational: it cannot go below the exact energy");
    }

    /// <summary>ADAPT on every (2,2) and (4,4) space and one (6,6) space (ethylene); the other (6,6) spaces grow to
    /// 30+ operators and are run by the benchmark instead, to keep this project fast on CI.</summary>
    public static TheoryData<string, int, int> AdaptCases()
    {
        var d = new TheoryData<string, int, int>();
        foreach (var r in ReferenceData.All.Where(r => r.Orbitals < 6 || r.Name == "ethylene")) d.Add(r.Name, r.Electrons, r.Orbitals);
        return d;
    }

    [Theory]
    [MemberData(nameof(AdaptCases))]
    public void Adapt_vqe_reaches_casci_within_1_mHa(string name, int ne, int no)
    {
        var r = ReferenceData.Get(name, ne, no);
        var ints = r.Load();
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        var pool = Excitation.SinglesAndDoubles(no, ne / 2);
        var reference = UccsdAnsatz.HartreeFock(h.Mapping, ne / 2, ne / 2);
        var result = AdaptVqe.Run(new StateVectorBackend(), reference, h.Mapping, pool, h.Operator);
        output.WriteLine($"{r}: E_adapt = {result.Energy:F10}, Δ = {(result.Energy - r.Casci) * 1e3:F4} mHa, {result.Selected.Count} operators of {pool.Count}, {result.Seconds:F2} s");
        Assert.True(result.Energy - r.Casci < ChemicalAccuracy, $"{r}: {result.Energy} vs CASCI {r.Casci}");
        Assert.True(result.Energy >= r.Casci - 1e-8);
    }

    [Theory]
    [InlineData("lih", 4, 4)]
    [InlineData("h2o", 4, 4)]
    public void The_same_vqe_energy_under_all_mappings(string name, int ne, int no)
    {
        var r = ReferenceData.Get(name, ne, no);
        var ints = r.Load();
        var energies = new List<double>();
        foreach (var map in new[] { "jordan-wigner", "parity", "bravyi-kitaev", "parity-reduced" })
        {
            var h = MolecularHamiltonian.Build(ints, map);
            var ansatz = UccsdAnsatz.Build(h.Mapping, ne);
            var res = Vqe.Minimize(new StateVectorBackend(), ansatz.Circuit, h.Operator);
            output.WriteLine($"{map}: {res.Energy:F10} ({h.QubitCount} qubits, {h.PauliTermCount} terms)");
            energies.Add(res.Energy);
            Assert.True(res.Energy - r.Casci < ChemicalAccuracy);
        }
        // the ansatz is the same unitary in every encoding (mappings are algebra isomorphisms), so the minima agree
        Assert.True(energies.Max() - energies.Min() < 1e-6, string.Join(", ", energies));
    }

    [Fact]
    public void Adjoint_gradient_equals_central_finite_differences()
    {
        var ints = ReferenceData.Get("lih", 4, 4).Load();
        var rng = new Random(11);
        foreach (var map in new[] { "jordan-wigner", "bravyi-kitaev" })
        {
            var h = MolecularHamiltonian.Build(ints, map);
            var circuits = new[]
            {
                UccsdAnsatz.Build(h.Mapping, 4).Circuit,
                HardwareEfficientAnsatz.Build(h.QubitCount, 2, h.HartreeFockState),
            };
            foreach (var c in circuits)
            {
                var x = Enumerable.Range(0, c.ParameterCount).Select(_ => rng.NextDouble() - 0.5).ToArray();
                var backend = new StateVectorBackend();
                var g = new double[c.ParameterCount];
                backend.ExpectationAndGradient(c, x, h.Operator, g);
                for (int k = 0; k < c.ParameterCount; k++)
                {
                    const double step = 1e-5;
                    var xp = (double[])x.Clone(); xp[k] += step;
                    var xm = (double[])x.Clone(); xm[k] -= step;
                    double fd = (backend.Expectation(c, xp, h.Operator) - backend.Expectation(c, xm, h.Operator)) / (2 * step);
                    Assert.True(Math.Abs(fd - g[k]) < 1e-7, $"{map} parameter {k}: adjoint {g[k]}, finite difference {fd}");
                }
            }
        }
    }

    [Fact]
    public void Mp2_starting_amplitudes_lower_the_energy_below_hartree_fock()
    {
        var r = ReferenceData.Get("n2", 6, 6);
        var ints = r.Load();
        var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, 6);
        var x0 = UccsdAnsatz.InitialAmplitudes(ansatz.Excitations, ints, ints.OrbitalEnergies);
        Assert.Contains(x0, v => v != 0);
        var backend = new StateVectorBackend();
        double eHf = backend.Expectation(ansatz.Circuit, new double[x0.Length], h.Operator);
        double eMp2 = backend.Expectation(ansatz.Circuit, x0, h.Operator);
        Assert.Equal(r.Hf, eHf, 8);
        Assert.True(eMp2 < eHf, $"MP2 start {eMp2} should be below HF {eHf}");
        // orbital energies from the file equal the Fock diagonal of the integrals (canonical RHF orbitals)
        var f = ints.FockDiagonal();
        for (int i = 0; i < f.Length; i++) Assert.Equal(ints.OrbitalEnergies![i], f[i], 6);
    }

    [Fact]
    public void Hardware_efficient_ansatz_solves_h2()
    {
        var r = ReferenceData.Get("h2", 2, 2);
        var h = MolecularHamiltonian.Build(r.Load(), "parity-reduced");
        var c = HardwareEfficientAnsatz.Build(h.QubitCount, 2, h.HartreeFockState);
        var x0 = Enumerable.Range(0, c.ParameterCount).Select(i => 0.01 * ((i % 3) - 1)).ToArray();
        var res = Vqe.Minimize(new StateVectorBackend(), c, h.Operator, x0);
        Assert.True(res.Energy - r.Casci < ChemicalAccuracy, $"{res.Energy} vs {r.Casci}");
    }

    [Fact]
    public void Nan_parameters_and_foreign_operators_are_refused()
    {
        var h = MolecularHamiltonian.Build(ReferenceData.Get("h2", 2, 2).Load(), "jordan-wigner");
        var ansatz = UccsdAnsatz.Build(h.Mapping, 2).Circuit;
        var x = new double[ansatz.ParameterCount];
        x[1] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Vqe.Minimize(new StateVectorBackend(), ansatz, h.Operator, x));
        Assert.Contains("Parameter 1 is NaN", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new StateVectorBackend().Expectation(ansatz, x, h.Operator));
        var big = MolecularHamiltonian.Build(ReferenceData.Get("lih", 4, 4).Load(), "jordan-wigner").Operator;
        var e2 = Assert.Throws<ArgumentException>(() => Vqe.Minimize(new StateVectorBackend(), ansatz, big, new double[ansatz.ParameterCount]));
        Assert.Contains("outside the 4-qubit register", e2.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Circuit(3).X(3));
        Assert.Throws<ElectronCountException>(() => UccsdAnsatz.Build(new JordanWignerMapping(4), 3));
    }

    [Fact]
    public void Gate_fusion_keeps_the_unitary_and_cuts_gates()
    {
        var rng = new Random(21);
        var c = new Circuit(5);
        for (int i = 0; i < 60; i++)
        {
            int a = rng.Next(5), b = (a + 1 + rng.Next(4)) % 5;
            switch (rng.Next(3))
            {
                case 0: c.Add(new SingleQubitGate(a, Matrix2.RandomUnitary(rng), "u")); break;
                case 1: c.Add(new ControlledGate(a, b, Matrix2.RandomUnitary(rng), "cu")); break;
                default: c.Add(new TwoQubitGate(a, b, Matrix4.RandomUnitary(rng), "u2")); break;
            }
        }
        var fused = GateFusion.Fuse(c);
        Assert.True(fused.Gates.Count < c.Gates.Count);
        var s1 = new StateVector(5);
        s1.Randomize(new Random(3));
        var s2 = new StateVector(5);
        s2.CopyFrom(s1);
        foreach (var g in c.Gates) CircuitSimulator.Apply(g, [], s1, false);
        foreach (var g in fused.Gates) CircuitSimulator.Apply(g, [], s2, false);
        Dense.AssertClose(s1.Amplitudes, s2.Amplitudes, 1e-11);
    }
}
