using MolForge.Cli.Tests.Screening;
using System.Text.Json;
using MolForge.Chem.Smarts;
using MolForge.Chem.Smiles;
using MolForge.Chem.Substructure;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Tests.Verbs;

/// <summary>`molforge train`, `generate` and `bench generate` as the CLI contract states them.</summary>
public class GenerationVerbTests
{
    private static Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args) => CliRunner.RunAsync(stdin, args);

    private static readonly string ShippedModel = Path.Combine(AppContext.BaseDirectory, "data", "model", "generator.mfgen.gz");

    [Fact]
    public async Task Train_then_generate_from_the_trained_model()
    {
        var dir = Directory.CreateTempSubdirectory("molforge-train-");
        try
        {
            var data = Path.Combine(dir.FullName, "train.smi");
            File.WriteAllLines(data, ["c1ccccc1O phenol", "CC(=O)Nc1ccc(O)cc1", "C1CCNCC1", "not_a_smiles", "CC[NH+](C)C", "O=C([O-])c1ccncc1"]);
            var model = Path.Combine(dir.FullName, "m.mfgen.gz");
            var (code, _, err) = await Run("", "train", "--data", data, "--out", model, "--epochs", "3", "--batch-size", "2",
                "--hidden", "16", "--embedding", "8", "--layers", "1", "--threads", "1", "--log-every", "1");
            Assert.Equal(1, code); // one invalid input line, reported and skipped
            Assert.Contains("line 4:", err, StringComparison.Ordinal);
            Assert.Contains("loss", err, StringComparison.Ordinal);
            Assert.True(File.Exists(model));
            (code, var output, err) = await Run("", "generate", "--model", model, "--n", "5", "--seed", "2", "--format", "csv");
            Assert.Equal(0, code);
            var lines = output.TrimEnd().Split('\n');
            Assert.Equal("smiles,mol_weight,clogp,qed", lines[0]);
            Assert.True(lines.Length - 1 <= 5);
            foreach (var line in lines.Skip(1)) Assert.True(SmilesReader.TryParse(line.Split(',')[0], out _, out _), line);
            if (lines.Length - 1 < 5) Assert.Contains("made", err, StringComparison.Ordinal);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public async Task Generate_with_a_prompt_meets_its_hard_constraints()
    {
        Assert.True(File.Exists(ShippedModel), "the build copies data/model/generator.mfgen.gz next to the app");
        const string prompt = """
            { "scaffold": "c1ccc2[nH]ccc2c1", "count": 5, "seed": 7,
              "properties": { "mol_weight": [200, 450] },
              "forbidden": ["[N+](=O)[O-]", "[SH]"], "elements": ["C","H","N","O","F","Cl"] }
            """;
        var (code, output, err) = await Run(prompt, "generate", "--prompt", "-", "--timeout", "300");
        Assert.Equal(0, code);
        var smiles = output.TrimEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, smiles.Length);
        Assert.Equal(5, smiles.Distinct().Count());
        var scaffold = SmartsQuery.Parse("c1ccc2[n]ccc2c1");
        var nitro = SmartsQuery.Parse("[N+](=O)[O-]");
        foreach (var s in smiles)
        {
            var m = SmilesReader.Parse(s);
            Assert.True(SubstructureMatcher.HasMatch(scaffold, m), s);
            Assert.False(SubstructureMatcher.HasMatch(nitro, m), s);
            Assert.All(m.Atoms.ToArray(), a => Assert.Contains(a.Symbol, new[] { "C", "N", "O", "F", "Cl" }));
        }
        Assert.Equal("", err);
    }

    [Theory]
    [InlineData("{ \"count\": 0 }", "count")]
    [InlineData("{ \"count\": 3, \"elements\": [\"Qq\"] }", "elements")]
    [InlineData("{ \"count\": 3, \"required\": [\"C(((\"] }", "required[0]")]
    [InlineData("{ \"count\": 3, \"properties\": { \"mol_weight\": [400, 200] } }", "mol_weight")]
    [InlineData("not json", "JSON")]
    [InlineData("{ \"count\": 3, \"colour\": \"red\" }", "colour: unknown key")] // the design prompt reader's rules
    [InlineData("{ \"count\": 3, \"scaffold\": \"c1ccc(\" }", "scaffold: not valid SMILES")]
    [InlineData("{ \"count\": 3, \"scaffold\": \"C[Si](C)(C)c1ccccc1\" }", "scaffold: ")] // an element the model cannot place
    [InlineData("{ \"count\": 3, \"scoring\": { \"basis\": \"cc-pvqz\" } }", "scoring.basis")]
    public async Task Bad_prompts_are_usage_errors_naming_the_field(string prompt, string field)
    {
        var (code, _, err) = await Run(prompt, "generate", "--prompt", "-", "--model", ShippedModel);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.Contains(field, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_model_is_a_usage_error()
    {
        var (code, _, err) = await Run("", "generate", "--model", "/nonexistent/model.gz");
        Assert.Equal(2, code);
        Assert.Contains("/nonexistent/model.gz", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_generate_reports_json_metrics()
    {
        var (code, output, _) = await Run("", "bench", "generate", "--n", "50", "--json", "--model", ShippedModel);
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(50, root.GetProperty("n").GetInt32());
        Assert.Equal(1.0, root.GetProperty("validity").GetDouble());
        Assert.InRange(root.GetProperty("uniqueness").GetDouble(), 0.5, 1.0);
        Assert.InRange(root.GetProperty("int_div").GetDouble(), 0.5, 1.0);
        Assert.True(root.GetProperty("molecules_per_second").GetDouble() > 0);
        Assert.True(root.GetProperty("sampling_cpu_seconds").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("novelty").ValueKind); // no --reference given
    }
}
