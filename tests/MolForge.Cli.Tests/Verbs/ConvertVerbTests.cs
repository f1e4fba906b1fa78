using MolForge.Cli.Tests.Screening;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Tests.Verbs;

public class ConvertVerbTests
{
    private static Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args) => CliRunner.RunAsync(stdin, args);

    [Fact]
    public async Task Smiles_to_sdf_and_back_keeps_molecules_and_names()
    {
        var (code, sdf, err) = await Run("OCC ethanol\nc1ccccc1C(=O)[O-] benzoate\n", "convert", "-", "-", "--from", "smi", "--to", "sdf");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal(2, sdf.Split("$$$$").Length - 1);
        var (code2, smi, _) = await Run(sdf, "convert", "-", "-", "--from", "sdf", "--to", "smi");
        Assert.Equal(0, code2);
        var (_, canon, _) = await Run("OCC ethanol\nc1ccccc1C(=O)[O-] benzoate\n", "canon", "-");
        Assert.Equal(canon, smi);
    }

    [Fact]
    public async Task Invalid_records_are_reported_and_the_rest_converted()
    {
        var (code, output, err) = await Run("smiles,name\nCCO,ethanol\nC1CC,broken\nN,ammonia\n", "convert", "-", "-", "--from", "csv", "--to", "smi");
        Assert.Equal(1, code);
        Assert.Equal("line 3: ring bond 1 not closed", err.Trim());
        Assert.Equal(["CCO\tethanol", "N\tammonia", ""], output.Split('\n'));
    }

    [Fact]
    public async Task Xyz_needs_coordinates_and_reads_from_xyz()
    {
        var (code, _, err) = await Run("CCO\n", "convert", "-", "-", "--from", "smi", "--to", "xyz");
        Assert.Equal(1, code);
        Assert.Contains("line 1: molecule has no coordinates", err, StringComparison.Ordinal);
        var (code2, sdf, _) = await Run("3\nwater\nO 0 0 0.1173\nH 0 0.7572 -0.4692\nH 0 -0.7572 -0.4692\n", "convert", "-", "-", "--from", "xyz", "--to", "sdf");
        Assert.Equal(0, code2);
        // The dimension code sits in columns 21-22 of the header's second line, where RDKit and Open Babel read it.
        Assert.Equal("3D", sdf.Split('\n')[1].Substring(20, 2));
    }

    [Fact]
    public async Task Stdin_without_from_is_a_usage_error()
    {
        var (code, _, err) = await Run("CCO\n", "convert", "-", "out.sdf");
        Assert.Equal(2, code);
        Assert.Contains("--from is required", err, StringComparison.Ordinal);
    }
}
