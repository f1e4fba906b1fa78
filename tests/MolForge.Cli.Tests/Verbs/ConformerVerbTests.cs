using MolForge.Cli.Tests.Screening;
using MolForge.Chem.Core;
using MolForge.Chem.Formats;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Tests.Verbs;

public class ConformerVerbTests
{
    private static Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args) => CliRunner.RunAsync(stdin, args);

    private static List<Molecule> ReadSdf(string text) =>
        new SdfReader(new StringReader(text)) { RemoveHydrogens = false }.ReadAll().Select(r => r.Molecule!).ToList();

    [Fact]
    public async Task Writes_one_3d_record_per_valid_input_with_hydrogens_and_name()
    {
        var (code, sdf, err) = await Run("CCO ethanol\nC[C@H](N)C(=O)O alanine\n", "conformer", "-");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        var mols = ReadSdf(sdf);
        Assert.Equal(2, mols.Count);
        Assert.Equal("ethanol", mols[0].Name);
        Assert.Equal("alanine", mols[1].Name);
        Assert.Equal(9, mols[0].AtomCount);
        Assert.Equal(13, mols[1].AtomCount);
        Assert.True(mols[0].Conformer!.Is3D);
        Assert.Contains("mmff94_energy", mols[0].Properties.Keys);
        var header = sdf.Split('\n')[1];
        Assert.Contains("3D", header, StringComparison.Ordinal);
        // The chiral centre read back from the 3D coordinates is the input's (@ = counter-clockwise).
        Assert.Equal(ChiralTag.CounterClockwise, mols[1].GetAtom(1).Chirality);
    }

    [Fact]
    public async Task Invalid_lines_are_reported_and_the_rest_written()
    {
        var (code, sdf, err) = await Run("CCO\nC1CC broken\nN ammonia\n", "conformer", "-");
        Assert.Equal(1, code);
        Assert.StartsWith("line 2: ", err, StringComparison.Ordinal);
        Assert.Equal(2, ReadSdf(sdf).Count);
    }

    [Fact]
    public async Task Seed_makes_output_reproducible_and_conformers_flag_gives_several()
    {
        var (_, a, _) = await Run("CCCCOC(=O)c1ccccc1\n", "conformer", "-", "--seed", "5");
        var (_, b, _) = await Run("CCCCOC(=O)c1ccccc1\n", "conformer", "-", "--seed", "5");
        Assert.Equal(a, b);
        var (code, many, _) = await Run("CCCCOC(=O)c1ccccc1 ester\n", "conformer", "-", "--conformers", "4", "--seed", "5");
        Assert.Equal(0, code);
        var mols = ReadSdf(many);
        Assert.InRange(mols.Count, 2, 4);
        Assert.All(mols, m => Assert.Equal("ester", m.Name));
        var energies = mols.Select(m => double.Parse(m.Properties["mmff94_energy"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(energies.OrderBy(e => e).ToList(), energies);
    }

    [Fact]
    public async Task Bad_usage_is_exit_code_2()
    {
        var (code, _, err) = await Run("CCO\n", "conformer", "-", "--conformers", "0");
        Assert.Equal(2, code);
        Assert.StartsWith("error:", err, StringComparison.Ordinal);
        var (code2, _, err2) = await Run("", "conformer", "/nonexistent/file.smi");
        Assert.Equal(2, code2);
        Assert.Contains("not found", err2, StringComparison.Ordinal);
    }
}
