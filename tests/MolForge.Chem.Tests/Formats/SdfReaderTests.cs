using System.IO.Compression;
using MolForge.Chem.Core;
using MolForge.Chem.Formats;
using MolForge.Chem.Smiles;

namespace MolForge.Chem.Tests.Formats;

public class SdfReaderTests
{
    private static List<MoleculeRecord> ReadReference(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "References", file);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return new SdfReader(reader).ReadAll().ToList();
    }

    [Theory]
    [InlineData("sdf_2d_v2000.sdf.gz")]
    [InlineData("sdf_3d_v2000.sdf.gz")]
    [InlineData("sdf_2d_v3000.sdf.gz")]
    public void RDKit_written_sd_files_read_as_the_molecules_they_came_from(string file)
    {
        var records = ReadReference(file);
        Assert.True(records.Count >= 19, $"only {records.Count} records");
        foreach (var r in records)
        {
            Assert.True(r.IsValid, r.Error);
            var expected = SmilesWriter.Write(SmilesReader.Parse(r.Molecule!.Properties["smiles"]));
            Assert.Equal(expected, SmilesWriter.Write(r.Molecule));
            Assert.StartsWith("mol", r.Molecule.Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Written_records_read_back_with_charges_isotopes_name_and_data()
    {
        var m = SmilesReader.Parse("[2H]C([2H])([2H])C(=O)[O-].[Na+] sodium acetate-d3");
        m = m.WithProperties(new Dictionary<string, string> { ["mw"] = "85.05" });
        var sw = new StringWriter();
        SdfWriter.Write(sw, m);
        SdfWriter.Write(sw, SmilesReader.Parse("c1ccc2[nH]ccc2c1 indole"));
        var records = new SdfReader(new StringReader(sw.ToString())).ReadAll().ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(SmilesWriter.Write(m), SmilesWriter.Write(records[0].Molecule!));
        Assert.Equal("sodium acetate-d3", records[0].Molecule!.Name);
        Assert.Equal("85.05", records[0].Molecule!.Properties["mw"]);
        Assert.Equal(SmilesWriter.Write(SmilesReader.Parse("c1ccc2[nH]ccc2c1")), SmilesWriter.Write(records[1].Molecule!));
    }

    [Fact]
    public void A_bad_record_reports_its_line_and_the_next_record_is_still_read()
    {
        var good = SdfWriter.ToMolBlock(SmilesReader.Parse("CCO")) + "$$$$\n";
        var bad = "broken\n  x\n\n  2  1  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 C   0  0\n    abc       0.0000    0.0000 C   0  0\n  1  2  1  0\nM  END\n$$$$\n";
        var hyper = "hyper\n\n\n  6  5  0  0  0  0  0  0  0  0999 V2000\n" + string.Concat(Enumerable.Repeat("    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n", 1))
            + string.Concat(Enumerable.Repeat("    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n", 5))
            + "  1  2  1  0\n  1  3  1  0\n  1  4  1  0\n  1  5  1  0\n  1  6  1  0\nM  END\n$$$$\n";
        var records = new SdfReader(new StringReader(good + bad + hyper + good)).ReadAll().ToList();
        Assert.Equal(4, records.Count);
        Assert.True(records[0].IsValid);
        Assert.False(records[1].IsValid);
        Assert.Contains("line 17", records[1].Error, StringComparison.Ordinal);
        Assert.Contains("bad x", records[1].Error, StringComparison.Ordinal);
        Assert.False(records[2].IsValid);
        Assert.Contains("atom 0 (C) has valence 5", records[2].Error, StringComparison.Ordinal);
        Assert.True(records[3].IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("title only\n")]
    [InlineData("t\n\n\n999999999 V2000\n")]
    [InlineData("t\n\n\n  1  1  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 Xx  0  0\n  1  1  1  0\nM  END\n")]
    [InlineData("t\n\n\n  0  0  0     0  0            999 V3000\nM  V30 BEGIN CTAB\nM  V30 BEGIN ATOM\nM  V30 1 C x 0 0 0\nM  V30 END ATOM\nM  V30 END CTAB\nM  END\n")]
    public void Malformed_input_gives_errors_not_exceptions(string text)
    {
        var records = new SdfReader(new StringReader(text)).ReadAll().ToList();
        Assert.All(records, r => Assert.True(r.IsValid || !string.IsNullOrEmpty(r.Error)));
        if (text.Length > 20) Assert.Contains(records, r => !r.IsValid);
    }
}
