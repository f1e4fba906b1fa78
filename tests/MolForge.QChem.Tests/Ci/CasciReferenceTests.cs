using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.Scf;

namespace MolForge.QChem.Tests.Ci;

/// <summary>CASCI(2,2), (4,4), (6,6) against Psi4's detci (restricted_docc / active) on the RHF orbitals.</summary>
public class CasciReferenceTests
{
    /// <summary>Cases whose active window is not cut through a degenerate pair of orbitals (there the choice of
    /// orbitals, and so the energy, is arbitrary).</summary>
    public static TheoryData<string, string, int, int> Cases()
    {
        var data = new TheoryData<string, string, int, int>();
        foreach (var e in ReferenceData.Entries.Where(e => e.NBasis <= 90))
            foreach (var c in e.Casci)
            {
                var nocc = e.NElectrons / 2;
                var eps = e.OrbitalEnergies;
                int first = nocc - c.Ne / 2, last = first + c.No - 1;
                var cutLow = first > 0 && eps[first] - eps[first - 1] < 1e-4;
                var cutHigh = last + 1 < eps.Length && eps[last + 1] - eps[last] < 1e-4;
                if (!cutLow && !cutHigh) data.Add(e.Name, e.Basis, c.Ne, c.No);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Casci_energies_match_psi4_detci(string name, string basis, int ne, int no)
    {
        var reference = ReferenceData.Get(name, basis);
        var expected = reference.Casci.Single(c => c.Ne == ne && c.No == no).Energy;
        var scf = Scf(name, basis, reference.Charge);
        var ints = ActiveSpaceBuilder.Build(scf, ne, no);
        Assert.Equal(scf.Energy, ints.ClosedShellEnergy(), 1e-8);
        var ci = CasciSolver.Solve(ints);
        Assert.True(ci.Converged);
        Assert.Equal(expected, ci.Energy, 1e-6);
    }

    private static readonly Dictionary<string, ScfResult> Cache = [];

    private static ScfResult Scf(string name, string basis, int charge)
    {
        lock (Cache)
        {
            var key = name + "/" + basis;
            if (!Cache.TryGetValue(key, out var r)) Cache[key] = r = RhfSolver.Run(ReferenceData.Molecule(name, charge), basis);
            return r;
        }
    }

    [Fact]
    public void Full_ci_of_h2_in_minimal_basis_matches_the_two_by_two_problem()
    {
        // H2 / STO-3G: FCI = lowest eigenvalue of [[E_HF, K], [K, E_doubly-excited]] in the 1Σg+ space
        var mol = Molecule3D.FromAngstrom([1, 1], [0, 0, 0, 0, 0, 0.74], 0);
        var scf = RhfSolver.Run(mol, "sto-3g");
        var ints = ActiveSpaceBuilder.Build(scf, 2, 2);
        double h11 = ints.H(0, 0), h22 = ints.H(1, 1);
        double e1 = 2 * h11 + ints.Eri(0, 0, 0, 0), e2 = 2 * h22 + ints.Eri(1, 1, 1, 1), k = ints.Eri(0, 1, 0, 1);
        var lowest = 0.5 * (e1 + e2) - Math.Sqrt(0.25 * (e1 - e2) * (e1 - e2) + k * k);
        var ci = CasciSolver.Solve(ints);
        Assert.Equal(lowest + ints.CoreEnergy, ci.Energy, 1e-10);
        Assert.Equal(4, ci.Determinants);
        Assert.True(ci.Energy < scf.Energy);
    }

    [Theory]
    [InlineData(3, 2, "even")]
    [InlineData(6, 2, "do not fit")]
    [InlineData(0, 2, "positive")]
    [InlineData(12, 8, "only 10 electrons")]
    [InlineData(2, 20, "virtual orbitals")]
    public void Active_spaces_that_do_not_fit_are_refused(int ne, int no, string message)
    {
        var scf = RhfSolver.Run(ReferenceData.Molecule("water", 0), "sto-3g");
        var ex = Assert.Throws<QChemInputException>(() => ActiveSpaceBuilder.Build(scf, ne, no));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Active_space_integrals_have_eightfold_symmetry()
    {
        var scf = RhfSolver.Run(ReferenceData.Molecule("formaldehyde", 0), "sto-3g");
        var a = ActiveSpaceBuilder.Build(scf, 4, 4);
        for (var p = 0; p < 4; p++)
            for (var q = 0; q < 4; q++)
            {
                Assert.Equal(a.H(p, q), a.H(q, p), 1e-12);
                for (var r = 0; r < 4; r++)
                    for (var s = 0; s < 4; s++)
                    {
                        var v = a.Eri(p, q, r, s);
                        Assert.Equal(v, a.Eri(q, p, r, s), 1e-12);
                        Assert.Equal(v, a.Eri(r, s, p, q), 1e-12);
                        Assert.Equal(v, a.Eri(p, q, s, r), 1e-12);
                    }
            }
        Assert.Equal(2, a.FirstActiveOrbital + 2 - a.FirstActiveOrbital);
        Assert.Equal(scf.OccupiedCount - 2, a.FirstActiveOrbital);
    }
}
