using MolForge.QChem.Scf;

namespace MolForge.QChem.Tests.Scf;

/// <summary>RHF energies and frontier orbital energies against Psi4 1.3.2 (scf_type pk, tight convergence).</summary>
public class RhfReferenceTests
{
    public static TheoryData<string, string> Fast()
    {
        var data = new TheoryData<string, string>();
        foreach (var e in ReferenceData.Entries.Where(e => e.NBasis <= 60)) data.Add(e.Name, e.Basis);
        return data;
    }

    [Theory]
    [MemberData(nameof(Fast))]
    public void Energy_and_frontier_orbitals_match_psi4(string name, string basis)
    {
        var reference = ReferenceData.Get(name, basis);
        var molecule = ReferenceData.Molecule(name, reference.Charge);
        var result = RhfSolver.Run(molecule, basis);
        Assert.True(result.Converged);
        Assert.Equal(reference.NBasis, result.BasisFunctionCount);
        Assert.Equal(reference.ENuc, result.NuclearRepulsion, 1e-8);
        Assert.Equal(reference.EHf, result.Energy, 1e-6);
        Assert.Equal(reference.Homo, result.Homo, 1e-4);
        if (reference.Lumo is { } lumo) Assert.Equal(lumo, result.Lumo, 1e-4);
    }
}
