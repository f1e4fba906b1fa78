using BenchmarkDotNet.Attributes;
using MolForge.Chem.Conformers;
using MolForge.Chem.ForceFields;
using MolForge.Chem.ForceFields.Mmff;
using MolForge.Chem.Smiles;

namespace MolForge.Benchmarks.Chem;

/// <summary>Conformer generation (ETKDG-style DG + MMFF94) and one MMFF94 energy+gradient evaluation for a
/// drug-like molecule (61 atoms with hydrogens). RDKit side by side: tools/references/bench_conformers.py.</summary>
[MemoryDiagnoser]
public class ConformerBenchmarks
{
    private const string Smiles = "CCOC(=O)[C@@H]1CCCN(C(=O)c2nc(-c3ccc(C)cc3)n3c2CCCCC3)C1";
    private MolForge.Chem.Core.Molecule _input = null!;
    private MmffForceField _ff = null!;
    private double[] _x = [];
    private double[] _g = [];

    [GlobalSetup]
    public void Setup()
    {
        _input = SmilesReader.Parse(Smiles);
        var conf = ConformerGenerator.Generate(_input, new ConformerOptions(Minimize: false))[0].Molecule;
        _ff = MmffForceField.Create(conf);
        _x = new double[3 * conf.AtomCount];
        for (var i = 0; i < conf.AtomCount; i++)
        {
            _x[3 * i] = conf.Conformer![i].X;
            _x[(3 * i) + 1] = conf.Conformer[i].Y;
            _x[(3 * i) + 2] = conf.Conformer[i].Z;
        }
        _g = new double[_x.Length];
    }

    [Benchmark]
    public double MmffEnergyAndGradient() => _ff.EnergyAndGradient(_x, _g);

    [Benchmark]
    public MmffForceField MmffSetup() => MmffForceField.Create(ExplicitHydrogens.Add(ExplicitHydrogens.Kekulize(_input)));

    [Benchmark]
    public double ConformerWithMmff() => ConformerGenerator.Generate(_input, new ConformerOptions(Seed: 42))[0].Energy;

    [Benchmark]
    public int EmbedOnly() => ConformerGenerator.Generate(_input, new ConformerOptions(Seed: 42, Minimize: false))[0].Molecule.AtomCount;

    [Benchmark]
    public double MinimiseFromEmbedding()
    {
        var x = (double[])_x.Clone();
        return Lbfgs.Minimize(_ff, x, new LbfgsOptions(MaxIterations: 10000, GradientTolerance: 2e-4, History: 32)).Energy;
    }
}
