using MolForge.Application.Design;

namespace MolForge.Application.Tests.Design;

public sealed class ChemStructureCheckerTests
{
    private readonly ChemStructureChecker _checker = new();

    [Theory]
    [InlineData("c1ccc2[nH]ccc2c1")]
    [InlineData("[#6]1:[#6]:[#6]:[#6]:[#6]:[#6]:1")]
    public void Valid_scaffolds_pass(string scaffold) => Assert.Null(_checker.CheckScaffold(scaffold));

    [Fact]
    public void A_bad_scaffold_is_named_with_the_smiles_reason()
    {
        var reason = _checker.CheckScaffold("c1ccc(");
        Assert.NotNull(reason);
        Assert.Contains("not valid SMILES", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_smarts_in_a_prompt_are_reported_per_field()
    {
        var ex = Assert.Throws<DesignPromptException>(() =>
            DesignPromptReader.Parse("""{"count": 2, "required": ["C(=O)N"], "forbidden": ["[N+](=O", "[SH]"]}""", checker: _checker));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("forbidden[0]", error.Field);
    }
}
