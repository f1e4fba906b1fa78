using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.LinearAlgebra;
using MolForge.QChem.Scf;

namespace MolForge.QChem.Tests.ActiveSpace;

/// <summary>The two active-space transformations (PK supermatrix read-back, direct shell-quartet half-transform)
/// against the earlier Coulomb-build transformation, and against Psi4's detci when the SCF is direct.</summary>
public class ActiveTransformTests
{
    /// <summary>The previous implementation: (pq|rs) = c_pᵀ J(D^(rs)) c_q with Coulomb builds over the pair
    /// densities D^(rs) = ½(c_r c_sᵀ + c_s c_rᵀ), integrals recomputed by FockBuilder.BuildCoulomb.</summary>
    private static double[] CoulombBuildReference(ScfResult scf, int electrons, int n)
    {
        var nbf = scf.BasisFunctionCount;
        var ncore = scf.OccupiedCount - electrons / 2;
        var cAct = new Matrix(nbf, n);
        for (var i = 0; i < nbf; i++)
            for (var p = 0; p < n; p++) cAct[i, p] = scf.Coefficients[i, ncore + p];
        var pairs = new List<(int R, int S)>();
        for (var r = 0; r < n; r++)
            for (var s = 0; s <= r; s++) pairs.Add((r, s));
        var densities = pairs.Select(rs =>
        {
            var d = new Matrix(nbf, nbf);
            for (var i = 0; i < nbf; i++)
                for (var j = 0; j < nbf; j++) d[i, j] = 0.5 * (cAct[i, rs.R] * cAct[j, rs.S] + cAct[i, rs.S] * cAct[j, rs.R]);
            return d;
        }).ToArray();
        var coulomb = scf.FockBuilder!.BuildCoulomb(densities);
        var eri = new double[n * n * n * n];
        for (var k = 0; k < pairs.Count; k++)
        {
            var (r, s) = pairs[k];
            var pq = Matrix.Transform(cAct, coulomb[k]);
            for (var p = 0; p < n; p++)
                for (var q = 0; q < n; q++)
                {
                    eri[((p * n + q) * n + r) * n + s] = pq[p, q];
                    eri[((p * n + q) * n + s) * n + r] = pq[p, q];
                }
        }
        return eri;
    }

    [Theory]
    [InlineData("formaldehyde", "sto-3g", 4, 4)]
    [InlineData("acetone", "sto-3g", 2, 2)]
    [InlineData("water", "6-31g*", 4, 4)]
    [InlineData("urea", "6-31g", 6, 6)]
    [InlineData("ethylene", "6-31g*", 4, 6)]
    public void Both_transformations_agree_with_the_coulomb_build_transformation(string name, string basis, int ne, int no)
    {
        var scf = RhfSolver.Run(ReferenceData.Molecule(name, 0), basis);
        Assert.True(scf.FockBuilder!.UsesSupermatrix);
        var reference = CoulombBuildReference(scf, ne, no);
        var pk = ActiveSpaceBuilder.Build(scf, ne, no, ActiveTransformPath.Supermatrix);
        var direct = ActiveSpaceBuilder.Build(scf, ne, no, ActiveTransformPath.Direct);
        Assert.Equal(reference.Length, pk.TwoElectron.Length);
        double worstPk = 0, worstDirect = 0;
        for (var i = 0; i < reference.Length; i++)
        {
            worstPk = Math.Max(worstPk, Math.Abs(reference[i] - pk.TwoElectron[i]));
            worstDirect = Math.Max(worstDirect, Math.Abs(reference[i] - direct.TwoElectron[i]));
        }
        Assert.True(worstPk < 1e-10, $"supermatrix path differs by {worstPk:E2}");
        Assert.True(worstDirect < 1e-10, $"direct path differs by {worstDirect:E2}");
        Assert.Equal(pk.CoreEnergy, direct.CoreEnergy, 1e-12);
        Assert.Equal(pk.OneElectron, direct.OneElectron);
        Assert.True(reference.Max(Math.Abs) > 0.01); // non-trivial integrals
        Assert.Equal(scf.Energy, direct.ClosedShellEnergy(), 1e-8);
    }

    [Theory]
    [InlineData("formic_acid", "6-31g", 6, 6)]
    [InlineData("pyridine", "sto-3g", 4, 4)]
    public void A_direct_scf_uses_the_direct_transformation_and_matches_psi4_detci(string name, string basis, int ne, int no)
    {
        var reference = ReferenceData.Get(name, basis);
        var scf = RhfSolver.Run(ReferenceData.Molecule(name, reference.Charge), basis, new ScfOptions { MaxStoredIntegralBytes = 0 });
        Assert.False(scf.FockBuilder!.UsesSupermatrix);
        var ints = ActiveSpaceBuilder.Build(scf, ne, no);
        Assert.Equal(scf.Energy, ints.ClosedShellEnergy(), 1e-8);
        var ci = CasciSolver.Solve(ints);
        Assert.Equal(reference.Casci.Single(c => c.Ne == ne && c.No == no).Energy, ci.Energy, 1e-6);
    }

    [Fact]
    public void Stored_integrals_without_a_supermatrix_are_read_by_coulomb_builds()
    {
        var molecule = ReferenceData.Molecule("formaldehyde", 0);
        var withPk = RhfSolver.Run(molecule, "sto-3g");
        var f = withPk.FockBuilder!;
        // room for the integrals but not for the supermatrix
        var budget = f.IntegralCount * 8 + (long)f.SignificantPairs * f.SignificantPairs * 2;
        var scf = RhfSolver.Run(molecule, "sto-3g", new ScfOptions { MaxStoredIntegralBytes = budget });
        Assert.True(scf.FockBuilder!.Stored);
        Assert.False(scf.FockBuilder.UsesSupermatrix);
        var auto = ActiveSpaceBuilder.Build(scf, 4, 4);
        var direct = ActiveSpaceBuilder.Build(scf, 4, 4, ActiveTransformPath.Direct);
        var pk = ActiveSpaceBuilder.Build(withPk, 4, 4);
        for (var i = 0; i < auto.TwoElectron.Length; i++)
        {
            Assert.Equal(direct.TwoElectron[i], auto.TwoElectron[i], 1e-10);
            Assert.Equal(pk.TwoElectron[i], auto.TwoElectron[i], 1e-9); // two SCF runs: orbitals agree to the SCF tolerance
        }
        Assert.Equal(CasciSolver.Solve(pk).Energy, CasciSolver.Solve(auto).Energy, 1e-8);
    }

    [Fact]
    public void Asking_for_the_supermatrix_path_without_a_supermatrix_is_refused()
    {
        var scf = RhfSolver.Run(ReferenceData.Molecule("water", 0), "sto-3g", new ScfOptions { MaxStoredIntegralBytes = 0 });
        Assert.Throws<InvalidOperationException>(() => ActiveSpaceBuilder.Build(scf, 2, 2, ActiveTransformPath.Supermatrix));
    }
}
