using System.Globalization;
using MolForge.Chem.ForceFields.Mmff;

namespace MolForge.Chem.Tests.ForceFields;

/// <summary>MMFF94 against RDKit 2022.09.3 on the geometries in References/mmff_reference.sdf.gz
/// (tools/references/make_mmff_references.py): atom types, partial charges, every energy term and the gradient.</summary>
public class MmffReferenceTests
{
    public static TheoryData<int> Records()
    {
        var data = new TheoryData<int>();
        var n = ReferenceSdf.Read("mmff_reference.sdf.gz").Count();
        for (var i = 0; i < n; i++) data.Add(i);
        return data;
    }

    private static readonly Lazy<List<(Core.Molecule Molecule, Dictionary<string, string> Data)>> All =
        new(() => ReferenceSdf.Read("mmff_reference.sdf.gz").ToList());

    [Theory]
    [MemberData(nameof(Records))]
    public void Matches_rdkit(int index)
    {
        var (mol, data) = All.Value[index];
        var ff = MmffForceField.Create(mol);
        var expectedTypes = data["mmff_types"].Split(' ').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expectedTypes, ff.AtomTypes.ToArray());
        var expectedCharges = ReferenceSdf.Numbers(data["mmff_charges"]);
        for (var i = 0; i < expectedCharges.Length; i++)
            Assert.True(Math.Abs(expectedCharges[i] - ff.PartialCharges[i]) < 1e-4, $"{mol.Name}: charge of atom {i}: {ff.PartialCharges[i]} vs {expectedCharges[i]}");
        var x = ReferenceSdf.Coordinates(mol);
        var terms = ff.EnergyTerms(x);
        void Check(string key, double actual)
        {
            var expected = double.Parse(data[key], CultureInfo.InvariantCulture);
            Assert.True(Math.Abs(expected - actual) < 0.01, $"{mol.Name}: {key} {actual:F5} vs RDKit {expected:F5}");
        }
        Check("e_bond", terms.Bond);
        Check("e_angle", terms.Angle);
        Check("e_stbn", terms.StretchBend);
        Check("e_oop", terms.OutOfPlane);
        Check("e_torsion", terms.Torsion);
        Check("e_vdw", terms.VanDerWaals);
        Check("e_ele", terms.Electrostatic);
        Check("e_total", terms.Total);
        var g = new double[x.Length];
        ff.EnergyAndGradient(x, g);
        var expectedGrad = ReferenceSdf.Numbers(data["gradient"]);
        for (var i = 0; i < g.Length; i++)
            Assert.True(Math.Abs(expectedGrad[i] - g[i]) < 0.01, $"{mol.Name}: gradient[{i}] {g[i]:F5} vs RDKit {expectedGrad[i]:F5}");
    }
}
