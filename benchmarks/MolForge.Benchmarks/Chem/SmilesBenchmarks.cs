using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using MolForge.Chem.Canonical;
using MolForge.Chem.Core;
using MolForge.Chem.Smiles;

namespace MolForge.Benchmarks.Chem;

/// <summary>Parse, sanitise and canonicalise the shipped 2,400 ZINC SMILES (data/bench/canon_zinc_2400.smi.gz).
/// Compare with RDKit in the same session: tools/references/check_canon_with_rdkit.py and the figures in the report.</summary>
[MemoryDiagnoser]
public class SmilesBenchmarks
{
    private string[] _smiles = [];
    private Molecule[] _molecules = [];

    [GlobalSetup]
    public void Setup()
    {
        var dir = AppContext.BaseDirectory;
        string? path = null;
        for (var d = new DirectoryInfo(dir); d is not null && path is null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "data", "bench", "canon_zinc_2400.smi.gz");
            if (File.Exists(candidate)) path = candidate;
        }
        if (path is null) throw new FileNotFoundException("data/bench/canon_zinc_2400.smi.gz not found above " + dir);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var list = new List<string>();
        while (reader.ReadLine() is { } line) if (line.Length > 0) list.Add(line);
        _smiles = [.. list];
        _molecules = _smiles.Select(s => SmilesReader.Parse(s)).ToArray();
    }

    /// <summary>Parse + sanitise (RDKit's MolFromSmiles).</summary>
    [Benchmark(OperationsPerInvoke = 2400)]
    public int Parse()
    {
        var atoms = 0;
        foreach (var s in _smiles) atoms += SmilesReader.Parse(s).AtomCount;
        return atoms;
    }

    /// <summary>Canonical ranking only.</summary>
    [Benchmark(OperationsPerInvoke = 2400)]
    public int Rank()
    {
        var x = 0;
        foreach (var m in _molecules) x += AtomRanker.CanonicalRanks(m)[0];
        return x;
    }

    /// <summary>Canonical isomeric SMILES writing (ranking included; RDKit's MolToSmiles).</summary>
    [Benchmark(OperationsPerInvoke = 2400)]
    public int Write()
    {
        var length = 0;
        foreach (var m in _molecules) length += SmilesWriter.Write(m).Length;
        return length;
    }

    /// <summary>Parse + canonical write: what `molforge canon` does per line.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 2400)]
    public int ParseAndCanonicalize()
    {
        var length = 0;
        foreach (var s in _smiles) length += SmilesWriter.Write(SmilesReader.Parse(s)).Length;
        return length;
    }
}
