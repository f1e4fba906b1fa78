namespace MolForge.Cli.Tests.Screening;

/// <summary>`screen --orbitals canonical|mp2`: checked, stored with the job's settings and compared on resume.</summary>
public sealed class ScreenOrbitalsTests
{
    [Fact]
    public async Task Orbitals_are_checked_and_part_of_the_job_settings()
    {
        var db = ScreeningInputs.Db();
        var input = ScreeningInputs.File("in.smi", "CCO a\nC=O b\n");
        var bad = await CliRunner.RunAsync("screen", input, "--job", "o", "--db", db, "--method", "huckel", "--orbitals", "natural");
        Assert.Equal(2, bad.Code);
        Assert.Contains("unknown orbitals 'natural' (expected canonical, mp2)", bad.Err, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRunner.RunAsync("screen", input, "--job", "o", "--db", db, "--method", "huckel", "--orbitals", "mp2")).Code);
        var same = await CliRunner.RunAsync("screen", input, "--job", "o", "--db", db, "--method", "huckel", "--orbitals", "MP2");
        Assert.Equal(0, same.Code);
        var other = await CliRunner.RunAsync("screen", input, "--job", "o", "--db", db, "--method", "huckel");
        Assert.Equal(2, other.Code);
        Assert.Contains("exists with other settings", other.Err, StringComparison.Ordinal);
    }
}
