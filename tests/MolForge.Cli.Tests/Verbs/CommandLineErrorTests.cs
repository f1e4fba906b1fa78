using MolForge.Cli.Tests.Screening;

namespace MolForge.Cli.Tests.Verbs;

/// <summary>A command line the parser cannot read is bad usage: exit code 2 (the contract keeps 1 for invalid input
/// lines), with the parser's message on stderr and nothing on stdout but help.</summary>
public class CommandLineErrorTests
{
    [Theory]
    [InlineData("Required argument missing", "jobs", "delete")]
    [InlineData("Unrecognized command or argument '--no-such-flag'", "canon", "-", "--no-such-flag")]
    [InlineData("Unrecognized command or argument 'frobnicate'", "frobnicate")]
    [InlineData("Cannot parse argument 'many'", "qchem", "O", "--shots", "many")]
    public async Task Unparsable_command_lines_exit_2_with_the_parsers_message(string message, params string[] args)
    {
        var (code, _, err) = await CliRunner.RunAsync("", args);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_not_an_error()
    {
        var (code, output, _) = await CliRunner.RunAsync("", ["canon", "--help"]);
        Assert.Equal(0, code);
        Assert.Contains("--kekule", output, StringComparison.Ordinal);
    }
}
