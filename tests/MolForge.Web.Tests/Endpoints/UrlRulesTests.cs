using MolForge.Application.Export;
using MolForge.Application.Storage;
using MolForge.Web.Account;
using MolForge.Web.Endpoints;

namespace MolForge.Web.Tests.Endpoints;

public sealed class UrlRulesTests
{
    [Theory]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/runs", "/runs")]
    [InlineData("/design?run=1", "/design?run=1")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("runs", "/")]
    public void Return_urls_stay_on_this_site(string? input, string expected) => Assert.Equal(expected, AccountEndpoints.SafeReturnUrl(input));

    [Theory]
    [InlineData("sdf", ExportFormat.Sdf)]
    [InlineData("SDF", ExportFormat.Sdf)]
    [InlineData("smi", ExportFormat.Smiles)]
    [InlineData("smiles", ExportFormat.Smiles)]
    [InlineData("csv", ExportFormat.Csv)]
    public void Export_formats_are_read_from_the_url(string text, ExportFormat expected) => Assert.Equal(expected, ExportEndpoints.ParseFormat(text));

    [Theory]
    [InlineData("xlsx")]
    [InlineData("")]
    [InlineData("../sdf")]
    public void Unknown_export_formats_are_refused(string text) => Assert.Null(ExportEndpoints.ParseFormat(text));

    [Fact]
    public void File_names_keep_only_safe_characters()
    {
        var run = new DesignRun { Id = Guid.Parse("0123456789abcdef0123456789abcdef"), Title = "c1ccc2[nH]ccc2c1 × 20 / \"test\"" };
        Assert.Equal("molforge-c1ccc2-nh-ccc2c1-20-test-01234567", ExportEndpoints.FileStem(run));
    }
}
