using System.Text.Json;
using MolForge.Cli.Tests.Screening;

namespace MolForge.Cli.Tests.Bench;

public sealed class Mp2BenchmarkTests
{
    [Fact]
    public async Task Bench_mp2_reports_the_sizes_energy_and_time()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("molforge-bench-mp2-").FullName, "water.xyz");
        await File.WriteAllTextAsync(path, CliRunner.WaterXyz);
        var (code, output, err) = await CliRunner.RunAsync("bench", "mp2", path, "--basis", "sto-3g", "--frozen-core", "1", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(7, root.GetProperty("n_basis").GetInt32());
        Assert.Equal(4, root.GetProperty("n_occupied").GetInt32());
        Assert.Equal(2, root.GetProperty("n_virtual").GetInt32());
        Assert.InRange(root.GetProperty("e_mp2_correlation").GetDouble(), -0.06, -0.02);
        Assert.True(root.GetProperty("seconds").GetDouble() >= 0);
    }
}
