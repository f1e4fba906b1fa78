using System.Globalization;
using MolForge.Chem.Conformers;
using MolForge.Chem.ForceFields;
using MolForge.Chem.ForceFields.Uff;
using MolForge.Chem.Smiles;

namespace MolForge.Chem.Tests.ForceFields;

/// <summary>UFF against RDKit 2022.09.3 (UFFGetMoleculeForceField, default options) on the ETKDG geometries in
/// References/uff_reference.sdf.gz (tools/references/make_uff_references.py), and analytic gradients against
/// central finite differences.</summary>
public class UffReferenceTests
{
    private static readonly Lazy<List<(Core.Molecule Molecule, Dictionary<string, string> Data)>> All =
        new(() => ReferenceSdf.Read("uff_reference.sdf.gz").ToList());

    public static TheoryData<int> Records()
    {
        var data = new TheoryData<int>();
        var n = ReferenceSdf.Read("uff_reference.sdf.gz").Count();
        for (var i = 0; i < n; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Total_energy_matches_rdkit(int index)
    {
        var (mol, data) = All.Value[index];
        var ff = UffForceField.Create(mol);
        var x = ReferenceSdf.Coordinates(mol);
        var expected = double.Parse(data["uff_energy"], CultureInfo.InvariantCulture);
        var terms = ff.EnergyTerms(x);
        Assert.True(Math.Abs(expected - terms.Total) < 1e-4,
            $"{mol.Name}: {terms.Total:F5} vs RDKit {expected:F5} ({terms}; types {string.Join(' ', ff.AtomTypes)})");
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Gradient_matches_finite_differences(int index)
    {
        var (mol, _) = All.Value[index];
        var ff = UffForceField.Create(mol);
        var x = ReferenceSdf.Coordinates(mol);
        var g = new double[x.Length];
        ff.EnergyAndGradient(x, g);
        const double h = 1e-5;
        for (var c = 0; c < x.Length; c++)
        {
            var keep = x[c];
            x[c] = keep + h;
            var ep = ff.Energy(x);
            x[c] = keep - h;
            var em = ff.Energy(x);
            x[c] = keep;
            var fd = (ep - em) / (2 * h);
            Assert.True(Math.Abs(fd - g[c]) < 1e-4 * Math.Max(1.0, Math.Abs(fd)), $"{mol.Name}: coordinate {c}: analytic {g[c]} vs numeric {fd}");
        }
    }

    [Theory]
    [InlineData("OB(O)c1ccccc1", "B_2")]
    [InlineData("C[Si](C)(C)C", "Si3")]
    [InlineData("C[Se]C", "Se3+2")]
    [InlineData("C[Sn](C)(C)C", "Sn3")]
    [InlineData("CC(=O)NC", "N_R")]
    public void Types_elements_mmff_lacks(string smiles, string expectedType)
    {
        var mol = ExplicitHydrogens.Add(ExplicitHydrogens.Kekulize(SmilesReader.Parse(smiles)));
        var ff = UffForceField.Create(mol);
        Assert.Contains(expectedType, ff.AtomTypes);
    }

    [Fact]
    public void Untypable_atom_is_a_typed_error_naming_the_atom()
    {
        var mol = ExplicitHydrogens.Add(ExplicitHydrogens.Kekulize(SmilesReader.Parse("c1cc[se]c1")));
        Assert.False(UffForceField.CanType(mol));
        var e = Assert.Throws<UffTypingException>(() => UffForceField.Create(mol));
        Assert.Contains("Se", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Minimisation_lowers_the_energy_and_reaches_a_stationary_point()
    {
        var (mol, _) = All.Value.First(r => r.Molecule.Name == "phenylboronic_acid");
        var ff = UffForceField.Create(mol);
        var x = ReferenceSdf.Coordinates(mol);
        var e0 = ff.Energy(x);
        Lbfgs.Minimize(ff, x, new LbfgsOptions(MaxIterations: 5000, GradientTolerance: 1e-4, History: 16));
        var g = new double[x.Length];
        var e1 = ff.EnergyAndGradient(x, g);
        Assert.True(e1 < e0, $"{e1} !< {e0}");
        Assert.True(g.Max(Math.Abs) < 1e-2, $"max |g| {g.Max(Math.Abs)}");
    }

    [Fact]
    public void Boronic_acid_gets_a_uff_minimised_conformer()
    {
        var c = Assert.Single(ConformerGenerator.Generate(SmilesReader.Parse("OB(O)c1ccccc1"), new ConformerOptions(Seed: 3)));
        Assert.Equal("UFF", c.ForceField);
        Assert.False(double.IsNaN(c.Energy));
        var ff = UffForceField.Create(c.Molecule);
        var x = new double[3 * c.Molecule.AtomCount];
        for (var i = 0; i < c.Molecule.AtomCount; i++)
        {
            var p = c.Molecule.Conformer![i];
            (x[3 * i], x[(3 * i) + 1], x[(3 * i) + 2]) = (p.X, p.Y, p.Z);
        }
        var g = new double[x.Length];
        var e = ff.EnergyAndGradient(x, g);
        Assert.Equal(c.Energy, e, 6);
        Assert.True(g.Max(Math.Abs) < 0.05, $"max |g| {g.Max(Math.Abs)}");
        var b = c.Molecule.NeighborsOf(1).ToArray();
        foreach (var nb in b) Assert.InRange(c.Molecule.Conformer![1].DistanceTo(c.Molecule.Conformer[nb]), 1.3, 1.65);
    }
}
