using BenchmarkDotNet.Attributes;
using MolForge.QChem;
using MolForge.QChem.Basis;
using MolForge.QChem.Integrals;
using MolForge.QChem.Scf;

namespace MolForge.Benchmarks.QChem;

/// <summary>The hot paths of the QChem core on benzene (MMFF geometry): all Schwarz-significant ERIs (the cost of
/// a stored-integral SCF's first step), one direct G build and a whole RHF. Run:
/// dotnet run -c Release --project benchmarks/MolForge.Benchmarks -- --filter '*RhfBenchmarks*'</summary>
[MemoryDiagnoser]
public class RhfBenchmarks
{
    private static readonly int[] Z = [6, 6, 6, 6, 6, 6, 1, 1, 1, 1, 1, 1];
    private static readonly double[] Xyz =
    [
        -1.2007, -0.6932, 0.0, 0.0, -1.3864, 0.0, 1.2007, -0.6932, 0.0, 1.2007, 0.6932, 0.0, 0.0, 1.3864, 0.0, -1.2007, 0.6932, 0.0,
        -2.1361, -1.2333, 0.0, 0.0, -2.4666, 0.0, 2.1361, -1.2333, 0.0, 2.1361, 1.2333, 0.0, 0.0, 2.4666, 0.0, -2.1361, 1.2333, 0.0,
    ];

    private Molecule3D _molecule = null!;
    private BasisSet _basis = null!;
    private FockBuilder _direct = null!;
    private MolForge.QChem.LinearAlgebra.Matrix _density = null!;

    [Params("sto-3g", "6-31g", "6-31g*")]
    public string Basis { get; set; } = "6-31g";

    [GlobalSetup]
    public void Setup()
    {
        _molecule = Molecule3D.FromAngstrom(Z, Xyz, 0);
        _basis = BasisSet.Build(GaussianBasisFile.Load(Basis), _molecule.AtomicNumbers, _molecule.Coordinates);
        _direct = new FockBuilder(_basis, 1e-12, 0);
        _density = RhfSolver.Run(_molecule, _basis).Density;
    }

    [Benchmark(Description = "all ERIs + PK supermatrix")]
    public int StoredIntegrals() => new FockBuilder(_basis, 1e-12, 1L << 30).SignificantPairs;

    [Benchmark(Description = "direct G(D) build")]
    public double DirectFockBuild() => _direct.Build(_density)[0, 0];

    [Benchmark(Description = "RHF (SAD guess, DIIS)")]
    public double Rhf() => RhfSolver.Run(_molecule, _basis).Energy;
}
