using MolForge.QChem.Scf;

namespace MolForge.QChem.Tests.Scf;

/// <summary>RHF energies and frontier orbital energies against Psi4 1.3.2 (scf_type pk, e/d_convergence 1e-10)
/// on the geometries in References/geometries (tools/references/make_psi4_references.py).</summary>
public class RhfReferenceTests
{
    /// <summary>Up to 90 basis functions: every molecule in STO-3G (aspirin, caffeine included), the small ones in
    /// 6-31G and 6-31G*.</summary>
    public static TheoryData<string, string> Fast() => Select(e => e.NBasis <= 90);

    /// <summary>The larger 6-31G cases (aspirin, caffeine, phenol …): a few seconds each.</summary>
    public static TheoryData<string, string> Large() => Select(e => e.NBasis > 90);

    private static TheoryData<string, string> Select(Func<ReferenceData.Entry, bool> filter)
    {
        var data = new TheoryData<string, string>();
        foreach (var e in ReferenceData.Entries.Where(filter)) data.Add(e.Name, e.Basis);
        return data;
    }

    [Theory]
    [MemberData(nameof(Fast))]
    public void Energy_and_frontier_orbitals_match_psi4(string name, string basis) => Check(name, basis);

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(Large))]
    public void Large_molecules_match_psi4(string name, string basis) => Check(name, basis);

    private static void Check(string name, string basis)
    {
        var reference = ReferenceData.Get(name, basis);
        var molecule = ReferenceData.Molecule(name, reference.Charge);
        var result = RhfSolver.Run(molecule, basis);
        Assert.True(result.Converged);
        Assert.Equal(reference.NBasis, result.BasisFunctionCount);
        Assert.Equal(reference.NElectrons, molecule.ElectronCount);
        Assert.Equal(reference.ENuc, result.NuclearRepulsion, 1e-8);
        Assert.Equal(reference.EHf, result.Energy, 1e-6);
        Assert.Equal(reference.Homo, result.Homo, 1e-4);
        if (reference.Lumo is { } lumo) Assert.Equal(lumo, result.Lumo, 1e-4);
        for (var k = 0; k < reference.OrbitalEnergies.Length; k++) Assert.Equal(reference.OrbitalEnergies[k], result.OrbitalEnergies[k], 1e-4);
        Assert.Equal(molecule.Charge, result.MullikenCharges.Sum(), 1e-8);
    }

    [Fact]
    public void Core_guess_and_direct_fock_build_give_the_same_energy()
    {
        var reference = ReferenceData.Get("formic_acid", "6-31g");
        var molecule = ReferenceData.Molecule("formic_acid", 0);
        var result = RhfSolver.Run(molecule, "6-31g", new ScfOptions { Guess = ScfGuess.Core, MaxStoredIntegralBytes = 0, IncrementalFock = true });
        Assert.True(result.Converged);
        Assert.Equal(reference.EHf, result.Energy, 1e-6);
    }

    [Fact]
    public void Stored_integrals_without_supermatrix_give_the_same_energy()
    {
        var reference = ReferenceData.Get("glycine", "sto-3g");
        var molecule = ReferenceData.Molecule("glycine", 0);
        // enough for the quartet list, not for the PK supermatrix as well
        var result = RhfSolver.Run(molecule, "sto-3g", new ScfOptions { MaxStoredIntegralBytes = 1_200_000, IncrementalFock = false });
        Assert.Equal(reference.EHf, result.Energy, 1e-6);
    }

    [Fact]
    public void Water_dipole_points_along_the_bisector_and_has_the_expected_size()
    {
        var molecule = ReferenceData.Molecule("water", 0);
        var result = RhfSolver.Run(molecule, "6-31g");
        // RHF/6-31G water dipole is about 2.5–2.7 D; its direction is from O towards the midpoint of the H atoms
        Assert.InRange(result.DipoleDebye, 2.4, 2.8);
        var c = molecule.Coordinates;
        double mx = (c[3] + c[6]) / 2 - c[0], my = (c[4] + c[7]) / 2 - c[1], mz = (c[5] + c[8]) / 2 - c[2];
        var cos = (mx * result.Dipole[0] + my * result.Dipole[1] + mz * result.Dipole[2])
            / Math.Sqrt(mx * mx + my * my + mz * mz) / Math.Sqrt(result.Dipole.Sum(d => d * d));
        Assert.True(cos > 0.999, $"cos = {cos}");
        Assert.True(result.MullikenCharges[0] < -0.5 && result.MullikenCharges[1] > 0.25);
    }

    [Fact]
    public void Too_few_iterations_report_not_converged_with_the_last_energy()
    {
        var molecule = ReferenceData.Molecule("acetone", 0);
        var result = RhfSolver.Run(molecule, "sto-3g", new ScfOptions { MaxIterations = 2 });
        Assert.False(result.Converged);
        Assert.Equal(2, result.Iterations);
        Assert.True(double.IsFinite(result.Energy) && result.Energy < -180);
    }
}
