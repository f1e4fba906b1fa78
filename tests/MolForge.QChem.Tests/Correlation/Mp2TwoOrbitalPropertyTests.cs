using FsCheck;
using FsCheck.Fluent;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Correlation;
using MolForge.QChem.Scf;

namespace MolForge.QChem.Tests.Correlation;

/// <summary>Two electrons in two orbitals (H2 and HeH+ in STO-3G at random bond lengths): MP2 has a closed form,
/// E(2) = K² / (2(ε_1 − ε_2)) with K = (12|12), t = K / (2(ε_1 − ε_2)) and natural occupations 2 − 2t², 2t²,
/// with K taken from the active-space transformation (a different code path from the MP2 transform).</summary>
public class Mp2TwoOrbitalPropertyTests
{
    [Fact]
    public void Two_orbital_mp2_matches_the_closed_form_at_random_geometries()
    {
        Prop.ForAll(Gen.Choose(40, 300).ToArbitrary(), Gen.Elements(1, 2).ToArbitrary(), (centiAngstrom, z) =>
        {
            var r = centiAngstrom / 100.0;
            var mol = Molecule3D.FromAngstrom([z, 1], [0.1, -0.2, 0.3, 0.1, -0.2, 0.3 + r], z == 2 ? 1 : 0);
            var scf = RhfSolver.Run(mol, "sto-3g", new ScfOptions { EnergyTolerance = 1e-12, DensityTolerance = 1e-11, Guess = ScfGuess.Core });
            var ints = ActiveSpaceBuilder.Build(scf, 2, 2);
            var k = ints.Eri(0, 1, 0, 1);
            var de = 2 * (scf.OrbitalEnergies[0] - scf.OrbitalEnergies[1]);
            var t = k / de;
            var mp2 = Mp2Solver.Run(scf);
            var ok = Math.Abs(mp2.CorrelationEnergy - k * k / de) < 1e-11
                && Math.Abs(mp2.NaturalOccupations![0] - Math.Max(2 - 2 * t * t, 2 * t * t)) < 1e-11
                && Math.Abs(mp2.NaturalOccupations[1] - Math.Min(2 - 2 * t * t, 2 * t * t)) < 1e-11
                && mp2.SameSpinEnergy == 0;
            return ok;
        }).QuickCheckThrowOnFailure();
    }
}
