using MolForge.QChem.Correlation;
using MolForge.QChem.LinearAlgebra;
using MolForge.QChem.Scf;

namespace MolForge.QChem.ActiveSpace;

/// <summary>Which orbitals an active space is built from.</summary>
public enum ActiveOrbitals
{
    /// <summary>The canonical RHF orbitals around the HOMO/LUMO (the default).</summary>
    Canonical,
    /// <summary>MP2 natural orbitals: core and active orbitals in descending MP2 natural occupation.</summary>
    Mp2Natural,
}

/// <summary>How the active-space two-electron integrals are transformed to the MO basis.</summary>
internal enum ActiveTransformPath
{
    /// <summary>The PK supermatrix when the SCF kept it, else Coulomb builds over the stored integrals when it kept
    /// those, otherwise the direct shell-quartet transform.</summary>
    Auto,
    /// <summary>From the SCF's PK supermatrix (no integral is computed again).</summary>
    Supermatrix,
    /// <summary>AO integrals recomputed shell quartet by shell quartet and transformed on the fly.</summary>
    Direct,
    /// <summary>Coulomb matrices of the active pair densities in one pass over the integrals the SCF stored (or
    /// recomputed when it stored none: the earlier implementation, kept as the reference).</summary>
    CoulombBuilds,
}

/// <summary>Chooses an active space around the HOMO/LUMO of an RHF result (NE/2 highest occupied and NO−NE/2 lowest
/// virtual orbitals), freezes the remaining occupied orbitals as core and transforms the integrals:
/// E_core = E_nuc + ½ Tr D_c (h + F_c), h_eff = Cᵀ_act F_c C_act with F_c = h + G(D_c) (one Fock build with the core
/// density), and (pq|rs) over the active orbitals by <see cref="ActiveIntegralTransform"/>: read back from the SCF's
/// stored PK supermatrix when it kept one (a few matrix–vector products, no integral recomputed), from Coulomb builds
/// over its stored integrals when it kept those but no supermatrix, otherwise by a direct half-transformation of the AO integrals computed shell quartet by shell quartet with Schwarz × MO-coefficient
/// screening.</summary>
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
    public static ActiveSpaceIntegrals Build(ScfResult scf, int electrons, int orbitals) => Build(scf, electrons, orbitals, ActiveTransformPath.Auto);

    /// <summary>Builds the active space from the orbitals <paramref name="choice"/> names: the canonical RHF orbitals
    /// around the HOMO/LUMO (as <see cref="Build(ScfResult, int, int)"/>), or the MP2 natural orbitals (an MP2 is run
    /// with <paramref name="mp2Options"/>; see <see cref="BuildFromNaturalOrbitals"/>).</summary>
    /// <exception cref="QChemInputException">The active space does not fit, or the MP2 does not fit its memory.</exception>
    public static ActiveSpaceIntegrals Build(ScfResult scf, int electrons, int orbitals, ActiveOrbitals choice, Mp2Options? mp2Options = null)
    {
        ArgumentNullException.ThrowIfNull(scf);
        if (choice == ActiveOrbitals.Canonical) return Build(scf, electrons, orbitals);
        Validate(electrons, orbitals, scf.OccupiedCount, scf.OrbitalEnergies.Length);
        return BuildFromNaturalOrbitals(scf, Mp2Solver.Run(scf, mp2Options ?? new Mp2Options()), electrons, orbitals);
    }

    /// <summary>The active space in MP2 natural orbitals (Jensen et al., J. Chem. Phys. 88, 3834 (1988); Abrams &amp;
    /// Sherrill, Chem. Phys. Lett. 395, 227 (2004)): the core is the occupied count − NE/2 natural orbitals with the
    /// largest occupations (its density, core energy and h_eff exactly as the canonical path forms them from its
    /// core), the active orbitals the next NO natural orbitals in descending occupation. The same (NE, NO) checks as
    /// the canonical path. <see cref="ActiveSpaceIntegrals.OrbitalEnergies"/> are the Fock diagonals of the active
    /// natural orbitals.</summary>
    public static ActiveSpaceIntegrals BuildFromNaturalOrbitals(ScfResult scf, Mp2Result mp2, int electrons, int orbitals)
    {
        ArgumentNullException.ThrowIfNull(scf);
        ArgumentNullException.ThrowIfNull(mp2);
        var c = mp2.NaturalOrbitals ?? throw new ArgumentException("the MP2 result has no natural orbitals (ComputeDensity was off)", nameof(mp2));
        var energies = mp2.NaturalOrbitalFockDiagonal!;
        return Build(scf, c, energies, electrons, orbitals, ActiveTransformPath.Auto, ActiveOrbitals.Mp2Natural);
    }

    /// <summary>As <see cref="Build(ScfResult, int, int)"/> with a chosen transformation (tests compare the paths).</summary>
    internal static ActiveSpaceIntegrals Build(ScfResult scf, int electrons, int orbitals, ActiveTransformPath path)
    {
        ArgumentNullException.ThrowIfNull(scf);
        return Build(scf, scf.Coefficients, scf.OrbitalEnergies, electrons, orbitals, path, ActiveOrbitals.Canonical);
    }

    /// <summary>Core density, core energy, h_eff and (pq|rs) for the orbital columns <paramref name="c"/> (ordered so
    /// that the first occupied − NE/2 columns are the core and the next NO the active orbitals).</summary>
    private static ActiveSpaceIntegrals Build(ScfResult scf, Matrix c, double[] orbitalEnergies, int electrons, int orbitals,
        ActiveTransformPath path, ActiveOrbitals choice)
    {
        var nmo = scf.OrbitalEnergies.Length;
        Validate(electrons, orbitals, scf.OccupiedCount, nmo);
        var nbf = scf.BasisFunctionCount;
        var ncore = scf.OccupiedCount - electrons / 2;
        var fock = scf.FockBuilder ?? throw new InvalidOperationException("the SCF result carries no integral engine");

        var dCore = RhfSolver.DensityFrom(c, ncore);
        var h = scf.CoreHamiltonian;
        var fCore = ncore > 0 ? Matrix.AddScaled(h, fock.Build(dCore), 1.0) : h.Clone();
        var eCore = scf.NuclearRepulsion + 0.5 * (Matrix.Dot(dCore, h) + Matrix.Dot(dCore, fCore));

        var cAct = new Matrix(nbf, orbitals);
        for (var i = 0; i < nbf; i++)
            for (var p = 0; p < orbitals; p++) cAct[i, p] = c[i, ncore + p];
        var hEff = Matrix.Transform(cAct, fCore);

        if (path == ActiveTransformPath.Auto)
            path = fock.UsesSupermatrix ? ActiveTransformPath.Supermatrix : fock.Stored ? ActiveTransformPath.CoulombBuilds : ActiveTransformPath.Direct;
        var eri = path switch
        {
            ActiveTransformPath.Supermatrix => ActiveIntegralTransform.FromSupermatrix(fock, cAct),
            ActiveTransformPath.CoulombBuilds => ActiveIntegralTransform.FromCoulombBuilds(fock, cAct),
            _ => ActiveIntegralTransform.Direct(fock, scf.Basis, cAct),
        };
        return new ActiveSpaceIntegrals(eCore, hEff.Data, eri, orbitals, electrons)
        {
            FirstActiveOrbital = ncore, Orbitals = choice, OrbitalEnergies = orbitalEnergies.AsSpan(ncore, orbitals).ToArray(),
        };
    }
}
