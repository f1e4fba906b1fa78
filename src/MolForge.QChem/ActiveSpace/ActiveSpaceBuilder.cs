using MolForge.QChem.LinearAlgebra;
using MolForge.QChem.Scf;

namespace MolForge.QChem.ActiveSpace;

/// <summary>Chooses an active space around the HOMO/LUMO of an RHF result (NE/2 highest occupied and NO−NE/2 lowest
/// virtual orbitals), freezes the remaining occupied orbitals as core and transforms the integrals:
/// E_core = E_nuc + ½ Tr D_c (h + F_c), h_eff = Cᵀ_act F_c C_act with F_c = h + G(D_c), and (pq|rs) by
/// Coulomb builds over pair densities D^(rs) = ½(c_r c_sᵀ + c_s c_rᵀ): (pq|rs) = c_pᵀ J(D^(rs)) c_q.</summary>
public static class ActiveSpaceBuilder
{
    /// <summary>Checks NE, NO against the RHF occupation; throws with a message naming the numbers.</summary>
    /// <exception cref="QChemInputException">The active space does not fit.</exception>
    public static void Validate(int electrons, int orbitals, int occupied, int orbitalCount)
    {
        if (electrons <= 0 || orbitals <= 0)
            throw new QChemInputException($"active space ({electrons},{orbitals}): electrons and orbitals must be positive");
        if (electrons % 2 != 0)
            throw new QChemInputException($"active space ({electrons},{orbitals}): the number of active electrons must be even for a closed-shell reference");
        if (electrons > 2 * orbitals)
            throw new QChemInputException($"active space ({electrons},{orbitals}): {electrons} electrons do not fit in {orbitals} orbitals");
        if (electrons / 2 > occupied)
            throw new QChemInputException($"active space ({electrons},{orbitals}): the molecule has only {2 * occupied} electrons");
        if (orbitals - electrons / 2 > orbitalCount - occupied)
            throw new QChemInputException(
                $"active space ({electrons},{orbitals}): needs {orbitals - electrons / 2} virtual orbitals but the basis has {orbitalCount - occupied}");
    }

    /// <summary>Builds the active-space integrals for (<paramref name="electrons"/>, <paramref name="orbitals"/>).</summary>
    public static ActiveSpaceIntegrals Build(ScfResult scf, int electrons, int orbitals)
    {
        ArgumentNullException.ThrowIfNull(scf);
        var nmo = scf.OrbitalEnergies.Length;
        Validate(electrons, orbitals, scf.OccupiedCount, nmo);
        var nbf = scf.BasisFunctionCount;
        var ncore = scf.OccupiedCount - electrons / 2;
        var c = scf.Coefficients;
        var fock = scf.FockBuilder ?? throw new InvalidOperationException("the SCF result carries no integral engine");

        var dCore = RhfSolver.DensityFrom(c, ncore);
        var h = scf.CoreHamiltonian;
        var fCore = ncore > 0 ? Matrix.AddScaled(h, fock.Build(dCore), 1.0) : h.Clone();
        var eCore = scf.NuclearRepulsion + 0.5 * (Matrix.Dot(dCore, h) + Matrix.Dot(dCore, fCore));

        var cAct = new Matrix(nbf, orbitals);
        for (var i = 0; i < nbf; i++)
            for (var p = 0; p < orbitals; p++) cAct[i, p] = c[i, ncore + p];
        var hEff = Matrix.Transform(cAct, fCore);

        var n = orbitals;
        var pairs = new List<(int R, int S)>();
        for (var r = 0; r < n; r++)
            for (var s = 0; s <= r; s++) pairs.Add((r, s));
        var densities = pairs.Select(rs =>
        {
            var d = new Matrix(nbf, nbf);
            for (var i = 0; i < nbf; i++)
                for (var j = 0; j < nbf; j++)
                    d[i, j] = 0.5 * (cAct[i, rs.R] * cAct[j, rs.S] + cAct[i, rs.S] * cAct[j, rs.R]);
            return d;
        }).ToArray();
        var coulomb = fock.BuildCoulomb(densities);
        var eri = new double[n * n * n * n];
        for (var k = 0; k < pairs.Count; k++)
        {
            var (r, s) = pairs[k];
            var pq = Matrix.Transform(cAct, coulomb[k]);
            for (var p = 0; p < n; p++)
                for (var q = 0; q < n; q++)
                {
                    var v = pq[p, q];
                    eri[((p * n + q) * n + r) * n + s] = v;
                    eri[((p * n + q) * n + s) * n + r] = v;
                }
        }
        return new ActiveSpaceIntegrals(eCore, hEff.Data, eri, n, electrons) { FirstActiveOrbital = ncore };
    }
}
