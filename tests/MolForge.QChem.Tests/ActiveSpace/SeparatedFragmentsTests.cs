using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.Scf;

namespace MolForge.QChem.Tests.ActiveSpace;

/// <summary>The case MP2 natural orbitals are for: ethylene and formaldehyde 6 Å apart. The canonical HOMO (ethylene π)
/// and LUMO (formaldehyde π*) sit on different fragments, so a canonical (2,2) space holds no correlation at all; the
/// natural-orbital (2,2) space picks the most strongly correlated pair (formaldehyde's, natural occupations 1.94 /
/// 0.06) and recovers what the same space recovers for formaldehyde alone.</summary>
public class SeparatedFragmentsTests
{
    private static Molecule3D Pair(double shift)
    {
        var a = ReferenceData.Molecule("ethylene", 0);
        var b = ReferenceData.Molecule("formaldehyde", 0);
        var z = a.AtomicNumbers.Concat(b.AtomicNumbers).ToArray();
        var xyz = new double[3 * z.Length];
        const double bohr = 0.529177210903; // Molecule3D keeps bohr; FromAngstrom takes Å
        for (var i = 0; i < a.AtomCount; i++)
            for (var k = 0; k < 3; k++) xyz[3 * i + k] = a.Coordinates[3 * i + k] * bohr;
        for (var i = 0; i < b.AtomCount; i++)
            for (var k = 0; k < 3; k++) xyz[3 * (a.AtomCount + i) + k] = b.Coordinates[3 * i + k] * bohr + (k == 0 ? shift : 0);
        return Molecule3D.FromAngstrom(z, xyz, 0);
    }

    [Fact]
    public void Natural_orbitals_find_the_correlated_pair_the_canonical_frontier_orbitals_miss()
    {
        var scf = RhfSolver.Run(Pair(6.0), "sto-3g");
        var canonical = CasciSolver.Solve(ActiveSpaceBuilder.Build(scf, 2, 2)).Energy - scf.Energy;
        var natural = CasciSolver.Solve(ActiveSpaceBuilder.Build(scf, 2, 2, ActiveOrbitals.Mp2Natural)).Energy - scf.Energy;
        Assert.InRange(canonical, -1e-6, 1e-9);

        var alone = RhfSolver.Run(ReferenceData.Molecule("formaldehyde", 0), "sto-3g");
        var aloneNatural = CasciSolver.Solve(ActiveSpaceBuilder.Build(alone, 2, 2, ActiveOrbitals.Mp2Natural)).Energy - alone.Energy;
        Assert.True(aloneNatural < -0.05);
        Assert.Equal(aloneNatural, natural, 1e-4);
    }
}
