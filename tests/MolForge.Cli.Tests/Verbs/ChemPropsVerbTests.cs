using MolForge.Cli.Tests.Screening;
using System.Globalization;
using System.Text.Json;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Tests.Verbs;

/// <summary>`molforge describe`, `match` and `similar` as the CLI contract (/work/shared/CLI.md) states them:
/// columns, formats, exit codes, `line N: reason` on stderr, values as RDKit 2022.09.3 computes them.</summary>
public class ChemPropsVerbTests
{
    private static Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args) => CliRunner.RunAsync(stdin, args);

    private const string Input = "CC(=O)Oc1ccccc1C(=O)O aspirin\nC1CC broken\nCn1cnc2c1c(=O)n(C)c(=O)n2C caffeine\n";

    [Fact]
    public async Task Describe_csv_has_the_contract_columns_and_RDKit_values()
    {
        var (code, output, err) = await Run(Input, "describe", "-", "--format", "csv");
        Assert.Equal(1, code);
        Assert.Equal("line 2: ring bond 1 not closed", err.Trim());
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("smiles,name,formula,mol_weight,exact_mass,heavy_atoms,clogp,tpsa,hbd,hba,rotatable_bonds,rings,aromatic_rings,fraction_csp3,qed", lines[0]);
        Assert.Equal(3, lines.Length);
        var aspirin = lines[1].Split(',');
        // RDKit 2022.09.3: C9H8O4, MolWt 180.159, ExactMolWt 180.042259, MolLogP 1.3101, TPSA 63.6, HBD 1, HBA 3,
        // rotatable 2 (strict), rings 1, aromatic 1, Fsp3 0.1111, QED 0.5501.
        Assert.Equal(["CC(=O)Oc1ccccc1C(=O)O", "aspirin", "C9H8O4"], aspirin[..3]);
        double V(int i) => double.Parse(aspirin[i], CultureInfo.InvariantCulture);
        Assert.Equal(180.159, V(3), 0.001);
        Assert.Equal(180.0423, V(4), 0.001);
        Assert.Equal(13, V(5));
        Assert.Equal(1.3101, V(6), 0.001);
        Assert.Equal(63.6, V(7), 0.01);
        Assert.Equal([1, 3, 2, 1, 1], aspirin[8..13].Select(int.Parse));
        Assert.Equal(0.1111, V(13), 0.001);
        Assert.Equal(0.5501, V(14), 0.001);
        Assert.StartsWith("Cn1cnc2c1c(=O)n(C)c(=O)n2C,caffeine,C8H10N4O2,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_json_is_an_array_of_objects_with_the_columns()
    {
        var (code, output, _) = await Run("CCO ethanol\n", "describe", "-", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var row = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(
            ["smiles", "name", "formula", "mol_weight", "exact_mass", "heavy_atoms", "clogp", "tpsa", "hbd", "hba", "rotatable_bonds", "rings", "aromatic_rings", "fraction_csp3", "qed"],
            row.EnumerateObject().Select(p => p.Name));
        Assert.Equal("C2H6O", row.GetProperty("formula").GetString());
        Assert.Equal(-0.0014, row.GetProperty("clogp").GetDouble(), 0.0001);
        Assert.Equal(20.23, row.GetProperty("tpsa").GetDouble(), 0.001);
    }

    [Fact]
    public async Task Describe_table_prints_a_header_and_one_row_per_valid_input()
    {
        var (code, output, _) = await Run(Input, "describe", "-", "--format", "table");
        Assert.Equal(1, code);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("smiles", lines[0], StringComparison.Ordinal);
        Assert.Contains("C9H8O4", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_rejects_an_unknown_format_with_exit_2()
    {
        var (code, _, _) = await Run(Input, "describe", "-", "--format", "xml");
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task Match_prints_matching_inputs_and_counts()
    {
        var (code, output, err) = await Run(Input, "match", "[CX3](=O)[OX2]", "-", "--count");
        Assert.Equal(1, code);
        Assert.Contains("line 2:", err, StringComparison.Ordinal);
        // Aspirin: ester C(=O)O and acid C(=O)O -> 2 unique matches; caffeine has none.
        Assert.Equal("CC(=O)Oc1ccccc1C(=O)O\taspirin\t2", output.Trim());
        var (code2, output2, _) = await Run("c1ccccc1\nCCO\n", "match", "c", "-");
        Assert.Equal(0, code2);
        Assert.Equal("c1ccccc1", output2.Trim());
    }

    [Fact]
    public async Task Match_with_a_malformed_pattern_is_a_usage_error()
    {
        var (code, output, err) = await Run(Input, "match", "C(C", "-");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("unclosed branch", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Similar_ranks_by_tanimoto_on_morgan_bits()
    {
        var input = "CCO ethanol\nCC(=O)Oc1ccccc1C(=O)O aspirin\nOC(=O)c1ccccc1O salicylic\nc1ccccc1 benzene\n";
        var (code, output, _) = await Run(input, "similar", "CC(=O)Oc1ccccc1C(=O)O", "-", "--top", "2");
        Assert.Equal(0, code);
        var lines = output.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("CC(=O)Oc1ccccc1C(=O)O\taspirin\t1.0000", lines[0]);
        // RDKit: TanimotoSimilarity(Morgan2/2048 aspirin, salicylic acid) = 0.44827...
        var second = lines[1].Split('\t');
        Assert.Equal("salicylic", second[1]);
        Assert.Equal(0.4483, double.Parse(second[2], CultureInfo.InvariantCulture), 0.0001);
    }

    [Fact]
    public async Task Similar_with_an_invalid_query_is_a_usage_error()
    {
        var (code, _, err) = await Run("CCO\n", "similar", "C1CC", "-");
        Assert.Equal(2, code);
        Assert.Contains("query SMILES", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_reads_csv_with_a_smiles_column_and_reports_bad_rows()
    {
        var csv = "id,smiles,activity\nm1,CCO,1.5\nm2,C1CC,2\nm3,c1ccccc1,3\n";
        var (code, output, err) = await Run(csv, "describe", "-", "--from", "csv");
        Assert.Equal(1, code);
        Assert.Equal("line 3: ring bond 1 not closed", err.Trim());
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("CCO,m1,C2H6O,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("c1ccccc1,m3,C6H6,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_skips_comments_and_a_smiles_header()
    {
        var (code, output, err) = await Run("smiles name\n# a comment\nCCO ethanol\n", "describe", "-");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        Assert.Equal(2, output.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public async Task Unknown_input_format_is_a_usage_error()
    {
        var (code, _, err) = await Run("CCO\n", "match", "C", "-", "--from", "pdb");
        Assert.Equal(2, code);
        Assert.Contains("--from", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_keeps_input_order_across_parallel_chunks()
    {
        // 4,500 lines (three 2,048-line chunks processed in parallel), every 700th invalid.
        var smiles = new[] { "CCO", "c1ccccc1", "CC(=O)O", "CCN", "C1CCCCC1" };
        var sb = new System.Text.StringBuilder();
        for (var i = 1; i <= 4500; i++) sb.Append(i % 700 == 0 ? "C1CC" : smiles[i % smiles.Length]).Append(" m").Append(i).Append('\n');
        var (code, output, err) = await Run(sb.ToString(), "describe", "-");
        Assert.Equal(1, code);
        var rows = output.TrimEnd().Split('\n').Skip(1).Select(l => l.Split(',')).ToList();
        var expectedNames = Enumerable.Range(1, 4500).Where(i => i % 700 != 0).Select(i => $"m{i}").ToList();
        Assert.Equal(expectedNames, rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.Equal(smiles[int.Parse(r[1][1..], CultureInfo.InvariantCulture) % smiles.Length], r[0]));
        Assert.Equal(Enumerable.Range(1, 6).Select(k => $"line {k * 700}: ring bond 1 not closed"), err.Trim().Split('\n').Select(l => l.Trim()));
    }
}
