using MolForge.Cli.Tests.Screening;
using System.Text.Json;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Tests.Bench;

public class StateVectorBenchmarkTests
{
    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRunner.RunAsync("", args);

    [Fact]
    public async Task Json_has_the_contract_fields()
    {
        var (code, output, err) = await Run("bench", "statevector", "--qubits", "12", "--seconds", "0.05", "--json");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(12, root.GetProperty("qubits").GetInt32());
        Assert.True(root.GetProperty("seconds_per_gate").GetDouble() > 0);
        Assert.True(root.GetProperty("gate_gb_per_s").GetDouble() > 0);
        Assert.True(root.GetProperty("copy_gb_per_s").GetDouble() > 0);
        Assert.True(root.GetProperty("gates").GetInt32() >= 12);
    }

    [Fact]
    public async Task A_register_beyond_memory_is_refused_with_the_bytes_needed()
    {
        var (code, output, err) = await Run("bench", "statevector", "--qubits", "45", "--json");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("562,949,953,421,312 bytes", err, StringComparison.Ordinal); // 16·2^45
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
