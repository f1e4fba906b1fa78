using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using MolForge.Chem.Core;
using MolForge.Chem.Descriptors;
using MolForge.Chem.Fingerprints;
using MolForge.Chem.Smarts;
using MolForge.Chem.Smiles;
using MolForge.Chem.Substructure;

namespace MolForge.Benchmarks.Chem;

/// <summary>Descriptors, fingerprints and SMARTS search over 500 ZINC250k molecules (every 499th row).
/// Run: dotnet run -c Release --project benchmarks/MolForge.Benchmarks -- --filter '*DescriptorBenchmarks*'</summary>
[MemoryDiagnoser]
public class DescriptorBenchmarks
{
    private Molecule[] _molecules = [];
    private SmartsQuery _amide = null!;
    private SmartsQuery _pains = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = "/work/shared/data/zinc250k.csv.gz";
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        reader.ReadLine();
        var list = new List<Molecule>();
        var row = 0;
        while (reader.ReadLine() is { } line && list.Count < 500)
        {
            if (row++ % 499 != 0) continue;
            var smiles = line.StartsWith('"') ? line[1..line.IndexOf('"', 1)] : line[..line.IndexOf(',')];
            if (SmilesReader.TryParse(smiles.Trim(), out var m, out _)) list.Add(m);
        }
        _molecules = [.. list];
        _amide = SmartsQuery.Parse("C(=O)[NX3;H1,H2]");
        _pains = SmartsQuery.Parse("[#6]-2-[#6]-c:1:c(:c:c:c:c:1)-[#6](-c:3:c:c:c:c:c-2:3)=[#6]-[#6]");
    }

    /// <summary>All describe columns (Crippen, TPSA, Lipinski, QED...).</summary>
    [Benchmark(Baseline = true)]
    public double AllDescriptors()
    {
        var s = 0.0;
        foreach (var m in _molecules) s += MolecularDescriptors.Compute(m).Qed;
        return s;
    }

    /// <summary>Crippen logP with atom typing by 110 SMARTS.</summary>
    [Benchmark]
    public double CrippenLogP()
    {
        var s = 0.0;
        foreach (var m in _molecules) s += Crippen.Contributions(m, m.RingInfo).LogP;
        return s;
    }

    /// <summary>Morgan radius 2, 2048 bits.</summary>
    [Benchmark]
    public int Morgan2048()
    {
        var s = 0;
        foreach (var m in _molecules) s += MorganFingerprint.Bits(m, m.RingInfo).Count;
        return s;
    }

    /// <summary>Unique matches of a small pattern.</summary>
    [Benchmark]
    public int SubstructureAmideCount()
    {
        var s = 0;
        foreach (var m in _molecules) s += SubstructureMatcher.CountMatches(_amide, new SubstructureTarget(m, m.RingInfo));
        return s;
    }

    /// <summary>Has-match of a 16-atom PAINS pattern (styrene_A).</summary>
    [Benchmark]
    public int SubstructurePainsHasMatch()
    {
        var s = 0;
        foreach (var m in _molecules)
            if (SubstructureMatcher.HasMatch(_pains, new SubstructureTarget(m, m.RingInfo))) s++;
        return s;
    }
}
