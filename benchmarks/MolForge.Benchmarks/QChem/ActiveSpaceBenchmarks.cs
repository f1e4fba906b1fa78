using System.Globalization;
using BenchmarkDotNet.Attributes;
using MolForge.QChem;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Basis;
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

    private static Molecule3D LoadXyz(string path)
    {
        var lines = File.ReadAllLines(path);
        var n = int.Parse(lines[0].Trim(), CultureInfo.InvariantCulture);
        var z = new int[n];
        var xyz = new double[3 * n];
        for (var i = 0; i < n; i++)
        {
            var p = lines[2 + i].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            z[i] = ElementTable.AtomicNumber(p[0]);
            for (var k = 0; k < 3; k++) xyz[3 * i + k] = double.Parse(p[1 + k], CultureInfo.InvariantCulture);
        }
        return Molecule3D.FromAngstrom(z, xyz, 0);
    }
}
