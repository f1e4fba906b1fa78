using MolForge.Chem.Core;
using MolForge.Chem.Formats;

namespace MolForge.Chem.Tests.Formats;

public class XyzFormatTests
{
    private const string Water = "3\nwater\nO 0.000000 0.000000 0.117300\nH 0.000000 0.757200 -0.469200\nH 0.000000 -0.757200 -0.469200\n";

    [Fact]
    public void Reads_atoms_coordinates_and_name_and_perceives_bonds_from_covalent_radii()
    {
        var r = XyzFormat.Read(new StringReader(Water), perceiveBonds: true).Single();
        Assert.True(r.IsValid);
        var m = r.Molecule!;
        Assert.Equal("water", m.Name);
        Assert.Equal(3, m.AtomCount);
        Assert.Equal(2, m.BondCount);
        Assert.Equal(0.7572, m.Conformer![1].Y, 6);
        Assert.Equal(8, m.GetAtom(0).AtomicNumber);
    }

    [Fact]
    public void Write_then_read_gives_the_same_coordinates()
    {
        var m = XyzFormat.Read(new StringReader(Water)).Single().Molecule!;
        var sw = new StringWriter();
        XyzFormat.Write(sw, m);
        XyzFormat.Write(sw, m);
        var back = XyzFormat.Read(new StringReader(sw.ToString())).ToList();
        Assert.Equal(2, back.Count);
        for (var i = 0; i < 3; i++) Assert.Equal(m.Conformer![i].Z, back[1].Molecule!.Conformer![i].Z, 8);
    }

    [Fact]
    public void Bad_blocks_report_line_numbers_and_reading_continues()
    {
        var text = "2\nbad\nC 0 0 zero\nC 1 0 0\n" + "x\n" + Water + "2\ntruncated\nC 0 0 0\n";
        var records = XyzFormat.Read(new StringReader(text)).ToList();
        Assert.Equal("line 3: bad coordinate", records[0].Error);
        Assert.Equal("line 5: expected an atom count, found 'x'", records[1].Error);
        Assert.True(records[2].IsValid);
        Assert.Contains("file ends after 1 of 2 atoms", records[3].Error, StringComparison.Ordinal);
    }
}
