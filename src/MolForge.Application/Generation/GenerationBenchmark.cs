using System.Collections.Concurrent;
using System.Diagnostics;
using MolForge.Chem.Core;
using MolForge.Chem.Fingerprints;
using MolForge.Chem.Smiles;
using MolForge.Generation.Model;
using MolForge.Generation.Sampling;

namespace MolForge.Application.Generation;

/// <summary>Result of <see cref="GenerationBenchmark.Run"/>; NaN where no reference set was given.</summary>
public sealed record GenerationBenchmarkResult
{
    /// <summary>Molecules sampled.</summary>
    public int Samples { get; init; }
    /// <summary>Wall seconds of sampling (graphs only).</summary>
    public double SamplingSeconds { get; init; }
    /// <summary>CPU seconds the process used while sampling (all threads; on a shared machine wall time alone
    /// overstates the cost).</summary>
    public double SamplingCpuSeconds { get; init; }
    /// <summary>Samples per second (graphs).</summary>
    public double MoleculesPerSecond { get; init; }
    /// <summary>Samples per second including SMILES read-back (sanitisation) and canonical SMILES.</summary>
    public double ValidMoleculesPerSecondWithCanonicalization { get; init; }
    /// <summary>Fraction that sanitise (Chem SMILES reader on the generated SMILES).</summary>
    public double Validity { get; init; }
    /// <summary>Distinct canonical SMILES / valid.</summary>
    public double Uniqueness { get; init; }
    /// <summary>Distinct molecules not in the training set / distinct.</summary>
    public double Novelty { get; init; } = double.NaN;
    /// <summary>MOSES IntDiv₁ (Morgan r=2, 1024 bits) over the valid distinct molecules.</summary>
    public double InternalDiversity { get; init; }
    /// <summary>GuacaMol KL score.</summary>
    public double KlScore { get; init; } = double.NaN;
    /// <summary>KL divergence per descriptor.</summary>
    public Dictionary<string, double> Kl { get; init; } = [];
    /// <summary>Size of the training set used for novelty.</summary>
    public int TrainingSetSize { get; init; }
    /// <summary>Every sample as generated (Kekulé SMILES), in order.</summary>
    public IReadOnlyList<string> RawSmiles { get; init; } = [];
    /// <summary>Size of the reference set used for the KL score.</summary>
    public int ReferenceSetSize { get; init; }
}

/// <summary>Samples from a model and measures it as MOSES and GuacaMol do.</summary>
public static class GenerationBenchmark
{
    /// <summary>Runs the benchmark. <paramref name="trainingSmiles"/> (novelty) and <paramref name="referenceSmiles"/>
    /// (KL score) are optional and canonicalised here without stereo.</summary>
    public static GenerationBenchmarkResult Run(GraphGenerator model, int n, int seed, double temperature,
        IReadOnlyList<string>? trainingSmiles, IReadOnlyList<string>? referenceSmiles)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sampler = new Sampler(model);
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var graphs = sampler.Sample(n, new SamplingOptions { Seed = seed, Temperature = temperature, BatchSize = 500 });
        var sampling = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var samplingCpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        var smiles = new string?[graphs.Count];
        var molecules = new Molecule?[graphs.Count];
        Parallel.For(0, graphs.Count, i =>
        {
            var m = MoleculeGraphs.ToMolecule(graphs[i], out _);
            molecules[i] = m;
            smiles[i] = m is null ? null : MoleculeGraphs.Canonical(m);
        });
        var total = clock.Elapsed.TotalSeconds;
        var valid = smiles.Count(s => s is not null);
        var distinct = new Dictionary<string, Molecule>(StringComparer.Ordinal);
        for (var i = 0; i < smiles.Length; i++)
            if (smiles[i] is { } s) distinct.TryAdd(s, molecules[i]!);
        var unique = distinct.Values.ToList();
        var fps1024 = unique.Select(m => MorganFingerprint.Bits(m, 2, 1024)).ToList();
        var result = new GenerationBenchmarkResult
        {
            Samples = n,
            RawSmiles = graphs.Select(MolForge.Generation.Graphs.KekuleSmiles.Write).ToList(),
            SamplingSeconds = sampling,
            SamplingCpuSeconds = samplingCpu,
            MoleculesPerSecond = n / sampling,
            ValidMoleculesPerSecondWithCanonicalization = valid / total,
            Validity = (double)valid / n,
            Uniqueness = valid == 0 ? 0 : (double)distinct.Count / valid,
            InternalDiversity = GenerationMetrics.InternalDiversity(fps1024),
        };
        if (trainingSmiles is { Count: > 0 })
        {
            var train = CanonicalSet(trainingSmiles);
            result = result with
            {
                Novelty = distinct.Count == 0 ? 0 : distinct.Keys.Count(k => !train.ContainsKey(k)) / (double)distinct.Count,
                TrainingSetSize = train.Count,
            };
        }
        if (referenceSmiles is { Count: > 0 } && unique.Count > 1)
        {
            var reference = CanonicalSet(referenceSmiles).Values.ToList();
            var refDesc = reference.AsParallel().AsOrdered().Select(GuacaMolDescriptors.Of).ToList();
            var genDesc = unique.AsParallel().AsOrdered().Select(GuacaMolDescriptors.Of).ToList();
            // GuacaMol's internal-similarity term uses Morgan radius-2 bit vectors of 4096 bits.
            var refFps = reference.Select(m => MorganFingerprint.Bits(m, 2, 4096)).ToList();
            var genFps = unique.Select(m => MorganFingerprint.Bits(m, 2, 4096)).ToList();
            var (score, kl) = GenerationMetrics.KlScore(refDesc, genDesc, refFps, genFps);
            result = result with { KlScore = score, Kl = kl, ReferenceSetSize = reference.Count };
        }
        return result;
    }

    /// <summary>Canonical SMILES (no stereo) → molecule for every readable SMILES.</summary>
    public static Dictionary<string, Molecule> CanonicalSet(IReadOnlyList<string> smiles)
    {
        ArgumentNullException.ThrowIfNull(smiles);
        var bag = new ConcurrentDictionary<string, Molecule>(StringComparer.Ordinal);
        Parallel.ForEach(smiles, s =>
        {
            if (SmilesReader.TryParse(s, out var m, out _)) bag.TryAdd(MoleculeGraphs.Canonical(m), m);
        });
        return new Dictionary<string, Molecule>(bag, StringComparer.Ordinal);
    }

    /// <summary>Reads the smiles column of a CSV (or SMILES lines) and splits it into a training part and a held-out
    /// part: row i (0-based, data rows) is held out when <c>i % holdoutEvery == holdoutEvery - 1</c> (the split the
    /// shipped model was trained with).</summary>
    public static (List<string> Train, List<string> Holdout) ReadSplit(TextReader reader, int holdoutEvery)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var train = new List<string>();
        var holdout = new List<string>();
        var header = reader.ReadLine();
        if (header is null) return (train, holdout);
        var cols = header.Split(',');
        var col = Array.FindIndex(cols, c => c.Trim().Equals("smiles", StringComparison.OrdinalIgnoreCase));
        var i = 0;
        if (col < 0) { Add(header.Split(' ', '\t')[0]); col = -1; }
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            Add(col >= 0 ? line.Split(',')[col].Trim('"') : line.Split(' ', '\t')[0]);
        }
        return (train, holdout);

        void Add(string s)
        {
            (holdoutEvery > 0 && i % holdoutEvery == holdoutEvery - 1 ? holdout : train).Add(s);
            i++;
        }
    }
}
