using MolForge.Chem.Core;
using MolForge.Chem.Smiles;

namespace MolForge.Chem.Tests.Smiles;

public class SmilesReaderTests
{
    [Theory]
    [InlineData("C1CC", "ring bond 1 not closed")]
    [InlineData("CC)C", "unexpected character ')' at position 3")]
    [InlineData("C(C", "branch '(' not closed")]
    [InlineData("[Xx]", "unknown element 'Xx' at position 2")]
    [InlineData("CN(C)(C)(C)C", "atom 1 (N) has valence 5")]
    [InlineData("c1cccc1", "can't kekulize mol: unkekulizable atoms 0 1 2 3 4")]
    [InlineData("C=", "SMILES ends with a bond at position 2")]
    [InlineData("[C", "bracket atom '[' at position 1 not closed")]
    public void Errors_are_precise(string smiles, string message)
    {
        var ex = Assert.Throws<SmilesException>(() => SmilesReader.Parse(smiles));
        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_are_enforced_with_a_message()
    {
        var longSmiles = new string('C', 10_001);
        Assert.Contains("limit is 10000", Assert.Throws<SmilesException>(() => SmilesReader.Parse(longSmiles)).Message, StringComparison.Ordinal);
        var many = string.Concat(Enumerable.Repeat("C", 1_001));
        Assert.Contains("heavy atoms", Assert.Throws<SmilesException>(() => SmilesReader.Parse(many)).Message, StringComparison.Ordinal);
        Assert.Equal(1000, SmilesReader.Parse(string.Concat(Enumerable.Repeat("C", 1000))).AtomCount);
    }

    [Fact]
    public void Bracket_atoms_carry_isotope_charge_hydrogens_map_and_chirality()
    {
        var m = SmilesReader.Parse("[13CH3:7][C@@H](F)[NH3+] name here");
        Assert.Equal("name here", m.Name);
        var c = m.GetAtom(0);
        Assert.Equal(13, c.Isotope);
        Assert.Equal(3, c.TotalHydrogensOnAtom);
        Assert.Equal(7, c.MapNumber);
        Assert.Equal(ChiralTag.Clockwise, m.GetAtom(1).Chirality);
        Assert.Equal(1, m.GetAtom(3).FormalCharge);
        Assert.Equal(3, m.GetAtom(3).TotalHydrogensOnAtom);
    }

    [Fact]
    public void Slashes_become_cis_trans_with_stereo_atoms()
    {
        var trans = SmilesReader.Parse("F/C=C/F");
        var b = trans.GetBond(trans.BondIndexBetween(1, 2));
        Assert.Equal(BondStereo.Trans, b.Stereo);
        Assert.Equal(0, b.StereoAtomBegin);
        Assert.Equal(3, b.StereoAtomEnd);
        var cis = SmilesReader.Parse("F/C=C\\F");
        Assert.Equal(BondStereo.Cis, cis.GetBond(1).Stereo);
        // Identical substituents at one end: no stereo (RDKit drops it).
        Assert.Equal(BondStereo.None, SmilesReader.Parse("F/C=C(/F)F").GetBond(1).Stereo);
    }

    [Fact]
    public void Chirality_on_a_carbon_with_two_hydrogens_is_dropped()
    {
        Assert.Equal(ChiralTag.None, SmilesReader.Parse("F[C@H2]Cl").GetAtom(1).Chirality);
        Assert.Equal(ChiralTag.None, SmilesReader.Parse("C[C@H](C)O").GetAtom(1).Chirality);
    }

    [Fact]
    public void Ring_closures_with_percent_numbers_and_dots()
    {
        var m = SmilesReader.Parse("C%12CC%12.[Na+]");
        Assert.Equal(4, m.AtomCount);
        Assert.Equal(1, m.RingInfo.RingCount);
    }
}
