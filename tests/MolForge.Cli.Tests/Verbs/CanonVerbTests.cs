using MolForge.Cli.Tests.Screening;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Tests.Verbs;

public class CanonVerbTests
{
    private static Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args) => CliRunner.RunAsync(stdin, args);

    [Fact]
    public async Task Writes_one_line_per_input_keeping_names_and_reports_invalid_lines()
    {
        var (code, output, err) = await Run("OCC ethanol\nC1CC broken\nc1ccccc1\n", "canon", "-");
        Assert.Equal(1, code);
        Assert.Equal(["CCO\tethanol", "", "c1ccccc1", ""], output.Split('\n'));
        Assert.Equal("line 2: ring bond 1 not closed", err.Trim());
    }

    [Fact]
    public async Task Csv_header_with_smiles_column_is_recognised()
    {
        var (code, output, err) = await Run("name,smiles\nacid,OC(=O)C\nammonia,N\n", "canon", "-");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal(["smiles\tname", "CC(=O)O\tacid", "N\tammonia", ""], output.Split('\n'));
    }

    [Fact]
    public async Task Kekule_and_no_stereo_flags_change_the_output()
    {
        var (_, kek, _) = await Run("c1ccccc1\n", "canon", "-", "--kekule");
        Assert.Equal("C1=CC=CC=C1", kek.Trim());
        var (_, flat, _) = await Run("C[C@H](N)C(=O)O\n", "canon", "-", "--no-stereo");
        Assert.DoesNotContain('@', flat);
    }

    [Fact]
    public async Task Hypervalent_atom_is_reported_with_its_index()
    {
        var (code, _, err) = await Run("CN(C)(C)(C)C\n", "canon", "-");
        Assert.Equal(1, code);
        Assert.StartsWith("line 1: atom 1 (N) has valence 5", err.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_is_a_usage_error()
    {
        var (code, _, err) = await Run("", "canon", "/nonexistent/file.smi");
        Assert.Equal(2, code);
        Assert.Contains("input file not found", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_canon_prints_json()
    {
        var (code, output, _) = await Run("", "bench", "canon", "--n", "50", "--json");
        Assert.Equal(0, code);
        Assert.Contains("\"n\": 50", output, StringComparison.Ordinal);
        Assert.Contains("\"invalid\": 0", output, StringComparison.Ordinal);
    }
}
