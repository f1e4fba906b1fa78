using MolForge.Application.Design;

namespace MolForge.Application.Tests.Design;

public sealed class DesignPromptReaderTests
{
    private const string ContractExample = """
        { "scaffold": "c1ccc2[nH]ccc2c1", "count": 20, "seed": 7,
          "properties": { "mol_weight": [250, 400], "clogp": [1, 4], "qed": [0.5, 1.0], "homo_lumo_gap": [0.25, 0.6] },
          "required": ["C(=O)N"], "forbidden": ["[N+](=O)[O-]", "[SH]"], "elements": ["C","H","N","O","F","S","Cl"],
          "scoring": { "basis": "sto-3g", "active": [2, 2], "backend": "statevector" } }
        """;

    [Fact]
    public void Reads_the_contract_example()
    {
        var prompt = DesignPromptReader.Parse(ContractExample);
        Assert.Equal(20, prompt.Count);
        Assert.Equal(7, prompt.Seed);
        Assert.Equal("c1ccc2[nH]ccc2c1", prompt.Scaffold);
        Assert.Equal(new PropertyRange(250, 400), prompt.Properties["mol_weight"]);
        Assert.Equal(new PropertyRange(0.25, 0.6), prompt.Properties["homo_lumo_gap"]);
        Assert.Equal(["C(=O)N"], prompt.Required);
        Assert.Equal(2, prompt.Forbidden.Count);
        Assert.Contains("Cl", prompt.Elements);
        Assert.Equal("sto-3g", prompt.Scoring.Basis);
        Assert.Equal((2, 2), (prompt.Scoring.ActiveElectrons, prompt.Scoring.ActiveOrbitals));
    }

    [Fact]
    public void Only_count_is_required()
    {
        var prompt = DesignPromptReader.Parse("""{"count": 3}""");
        Assert.Equal(3, prompt.Count);
        Assert.Null(prompt.Scaffold);
        Assert.Empty(prompt.Properties);
        Assert.Equal(new ScoringSettings(), prompt.Scoring);
    }

    [Theory]
    [InlineData("""{"count": 0}""", "count: must be between 1 and 500")]
    [InlineData("""{"count": 10000}""", "count: must be between 1 and 500")]
    [InlineData("""{}""", "count: is required")]
    [InlineData("""{"count": 5, "properties": {"clogp": [4, 1]}}""", "properties.clogp: range is inverted")]
    [InlineData("""{"count": 5, "properties": {"colour": [1, 2]}}""", "properties.colour: unknown property")]
    [InlineData("""{"count": 5, "properties": {"qed": [1]}}""", "properties.qed: must be [min, max]")]
    [InlineData("""{"count": 5, "elements": ["C", "Xx"]}""", "elements[1]: unknown element 'Xx'")]
    [InlineData("""{"count": 5, "scoring": {"basis": "cc-pvdz"}}""", "scoring.basis: 'cc-pvdz' is not one of")]
    [InlineData("""{"count": 5, "scoring": {"active": [3, 2]}}""", "scoring.active: electrons must be even")]
    [InlineData("""{"count": 5, "scoring": {"active": [6, 2]}}""", "do not fit in 2 orbitals")]
    [InlineData("""{"count": 5, "colour": "red"}""", "colour: unknown key")]
    [InlineData("""{"count": 5,""", "not valid JSON")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    public void Problems_name_their_field(string json, string expected)
    {
        var ex = Assert.Throws<DesignPromptException>(() => DesignPromptReader.Parse(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var ex = Assert.Throws<DesignPromptException>(() => DesignPromptReader.Parse("""{"count": -1, "properties": {"qed": [0.9, 0.1]}, "elements": ["Qq"]}"""));
        Assert.Equal(3, ex.Errors.Count);
    }

    [Fact]
    public void Structure_checker_failures_name_the_pattern()
    {
        var checker = new RejectingChecker();
        var ex = Assert.Throws<DesignPromptException>(() => DesignPromptReader.Parse("""{"count": 1, "scaffold": "c1cc", "forbidden": ["[N+"]}""", checker: checker));
        Assert.Contains(ex.Errors, e => e.Field == "scaffold" && e.Message == "bad scaffold");
        Assert.Contains(ex.Errors, e => e.Field == "forbidden[0]" && e.Message.Contains("[N+", StringComparison.Ordinal));
    }

    private sealed class RejectingChecker : IStructureChecker
    {
        public string? CheckScaffold(string scaffold) => "bad scaffold";
        public string? CheckSmarts(string smarts) => "bad smarts";
    }
}
