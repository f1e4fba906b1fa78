using System.Text.Json;
using MolForge.Cli.Tests.Screening;

namespace MolForge.Cli.Tests.Verbs;

/// <summary>`qchem --method mp2`, `--frozen-core` and `--orbitals canonical|mp2` (qchem, export-hamiltonian).</summary>
public sealed class QchemMp2Tests : IDisposable
{
    // The water geometry of tests/MolForge.QChem.Tests/References (RDKit ETKDG + MMFF94), whose Psi4 1.3.2 MP2
    // (mp2_type conv, scf_type pk) energies are in psi4_mp2_references.json there.
    private const string ReferenceWater = "3\nwater\nO 0.00754405 0.39774343 0.00000000\nH -0.76710314 -0.18439316 0.00000000\nH 0.75955908 -0.21335027 0.00000000\n";
    private const double Psi4Sto3gCorrelation = -0.03655190157520849;
    private const double Psi4Sto3gFrozenCoreCorrelation = -0.03645316802877119;
    private const double Psi4631gsCorrelation = -0.18947212083804743;

    private readonly string _dir = Directory.CreateTempSubdirectory("molforge-mp2-").FullName;
    private readonly string _water;

    public QchemMp2Tests()
    {
        _water = Path.Combine(_dir, "water.xyz");
        File.WriteAllText(_water, ReferenceWater);
    }

    public void Dispose() => Directory.Delete(_dir, true);

    private static async Task<JsonElement> Json(params string[] args)
    {
        var (code, output, err) = await CliRunner.RunAsync("", args);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    [Theory]
    [InlineData("sto-3g", 0, Psi4Sto3gCorrelation)]
    [InlineData("sto-3g", 1, Psi4Sto3gFrozenCoreCorrelation)]
    [InlineData("6-31g*", 0, Psi4631gsCorrelation)]
    public async Task Mp2_energies_match_psi4(string basis, int frozen, double expected)
    {
        var root = await Json("qchem", _water, "--basis", basis, "--method", "mp2", "--frozen-core", frozen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.Equal("mp2", root.GetProperty("method").GetString());
        Assert.Equal(expected, root.GetProperty("e_mp2_correlation").GetDouble(), 1e-7);
        Assert.Equal(root.GetProperty("e_hf").GetDouble() + root.GetProperty("e_mp2_correlation").GetDouble(), root.GetProperty("e_mp2").GetDouble(), 1e-12);
        Assert.Equal(frozen, root.GetProperty("mp2_frozen_core").GetInt32());
        Assert.False(root.TryGetProperty("active_space", out _));
    }

    [Fact]
    public async Task Text_output_prints_the_mp2_energy()
    {
        var (code, output, err) = await CliRunner.RunAsync("qchem", _water, "--method", "mp2");
        Assert.True(code == 0, err);
        var line = output.Split('\n').Single(l => l.StartsWith("E(MP2)", StringComparison.Ordinal));
        Assert.Contains("correlation -0.03655", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orbitals_option_switches_the_active_space_and_is_reported()
    {
        var canonical = await Json("qchem", _water, "--method", "casci", "--active", "4,4", "--json");
        var natural = await Json("qchem", _water, "--method", "casci", "--active", "4,4", "--orbitals", "mp2", "--json");
        Assert.Equal("canonical", canonical.GetProperty("active_orbitals").GetString());
        Assert.Equal("mp2", natural.GetProperty("active_orbitals").GetString());
        Assert.False(canonical.TryGetProperty("e_mp2", out _));
        Assert.True(natural.TryGetProperty("e_mp2", out _));
        var occupations = natural.GetProperty("active_occupations").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(4, occupations.Length);
        Assert.True(occupations[0] > 1.9 && occupations[3] < 0.1 && occupations[1] >= occupations[2]);
        double eCan = canonical.GetProperty("e_casci").GetDouble(), eNo = natural.GetProperty("e_casci").GetDouble(), eHf = natural.GetProperty("e_hf").GetDouble();
        Assert.True(eCan < eHf && eNo < eHf);
        Assert.NotEqual(eCan, eNo, 6);
        // all orbitals active: full CI, the same in any orbitals
        var fullCan = await Json("qchem", _water, "--method", "casci", "--active", "10,7", "--json");
        var fullNo = await Json("qchem", _water, "--method", "casci", "--active", "10,7", "--orbitals", "mp2", "--json");
        Assert.Equal(fullCan.GetProperty("e_casci").GetDouble(), fullNo.GetProperty("e_casci").GetDouble(), 1e-7);
    }

    [Fact]
    public async Task Export_hamiltonian_accepts_the_orbitals_option()
    {
        var canonical = await Json("export-hamiltonian", _water, "--format", "qubit-json", "--active", "2,2");
        var natural = await Json("export-hamiltonian", _water, "--format", "qubit-json", "--active", "2,2", "--orbitals", "mp2");
        Assert.Equal("canonical", canonical.GetProperty("active_orbitals").GetString());
        Assert.Equal("mp2", natural.GetProperty("active_orbitals").GetString());
        // the HF determinant is the same in natural orbitals (occupied ones are rotations of the RHF ones)
        Assert.Equal(canonical.GetProperty("e_hf").GetDouble(), natural.GetProperty("e_hf").GetDouble(), 1e-12);
        Assert.NotEqual(canonical.GetProperty("e_core").GetDouble(), natural.GetProperty("e_core").GetDouble(), 6);
    }

    [Theory]
    [InlineData("--orbitals must be one of canonical, mp2, got 'natural'", "--method", "casci", "--orbitals", "natural")]
    [InlineData("MP2 frozen core 5: must be between 0 and 4", "--method", "mp2", "--frozen-core", "5")]
    [InlineData("--frozen-core must be 0 or more", "--method", "mp2", "--frozen-core", "-1")]
    [InlineData("active space (20,10): the molecule has only 10 electrons", "--method", "casci", "--active", "20,10", "--orbitals", "mp2")]
    public async Task Bad_mp2_options_exit_2_with_a_message(string message, params string[] extra)
    {
        var (code, _, err) = await CliRunner.RunAsync("", ["qchem", _water, .. extra]);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }
}
