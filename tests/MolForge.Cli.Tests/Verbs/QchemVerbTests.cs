using MolForge.Cli.Tests.Screening;
using System.Text.Json;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Tests.Verbs;

public sealed class QchemVerbTests : IDisposable
{
    private const string Water = CliRunner.WaterXyz;
    private readonly string _dir = Directory.CreateTempSubdirectory("molforge-qchem-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string File(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args) => CliRunner.RunAsync(stdin, args);

    [Fact]
    public async Task Json_has_the_contract_keys_and_casci_energy()
    {
        var (code, output, err) = await Run("", "qchem", File("w.xyz", Water), "--basis", "sto-3g", "--method", "casci", "--active", "4,4", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        foreach (var key in new[] { "n_basis", "n_electrons", "e_nuc", "e_hf", "homo", "lumo", "homo_lumo_gap", "converged", "iterations", "seconds", "e_casci" })
            Assert.True(root.TryGetProperty(key, out _), key);
        Assert.Equal(7, root.GetProperty("n_basis").GetInt32());
        Assert.Equal(10, root.GetProperty("n_electrons").GetInt32());
        Assert.True(root.GetProperty("converged").GetBoolean());
        Assert.True(root.GetProperty("e_casci").GetDouble() < root.GetProperty("e_hf").GetDouble());
        Assert.Equal(root.GetProperty("lumo").GetDouble() - root.GetProperty("homo").GetDouble(), root.GetProperty("homo_lumo_gap").GetDouble(), 1e-12);
    }

    [Fact]
    public async Task Standard_input_sdf_with_charge_and_exports()
    {
        const string sdf = "hydroxide\n  test\n\n  2  1  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 O   0  5  0  0  0  0  0  0  0  0  0  0\n    0.9700    0.0000    0.0000 H   0  0  0  0  0  0  0  0  0  0  0  0\n  1  2  1  0\nM  CHG  1   1  -1\nM  END\n$$$$\n";
        var molden = Path.Combine(_dir, "oh.molden");
        var fcidump = Path.Combine(_dir, "oh.fcidump");
        var (code, output, err) = await Run(sdf, "qchem", "-", "--from", "sdf", "--json", "--active", "2,2", "--molden", molden, "--fcidump", fcidump);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(10, doc.RootElement.GetProperty("n_electrons").GetInt32());
        Assert.Equal(-1, doc.RootElement.GetProperty("charge").GetInt32());
        Assert.StartsWith("[Molden Format]", System.IO.File.ReadAllText(molden), StringComparison.Ordinal);
        Assert.StartsWith(" &FCI NORB=2,NELEC=2", System.IO.File.ReadAllText(fcidump), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Odd_electron_count_is_a_clear_error_with_exit_2()
    {
        var (code, _, err) = await Run("", "qchem", File("nh2.xyz", "3\n\nN 0 0 0\nH 1.0 0 0\nH 0 1.0 0\n"));
        Assert.Equal(2, code);
        Assert.Equal("error: molecule has 9 electrons (charge 0): open-shell systems are not supported; use --charge", err.Trim());
    }

    [Theory]
    [InlineData("--backend must be one of", "--method", "vqe", "--backend", "quantum-annealer")]
    [InlineData("active space (20,10): the molecule has only 10 electrons", "--method", "casci", "--active", "20,10")]
    [InlineData("--active expects NE,NO", "--active", "4")]
    public async Task Unsupported_or_bad_options_exit_2(string message, params string[] extra)
    {
        var (code, _, err) = await Run("", ["qchem", File("w.xyz", Water), .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Smiles_input_gets_a_conformer_and_vqe_reaches_casci()
    {
        var (code, output, err) = await Run("", "qchem", "C=O", "--method", "vqe", "--active", "2,2", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal(16, root.GetProperty("n_electrons").GetInt32());
        Assert.Equal(4, root.GetProperty("n_qubits").GetInt32());
        Assert.True(root.GetProperty("n_pauli_terms").GetInt32() > 0);
        Assert.True(root.GetProperty("vqe_iterations").GetInt32() >= 1);
        Assert.Equal(root.GetProperty("e_casci").GetDouble(), root.GetProperty("e_vqe").GetDouble(), 6);
        Assert.True(root.GetProperty("e_vqe").GetDouble() < root.GetProperty("e_hf").GetDouble());
    }

    [Fact]
    public async Task A_string_that_is_neither_a_file_nor_smiles_is_a_clear_error()
    {
        var (code, _, err) = await Run("", "qchem", "C1CC");
        Assert.Equal(2, code);
        Assert.Contains("neither an .xyz/.sdf file nor valid SMILES: ring bond 1 not closed", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_rhf_prints_json()
    {
        var (code, output, err) = await Run("", "bench", "rhf", File("w.xyz", Water), "--basis", "sto-3g", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(7, doc.RootElement.GetProperty("n_basis").GetInt32());
        Assert.True(doc.RootElement.GetProperty("seconds").GetDouble() > 0);
    }

    private const string H2 = "2\nh2\nH 0 0 0\nH 0 0 0.74\n";

    [Fact]
    public async Task Vqe_json_has_the_convergence_trace()
    {
        var (code, output, err) = await Run("", "qchem", File("h2.xyz", H2), "--method", "vqe", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var trace = root.GetProperty("vqe_convergence").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(root.GetProperty("vqe_iterations").GetInt32() + 1, trace.Length);
        Assert.True(trace[0] <= root.GetProperty("e_hf").GetDouble() + 1e-8, "the MP2 start is below Hartree–Fock");
        Assert.True(trace[0] > trace[^1]);
        Assert.Equal(root.GetProperty("e_vqe").GetDouble(), trace[^1], 12);
    }

    [Fact]
    public async Task Noisy_backend_reports_mitigated_and_unmitigated_energies()
    {
        var (code, output, err) = await Run("", "qchem", File("h2.xyz", H2), "--method", "vqe", "--backend", "noisy", "--shots", "100000",
            "--depolarizing-2q", "0.002", "--readout-error", "0.03", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        foreach (var key in new[] { "e_vqe", "e_vqe_unmitigated", "e_vqe_stderr", "shots", "measurement_groups", "vqe_convergence", "vqe_optimizer" })
            Assert.True(root.TryGetProperty(key, out _), key);
        Assert.Equal("noisy", root.GetProperty("backend").GetString());
        Assert.Equal("all", root.GetProperty("mitigation").GetString());
        Assert.Equal(0.002, root.GetProperty("noise_model").GetProperty("depolarizing_2q").GetDouble());
        Assert.Equal(0.03, root.GetProperty("noise_model").GetProperty("readout_error").GetDouble());
        Assert.Equal(100000, root.GetProperty("shots").GetInt32());
        double exact = root.GetProperty("e_casci").GetDouble();
        double se = root.GetProperty("e_vqe_stderr").GetDouble();
        Assert.True(Math.Abs(root.GetProperty("e_vqe_unmitigated").GetDouble() - exact) - Math.Abs(root.GetProperty("e_vqe").GetDouble() - exact) > 3 * se);
    }

    [Theory]
    [InlineData("noise model: ", "--readout-error", "0.6")]
    [InlineData("noise model: ", "--depolarizing-1q", "-0.1")]
    [InlineData("--mitigation", "--mitigation", "everything")]
    [InlineData("--optimizer", "--optimizer", "adam")]
    public async Task Bad_noise_options_exit_2(string message, params string[] extra)
    {
        var (code, _, err) = await Run("", ["qchem", File("h2.xyz", H2), "--method", "vqe", "--backend", "noisy", .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hardware_backend_from_the_environment_not_configured_then_on_a_loopback_ionq()
    {
        // one test, so that nothing else in this class runs while the process environment holds a key
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MOLFORGE_IONQ_API_KEY")), "the test expects no IonQ key in the environment");
        var (code, output, err) = await Run("", "qchem", File("h2.xyz", H2), "--method", "vqe", "--backend", "hardware", "--shots", "1000");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: hardware backend not configured: set MOLFORGE_IONQ_API_KEY", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);

        using var server = new MolForge.Application.Tests.Hardware.FakeIonQServer();
        try
        {
            Environment.SetEnvironmentVariable("MOLFORGE_IONQ_API_KEY", "test-key");
            Environment.SetEnvironmentVariable("MOLFORGE_IONQ_ENDPOINT", server.Endpoint.AbsoluteUri);
            Environment.SetEnvironmentVariable("MOLFORGE_IONQ_POLL_SECONDS", "0.01");
            (code, output, err) = await Run("", "qchem", File("h2.xyz", H2), "--method", "vqe", "--backend", "hardware", "--shots", "20000", "--json");
            Assert.True(code == 0, err);
            using var doc = JsonDocument.Parse(output);
            var root = doc.RootElement;
            Assert.Equal("hardware", root.GetProperty("backend").GetString());
            Assert.Equal(20000, root.GetProperty("shots").GetInt32());
            Assert.Equal(server.SubmittedBodies.Count, root.GetProperty("measurement_groups").GetInt32());
            double se = root.GetProperty("e_vqe_stderr").GetDouble();
            Assert.True(Math.Abs(root.GetProperty("e_vqe").GetDouble() - root.GetProperty("e_casci").GetDouble()) < 3 * se + 1e-3);

            Environment.SetEnvironmentVariable("MOLFORGE_IONQ_API_KEY", "revoked-key");
            (code, _, err) = await Run("", "qchem", File("h2.xyz", H2), "--method", "vqe", "--backend", "hardware", "--shots", "1000");
            Assert.Equal(2, code);
            Assert.StartsWith("error: hardware backend: IonQ: submitting a job: the API key was refused (HTTP 401", err, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MOLFORGE_IONQ_API_KEY", null);
            Environment.SetEnvironmentVariable("MOLFORGE_IONQ_ENDPOINT", null);
            Environment.SetEnvironmentVariable("MOLFORGE_IONQ_POLL_SECONDS", null);
        }
    }

    [Fact]
    public async Task Text_output_shows_the_vqe_energy_with_its_error_on_sampled_backends()
    {
        var (code, output, err) = await Run("", "qchem", File("h2.xyz", H2), "--method", "vqe", "--backend", "shots", "--shots", "20000");
        Assert.True(code == 0, err);
        var line = output.Split('\n').Single(l => l.StartsWith("E(VQE) ", StringComparison.Ordinal));
        Assert.Contains(" ± ", line, StringComparison.Ordinal);
        Assert.Contains("(shots, 4 qubits", line, StringComparison.Ordinal);
        Assert.Contains("shots            20000 per energy, 5 measurement groups", output, StringComparison.Ordinal);
    }
}
