using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using MolForge.Application.Screening;

namespace MolForge.Screening.Tests;

public sealed class MoleculeRecordReaderTests
{
    private static readonly ScreeningLimits Limits = new();

    [Fact]
    public async Task Smiles_file_gives_one_record_per_line_with_names_and_blank_lines_invalid()
    {
        var path = TestFiles.Write("a.smi", "CCO ethanol\r\nc1ccccc1\tbenzene ring\n\nC\n");
        var plan = await ScreeningInputPlan.CreateAsync(path, 2, Limits);
        var records = plan.Chunks.SelectMany(c => plan.ReadChunk(path, c)).ToList();
        Assert.Equal(4, plan.Total);
        Assert.Equal(["CCO", "c1ccccc1", "", "C"], records.Select(r => r.Smiles));
        Assert.Equal(["ethanol", "benzene ring", "", ""], records.Select(r => r.Name));
        Assert.Equal([1L, 2, 3, 4], records.Select(r => r.LineNumber));
        Assert.Equal("empty line", records[2].Error);
        Assert.Equal(2, plan.Chunks.Count);
    }

    [Fact]
    public async Task Csv_finds_smiles_and_name_columns_and_handles_quotes()
    {
        var path = TestFiles.Write("a.csv", "id,logp,SMILES\nm1,1.5,CCO\n\"m,2\",2,\"C(=O)O\"\nm3,3\n\"broken,1,C\n");
        var plan = await ScreeningInputPlan.CreateAsync(path, 3, Limits);
        var records = plan.Chunks.SelectMany(c => plan.ReadChunk(path, c)).ToList();
        Assert.Equal("csv", plan.Format);
        Assert.Equal(4, plan.Total);
        Assert.Equal(("CCO", "m1"), (records[0].Smiles, records[0].Name));
        Assert.Equal(("C(=O)O", "m,2"), (records[1].Smiles, records[1].Name));
        Assert.Contains("missing smiles column", records[2].Error, StringComparison.Ordinal);
        Assert.Contains("unbalanced quotes", records[3].Error, StringComparison.Ordinal);
        Assert.Equal([2L, 3, 4, 5], records.Select(r => r.LineNumber));
    }

    [Fact]
    public async Task Csv_without_smiles_column_is_refused_up_front()
    {
        var path = TestFiles.Write("b.csv", "name,value\nx,1\n");
        var ex = await Assert.ThrowsAsync<ScreeningInputException>(() => ScreeningInputPlan.CreateAsync(path, 4, Limits));
        Assert.Contains("smiles", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdf_records_take_the_smiles_field_or_read_the_molfile()
    {
        var sdf = "aspirin\n  prog\n\n  0  0  0  0  0  0            999 V2000\nM  END\n> <SMILES>\nCC(=O)Oc1ccccc1C(=O)O\n\n$$$$\n"
                  + "methanol\n  prog\n\n  2  1  0  0  0  0  0  0  0  0999 V2000\n"
                  + "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0\n"
                  + "    1.4000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\n"
                  + "  1  2  1  0\nM  END\n$$$$\n"
                  + "broken\n\n\n  x  y\nM  END\n$$$$\n";
        var path = TestFiles.Write("a.sdf", sdf);
        var plan = await ScreeningInputPlan.CreateAsync(path, 1, Limits);
        var records = plan.Chunks.SelectMany(c => plan.ReadChunk(path, c)).ToList();
        Assert.Equal(3, plan.Total);
        Assert.Equal(("CC(=O)Oc1ccccc1C(=O)O", "aspirin", (string?)null), (records[0].Smiles, records[0].Name, records[0].Error));
        Assert.Equal(("CO", "methanol", (string?)null, 10L), (records[1].Smiles, records[1].Name, records[1].Error, records[1].LineNumber));
        Assert.Equal("broken", records[2].Name);
        Assert.StartsWith("unreadable molfile", records[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_refuse_large_files_and_too_many_records_before_any_work()
    {
        var path = TestFiles.Write("c.smi", TestFiles.SmilesLines(50, 0));
        var bytes = await Assert.ThrowsAsync<ScreeningInputException>(() => ScreeningInputPlan.CreateAsync(path, 8, new ScreeningLimits { MaxInputBytes = 100 }));
        Assert.Contains("beyond the limit", bytes.Message, StringComparison.Ordinal);
        var lines = await Assert.ThrowsAsync<ScreeningInputException>(() => ScreeningInputPlan.CreateAsync(path, 8, new ScreeningLimits { MaxRecords = 49 }));
        Assert.Contains("more than 49 records", lines.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ScreeningInputException>(() => ScreeningInputPlan.CreateAsync(path + ".missing", 8, Limits));
    }

    [Fact]
    public async Task Gzip_input_reads_the_same_records_as_plain()
    {
        var text = TestFiles.SmilesLines(40, 7);
        var plain = TestFiles.Write("d.smi", text);
        var gz = Path.Combine(TestFiles.Folder, $"{Guid.NewGuid():N}.smi.gz");
        await using (var file = File.Create(gz))
        await using (var zip = new GZipStream(file, CompressionMode.Compress))
            await zip.WriteAsync(Encoding.UTF8.GetBytes(text));
        var a = await ScreeningInputPlan.CreateAsync(plain, 6, Limits);
        var b = await ScreeningInputPlan.CreateAsync(gz, 6, Limits);
        Assert.Equal(a.Chunks.SelectMany(c => a.ReadChunk(plain, c)), b.Chunks.SelectMany(c => b.ReadChunk(gz, c)));
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Chunks_read_by_seeking_equal_one_sequential_read(NonEmptyArray<NonNegativeInt> shape, PositiveInt chunkSize, bool crlf, bool bom)
    {
        // Lines of varied length (some blank, some non-ASCII names) in any chunking must come back identical.
        var lines = shape.Get.Select(n => n.Get % 5 == 0 ? "" : $"{new string('C', 1 + n.Get % 9)}O name-é{n.Get}").ToList();
        var text = string.Join(crlf ? "\r\n" : "\n", lines) + (crlf ? "\r\n" : "\n");
        var path = Path.Combine(TestFiles.Folder, $"{Guid.NewGuid():N}.smi");
        File.WriteAllBytes(path, (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray());
        var size = 1 + chunkSize.Get % 13;
        var plan = ScreeningInputPlan.CreateAsync(path, size, Limits).GetAwaiter().GetResult();
        var chunked = plan.Chunks.SelectMany(c => plan.ReadChunk(path, c)).ToList();
        var expected = lines.Select((l, i) => MoleculeRecordReader.ParseSmilesLine(l, i, i + 1)).ToList();
        return (chunked.SequenceEqual(expected) && plan.Total == lines.Count && plan.Chunks.Sum(c => c.Count) == lines.Count).ToProperty();
    }
}
