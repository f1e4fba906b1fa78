using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Exact;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Tests.TestSupport;

namespace MolForge.Quantum.Tests.Chemistry;

public class MolecularHamiltonianTests
{
    public static TheoryData<string, int, int> Cases() => ReferenceData.AllCases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lowest_eigenvalue_in_the_electron_sector_equals_psi4_casci(string name, int ne, int no)
    {
        var r = ReferenceData.Get(name, ne, no);
        var ints = r.Load();
        foreach (var map in new[] { "jordan-wigner", "bravyi-kitaev" })
        {
            var h = MolecularHamiltonian.Build(ints, map);
            double e = SectorSolver.LowestEigenvalue(h.Operator, h.Mapping, ne / 2, ne / 2);
            Assert.True(Math.Abs(e - r.Casci) < 1e-8, $"{r} {map}: {e:F12} vs Psi4 CASCI {r.Casci:F12}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hartree_fock_determinant_energy_equals_psi4_rhf(string name, int ne, int no)
    {
        var r = ReferenceData.Get(name, ne, no);
        var ints = r.Load();
        Assert.Equal(r.Hf, ints.HartreeFockEnergy(), 8);
        foreach (var map in new[] { "jordan-wigner", "parity", "bravyi-kitaev", "parity-reduced" })
        {
            var h = MolecularHamiltonian.Build(ints, map);
            var psi = new StateVector(h.QubitCount);
            psi.SetBasisState(h.HartreeFockState);
            Assert.Equal(r.Hf, psi.Expectation(h.Operator), 8);
        }
    }

    [Fact]
    public void Term_counts_are_reported_and_identical_for_jw_and_bk_orders()
    {
        var ints = ReferenceData.Get("h2", 2, 2).Load();
        var jw = MolecularHamiltonian.Build(ints, "jordan-wigner");
        Assert.Equal(15, jw.PauliTermCount); // the well-known 15-term H2/STO-3G Hamiltonian (incl. identity)
        Assert.Equal(4, jw.QubitCount);
        Assert.True(jw.FermionTermCount > 0);
        var red = MolecularHamiltonian.Build(ints, "parity-reduced");
        Assert.Equal(2, red.QubitCount);
        Assert.Equal(5, red.PauliTermCount); // I, Z0, Z1, Z0Z1, X0X1
    }

    [Fact]
    public void Integral_checks_name_the_bad_input()
    {
        var h = new double[4];
        var g = new double[16];
        g[1] = 0.3; // (00|01) without its partners
        var e = Assert.Throws<ArgumentException>(() => new ActiveSpaceIntegrals(2, 2, 0, h, g));
        Assert.Contains("8-fold", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ActiveSpaceIntegrals(2, 2, 0, new double[3], new double[16]));
        Assert.Throws<ArgumentException>(() => new ActiveSpaceIntegrals(2, 2, double.NaN, h, new double[16]));
    }
}
