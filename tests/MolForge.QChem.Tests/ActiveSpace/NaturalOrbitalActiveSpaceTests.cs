using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.Correlation;
using MolForge.QChem.Scf;
using MolForge.QChem.Tests.Correlation;

namespace MolForge.QChem.Tests.ActiveSpace;

/// <summary>Active spaces in MP2 natural orbitals: full CI is orbital-invariant, the RHF determinant is unchanged by
/// rotations within the occupied space, and the canonical path is untouched by the option.</summary>
public class NaturalOrbitalActiveSpaceTests
{
    [Theory]
    [InlineData("water", "sto-3g", 0)]
    [InlineData("hydrogen_fluoride", "sto-3g", 0)]
    [InlineData("ammonium", "sto-3g", 1)]
    public void Casci_over_all_orbitals_equals_the_canonical_full_ci(string name, string basis, int charge)
    {
        var scf = Mp2ReferenceTests.Scf(name, basis, charge);
        var nmo = scf.OrbitalEnergies.Length;
        var ne = 2 * scf.OccupiedCount;
        var canonical = CasciSolver.Solve(ActiveSpaceBuilder.Build(scf, ne, nmo));
        var no = ActiveSpaceBuilder.Build(scf, ne, nmo, ActiveOrbitals.Mp2Natural);
        Assert.Equal(ActiveOrbitals.Mp2Natural, no.Orbitals);
        var natural = CasciSolver.Solve(no);
        Assert.True(canonical.Converged && natural.Converged);
        Assert.Equal(canonical.Energy, natural.Energy, 1e-8);
        Assert.True(natural.Energy < scf.Energy - 1e-3);
    }

    [Theory]
    [InlineData("water", "sto-3g", 1, 8, 6)]
    [InlineData("hydrogen_sulfide", "sto-3g", 5, 8, 6)]
    public void Frozen_core_natural_orbitals_leave_the_core_canonical(string name, string basis, int frozen, int ne, int no)
    {
        // with a frozen-core MP2 the core orbitals keep occupation exactly 2 and are the canonical core orbitals, so a
        // space with that core and all other orbitals active is the canonical one up to rotations among active orbitals
        var scf = Mp2ReferenceTests.Scf(name, basis, 0);
        Assert.Equal(scf.OrbitalEnergies.Length - frozen, no);
        var mp2 = Mp2Solver.Run(scf, new Mp2Options { FrozenCore = frozen });
        var natural = ActiveSpaceBuilder.BuildFromNaturalOrbitals(scf, mp2, ne, no);
        var canonical = ActiveSpaceBuilder.Build(scf, ne, no);
        Assert.Equal(canonical.CoreEnergy, natural.CoreEnergy, 1e-9);
        Assert.Equal(CasciSolver.Solve(canonical).Energy, CasciSolver.Solve(natural).Energy, 1e-8);
    }

    [Theory]
    [InlineData("formaldehyde", "sto-3g", 4, 4)]
    [InlineData("pyridine", "sto-3g", 6, 6)]
    [InlineData("ethylene", "6-31g*", 2, 2)]
    public void The_closed_shell_determinant_in_natural_orbitals_is_the_rhf_determinant(string name, string basis, int ne, int no)
    {
        // occupied natural orbitals are rotations of the occupied RHF orbitals, so core + the first NE/2 active ones
        // span the RHF determinant: its energy from E_core, h_eff and (pq|rs) must be E(RHF)
        var scf = Mp2ReferenceTests.Scf(name, basis, 0);
        var ints = ActiveSpaceBuilder.Build(scf, ne, no, ActiveOrbitals.Mp2Natural);
        Assert.Equal(scf.Energy, ints.ClosedShellEnergy(), 1e-8);
        Assert.Equal(no, ints.OrbitalEnergies!.Length);
        var ci = CasciSolver.Solve(ints);
        Assert.True(ci.Energy < scf.Energy);
        for (var p = 0; p < no; p++)
            for (var q = 0; q < no; q++) Assert.Equal(ints.H(p, q), ints.H(q, p), 1e-10);
    }

    [Theory]
    [InlineData("formaldehyde", "sto-3g", 4, 4)]
    [InlineData("water", "6-31g*", 2, 2)]
    public void The_canonical_option_is_bit_identical_to_the_default(string name, string basis, int ne, int no)
    {
        var scf = RhfSolver.Run(ReferenceData.Molecule(name, 0), basis);
        var a = ActiveSpaceBuilder.Build(scf, ne, no);
        var b = ActiveSpaceBuilder.Build(scf, ne, no, ActiveOrbitals.Canonical);
        Assert.Equal(a.CoreEnergy, b.CoreEnergy);
        Assert.Equal(a.OneElectron, b.OneElectron);
        Assert.Equal(a.TwoElectron, b.TwoElectron);
        Assert.Equal(ActiveOrbitals.Canonical, a.Orbitals);
        Assert.Equal(scf.OrbitalEnergies.AsSpan(a.FirstActiveOrbital, no).ToArray(), a.OrbitalEnergies);
    }

    [Theory]
    [InlineData(3, 2, "even")]
    [InlineData(12, 8, "only 10 electrons")]
    [InlineData(2, 20, "virtual orbitals")]
    public void Natural_orbital_spaces_that_do_not_fit_are_refused_before_the_mp2(int ne, int no, string message)
    {
        var scf = Mp2ReferenceTests.Scf("water", "sto-3g", 0);
        var ex = Assert.Throws<QChemInputException>(() => ActiveSpaceBuilder.Build(scf, ne, no, ActiveOrbitals.Mp2Natural, new Mp2Options { MaxMemoryBytes = 1 }));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }
}
