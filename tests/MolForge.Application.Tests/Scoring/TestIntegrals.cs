using MolForge.QChem;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.Scf;

namespace MolForge.Application.Tests.Scoring;

/// <summary>Active-space integrals of small molecules from our own RHF, with their CASCI energy.</summary>
internal sealed record TestIntegrals(ActiveSpaceIntegrals Integrals, double[] OrbitalEnergies, double Exact)
{
    /// <summary>H2 at 0.74 Å, STO-3G, (2,2).</summary>
    public static TestIntegrals H2() => Build([1, 1], [0, 0, 0, 0, 0, 0.74], 2, 2);

    /// <summary>LiH at 1.6 Å, STO-3G, active space (ne, no).</summary>
    public static TestIntegrals LiH(int ne = 2, int no = 2) => Build([3, 1], [0, 0, 0, 0, 0, 1.6], ne, no);

    private static TestIntegrals Build(int[] z, double[] xyz, int ne, int no)
    {
        var scf = RhfSolver.Run(Molecule3D.FromAngstrom(z, xyz, 0), "sto-3g");
        var ints = ActiveSpaceBuilder.Build(scf, ne, no);
        var energies = scf.OrbitalEnergies.AsSpan(ints.FirstActiveOrbital, ints.OrbitalCount).ToArray();
        return new TestIntegrals(ints, energies, CasciSolver.Solve(ints).Energy);
    }
}
