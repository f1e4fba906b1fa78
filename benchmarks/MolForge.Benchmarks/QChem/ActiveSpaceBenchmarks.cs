using BenchmarkDotNet.Attributes;
using MolForge.Chem.Formats;
using MolForge.QChem;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Scf;

namespace MolForge.Benchmarks.QChem;

/// <summary>The active-space step of the design pipeline on caffeine (STO-3G, 80 functions, the test suite's geometry):
/// the supermatrix read-back (what a stored-integral SCF uses) and the direct shell-quartet transform (what a direct
/// SCF uses), for (2,2), (4,4), (6,6). Run:
/// dotnet run -c Release --project benchmarks/MolForge.Benchmarks -- --filter '*ActiveSpaceBenchmarks*'</summary>
[MemoryDiagnoser]
public class ActiveSpaceBenchmarks
{
    private ScfResult _scf = null!;

    [Params(2, 4, 6)]
    public int Active { get; set; } = 2;

    [GlobalSetup]
    public void Setup() => _scf = RhfSolver.Run(LoadXyz(FindRepoFile("tests/MolForge.QChem.Tests/References/geometries/caffeine.xyz")), "sto-3g");

    [Benchmark(Description = "active space from the PK supermatrix")]
    public double Supermatrix() => ActiveSpaceBuilder.Build(_scf, Active, Active, ActiveTransformPath.Supermatrix).CoreEnergy;

    [Benchmark(Description = "active space by direct shell-quartet transform")]
    public double Direct() => ActiveSpaceBuilder.Build(_scf, Active, Active, ActiveTransformPath.Direct).CoreEnergy;

    private static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("run the benchmark from inside the repository", relative);
    }

    /// <summary>The geometry through MolForge.Chem's XYZ reader (the one the CLI and pipeline use).</summary>
    private static Molecule3D LoadXyz(string path)
    {
        using var reader = File.OpenText(path);
        var molecule = XyzFormat.Read(reader).Single().Molecule ?? throw new InvalidDataException($"{path}: not a valid XYZ file");
        var z = new int[molecule.AtomCount];
        var xyz = new double[3 * molecule.AtomCount];
        for (var i = 0; i < molecule.AtomCount; i++)
        {
            z[i] = molecule.Atoms[i].AtomicNumber;
            var p = molecule.Conformer![i];
            (xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]) = (p.X, p.Y, p.Z);
        }
        return Molecule3D.FromAngstrom(z, xyz, 0);
    }
}
