using MolForge.Chem.Conformers;
using MolForge.Chem.Core;
using MolForge.Chem.ForceFields.Mmff;
using MolForge.Chem.Smiles;

namespace MolForge.Chem.Tests.Conformers;

/// <summary>Graph preparation and the error paths of MMFF setup and conformer generation.</summary>
public class PreparationTests
{
    [Theory]
    [InlineData("c1ccccc1", 3)]
    [InlineData("c1ccc2ccccc2c1", 5)]
    [InlineData("c1cc[nH]c1", 2)]
    [InlineData("Cn1cnc2c1c(=O)n(C)c(=O)n2C", 4)]
    [InlineData("c1cc[n+]([O-])cc1", 3)]
    public void Kekulize_gives_alternating_double_bonds_and_keeps_valences(string smiles, int doubles)
    {
        var k = ExplicitHydrogens.Kekulize(SmilesReader.Parse(smiles));
        Assert.DoesNotContain(k.Bonds.ToArray(), b => b.Order == BondOrder.Aromatic);
        Assert.Equal(doubles, k.Bonds.ToArray().Count(b => b.Order == BondOrder.Double));
        for (var a = 0; a < k.AtomCount; a++)
            Assert.True(k.BondsOf(a).ToArray().Count(b => k.GetBond(b).Order == BondOrder.Double) <= 1);
    }

    [Fact]
    public void Explicit_hydrogens_are_appended_after_the_heavy_neighbours()
    {
        var m = ExplicitHydrogens.Add(SmilesReader.Parse("F[C@H](Cl)Br"));
        Assert.Equal(5, m.AtomCount);
        Assert.Equal([0, 2, 3, 4], m.NeighborsOf(1).ToArray());
        Assert.Equal(1, m.GetAtom(4).AtomicNumber);
        Assert.All(m.Atoms.ToArray(), a => Assert.Equal(0, a.TotalHydrogensOnAtom));
    }

    [Fact]
    public void Mmff_needs_explicit_hydrogens_and_names_untypable_atoms()
    {
        var implicitH = Assert.Throws<ArgumentException>(() => MmffForceField.Create(SmilesReader.Parse("CCO")));
        Assert.Contains("implicit hydrogens", implicitH.Message, StringComparison.Ordinal);
        var boron = ExplicitHydrogens.Add(ExplicitHydrogens.Kekulize(SmilesReader.Parse("OB(O)c1ccccc1")));
        var e = Assert.Throws<MmffTypingException>(() => MmffForceField.Create(boron));
        Assert.Equal(1, e.AtomIndex);
        Assert.Contains("atom 1 (B", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Molecules_mmff_cannot_type_still_get_a_distance_geometry_conformer()
    {
        var c = Assert.Single(ConformerGenerator.Generate(SmilesReader.Parse("OB(O)c1ccccc1")));
        Assert.Equal("none", c.ForceField);
        Assert.True(double.IsNaN(c.Energy));
        foreach (var b in c.Molecule.Bonds)
            Assert.InRange(c.Molecule.Conformer![b.Begin].DistanceTo(c.Molecule.Conformer[b.End]), 0.8, 1.8);
    }

    [Fact]
    public void Empty_molecule_is_a_typed_error()
    {
        Assert.Throws<ConformerGenerationException>(() => ConformerGenerator.Generate(Molecule.Empty));
    }
}
