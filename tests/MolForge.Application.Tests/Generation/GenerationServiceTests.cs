using MolForge.Application.Design;
using MolForge.Application.Generation;
using MolForge.Chem.Smarts;
using MolForge.Chem.Smiles;
using MolForge.Chem.Substructure;
using MolForge.Generation.Model;

namespace MolForge.Application.Tests.Generation;

/// <summary>The generation use case on the shipped model, with prompts read by <see cref="DesignPromptReader"/>.</summary>
public sealed class GenerationServiceTests
{
    private static readonly Lazy<GraphGenerator> Model = new(() => GraphGenerator.Load(GenerationFiles.DefaultModelPath()));

    // The example prompt of shared/CLI.md.
    private const string CliExample = """
        { "scaffold": "c1ccc2[nH]ccc2c1", "count": 20, "seed": 7,
          "properties": { "mol_weight": [250, 400], "clogp": [1, 4], "qed": [0.5, 1.0], "homo_lumo_gap": [0.25, 0.6] },
          "required": ["C(=O)N"], "forbidden": ["[N+](=O)[O-]", "[SH]"], "elements": ["C","H","N","O","F","S","Cl"],
          "scoring": { "basis": "sto-3g", "active": [2, 2], "backend": "statevector" } }
        """;

    private static GenerationConstraints Read(string json) =>
        GenerationConstraints.From(DesignPromptReader.Parse(json, checker: new ChemStructureChecker()));

    [Fact]
    public void Constraints_map_the_design_prompt_keeping_what_the_generator_uses()
    {
        var c = Read(CliExample);
        Assert.Equal("c1ccc2[nH]ccc2c1", c.Scaffold);
        Assert.Equal(20, c.Count);
        Assert.Equal(7, c.Seed);
        Assert.Equal(["clogp", "mol_weight", "qed"], c.Properties.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new PropertyRange(250, 400), c.Properties["mol_weight"]);
        Assert.Equal(["C(=O)N"], c.Required);
        Assert.Equal(["[N+](=O)[O-]", "[SH]"], c.Forbidden);
        Assert.Equal(["C", "H", "N", "O", "F", "S", "Cl"], c.Elements!);
        var bare = Read("""{ "count": 3 }""");
        Assert.Null(bare.Elements); // empty = any element the model places
        Assert.Null(bare.Scaffold);
        Assert.Empty(bare.Properties);
    }

    [Theory]
    [InlineData("C[Si](C)(C)c1ccccc1", null, "scaffold")] // an element the generator cannot place
    [InlineData("c1ccccc1Cl", "[\"C\",\"H\"]", "scaffold")] // a scaffold atom outside the allowed elements
    [InlineData(null, "[\"He\"]", "elements")] // the model places none of these
    public void Prompts_the_generator_cannot_serve_name_the_field(string? scaffold, string? elements, string field)
    {
        var json = "{ \"count\": 2" + (scaffold is null ? "" : $", \"scaffold\": \"{scaffold}\"") + (elements is null ? "" : $", \"elements\": {elements}") + " }";
        var c = Read(json);
        var e = Assert.Throws<DesignPromptException>(() => GenerationService.Generate(Model.Value, c, TimeSpan.FromSeconds(30)));
        Assert.Equal(field, Assert.Single(e.Errors).Field);
    }

    [Fact]
    public void Benzamide_scaffold_is_grown_and_kept()
    {
        // The scaffold whose exocyclic C=O exposed the replay defect (issue 7).
        var r = GenerationService.Generate(Model.Value, Read("""{ "scaffold": "NC(=O)c1ccccc1", "count": 20, "seed": 3 }"""), TimeSpan.FromMinutes(2));
        Assert.Equal(20, r.Candidates.Count);
        Assert.Equal(0, r.Invalid);
        var query = SmartsQuery.Parse(MoleculeGraphs.ScaffoldSmarts(SmilesReader.Parse("NC(=O)c1ccccc1")));
        foreach (var c in r.Candidates) Assert.True(SubstructureMatcher.HasMatch(query, SmilesReader.Parse(c.Smiles)), c.Smiles);
    }

    [Fact]
    public void Scaffold_given_as_smarts_filters_the_samples()
    {
        // Not SMILES (atom numbers, any bond): the generator cannot start from it, so it samples freely and keeps
        // only molecules that contain it.
        const string smarts = "[#6]1:[#6]:[#6]:[#6]:[#6]:[#6]:1~[#6](=[#8])~[#7]";
        Assert.False(SmilesReader.TryParse(smarts, out _, out _));
        var r = GenerationService.Generate(Model.Value, Read($$"""{ "scaffold": "{{smarts}}", "count": 5, "seed": 4 }"""), TimeSpan.FromMinutes(2));
        Assert.Equal(5, r.Candidates.Count);
        Assert.True(r.Rejected > 0); // filtered, not grown
        var query = SmartsQuery.Parse(smarts);
        foreach (var c in r.Candidates) Assert.True(SubstructureMatcher.HasMatch(query, SmilesReader.Parse(c.Smiles)), c.Smiles);
    }
}
