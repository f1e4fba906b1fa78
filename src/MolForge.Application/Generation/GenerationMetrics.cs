using MolForge.Chem.Core;
using MolForge.Chem.Descriptors;
using MolForge.Chem.Fingerprints;
using MolForge.Chem.Substructure;

namespace MolForge.Application.Generation;

/// <summary>The GuacaMol descriptor vector of one molecule (Brown et al. 2019, "GuacaMol", J. Chem. Inf. Model. 59,
/// 1096: KL-divergence benchmark), less BertzCT, which MolForge.Chem does not compute.</summary>
public sealed record GuacaMolDescriptors(double MolLogP, double MolWt, double Tpsa, int NumHAcceptors, int NumHDonors,
    int NumRotatableBonds, int NumAliphaticRings, int NumAromaticRings)
{
    /// <summary>Names in GuacaMol's order (without BertzCT).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["MolLogP", "MolWt", "TPSA", "NumHAcceptors", "NumHDonors", "NumRotatableBonds", "NumAliphaticRings", "NumAromaticRings"];

    /// <summary>Whether descriptor i is continuous (KDE) or discrete (histogram) in GuacaMol.</summary>
    public static bool IsContinuous(int i) => i < 3;

    /// <summary>Values in <see cref="Names"/> order.</summary>
    public double[] Values => [MolLogP, MolWt, Tpsa, NumHAcceptors, NumHDonors, NumRotatableBonds, NumAliphaticRings, NumAromaticRings];

    /// <summary>Computes the descriptors with RDKit's definitions (aliphatic rings = SSSR rings that are not
    /// aromatic, as CalcNumAliphaticRings).</summary>
    public static GuacaMolDescriptors Of(Molecule m)
    {
        var d = MolecularDescriptors.Compute(m);
        return new GuacaMolDescriptors(d.LogP, d.MolWt, d.Tpsa, d.Hba, d.Hbd, d.RotatableBonds, d.Rings - d.AromaticRings, d.AromaticRings);
    }
}

/// <summary>Distribution-learning metrics of generated molecules: MOSES (Polykovskiy et al. 2020) validity,
/// uniqueness, novelty, internal diversity; GuacaMol's KL-divergence score.</summary>
public static class GenerationMetrics
{
    /// <summary>MOSES IntDiv₁: 1 − mean Tanimoto over all distinct pairs (Morgan radius 2, 1024 bits).</summary>
    public static double InternalDiversity(IReadOnlyList<BitFingerprint> fps)
    {
        ArgumentNullException.ThrowIfNull(fps);
        var n = fps.Count;
        if (n < 2) return double.NaN;
        var sums = new double[n];
        Parallel.For(0, n, i =>
        {
            double s = 0;
            for (var j = i + 1; j < n; j++) s += BitFingerprint.Tanimoto(fps[i], fps[j]);
            sums[i] = s;
        });
        return 1 - sums.Sum() / (n * (n - 1) / 2.0);
    }

    /// <summary>For each fingerprint, the highest Tanimoto to any other in the set (GuacaMol's internal
    /// nearest-neighbour similarity).</summary>
    public static double[] NearestNeighbourSimilarity(IReadOnlyList<BitFingerprint> fps)
    {
        ArgumentNullException.ThrowIfNull(fps);
        var n = fps.Count;
        var best = new double[n];
        Parallel.For(0, n, i =>
        {
            double b = 0;
            for (var j = 0; j < n; j++)
                if (j != i) b = Math.Max(b, BitFingerprint.Tanimoto(fps[i], fps[j]));
            best[i] = b;
        });
        return best;
    }

    /// <summary>GuacaMol's continuous KL divergence: Gaussian KDEs (Scott's bandwidth, as scipy.stats.gaussian_kde)
    /// of both samples evaluated on 1000 points spanning both, +1e-10, then KL(P‖Q) of the normalised vectors.</summary>
    public static double ContinuousKl(double[] reference, double[] sampled)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(sampled);
        var lo = Math.Min(reference.Min(), sampled.Min());
        var hi = Math.Max(reference.Max(), sampled.Max());
        var xs = Enumerable.Range(0, 1000).Select(i => lo + (hi - lo) * i / 999.0).ToArray();
        var p = Kde(reference, xs);
        var q = Kde(sampled, xs);
        return Entropy(p.Select(v => v + 1e-10).ToArray(), q.Select(v => v + 1e-10).ToArray());
    }

    /// <summary>GuacaMol's discrete KL divergence: 10-bin density histograms over the reference's range (numpy
    /// histogram), +1e-10, then KL(P‖Q).</summary>
    public static double DiscreteKl(double[] reference, double[] sampled)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(sampled);
        var lo = reference.Min();
        var hi = reference.Max();
        if (hi <= lo) { lo -= 0.5; hi += 0.5; }
        var p = Histogram(reference, lo, hi);
        var q = Histogram(sampled, lo, hi);
        return Entropy(p.Select(v => v + 1e-10).ToArray(), q.Select(v => v + 1e-10).ToArray());
    }

    private static double[] Histogram(double[] xs, double lo, double hi)
    {
        const int bins = 10;
        var counts = new double[bins];
        var width = (hi - lo) / bins;
        var inRange = 0;
        foreach (var x in xs)
        {
            if (x < lo || x > hi) continue;
            var b = Math.Min(bins - 1, (int)((x - lo) / width));
            counts[b]++;
            inRange++;
        }
        for (var b = 0; b < bins; b++) counts[b] = inRange == 0 ? 0 : counts[b] / (inRange * width);
        return counts;
    }

    private static double[] Kde(double[] data, double[] xs)
    {
        var n = data.Length;
        var mean = data.Average();
        var variance = data.Sum(x => (x - mean) * (x - mean)) / Math.Max(1, n - 1);
        var factor = Math.Pow(n, -1.0 / 5); // Scott's rule, d = 1
        var bw2 = Math.Max(variance, 1e-12) * factor * factor;
        var norm = 1.0 / (n * Math.Sqrt(2 * Math.PI * bw2));
        var result = new double[xs.Length];
        Parallel.For(0, xs.Length, i =>
        {
            double s = 0;
            var x = xs[i];
            foreach (var d in data) s += Math.Exp(-(x - d) * (x - d) / (2 * bw2));
            result[i] = s * norm;
        });
        return result;
    }

    /// <summary>scipy.stats.entropy(p, q): KL divergence of the normalised vectors.</summary>
    private static double Entropy(double[] p, double[] q)
    {
        var sp = p.Sum();
        var sq = q.Sum();
        double kl = 0;
        for (var i = 0; i < p.Length; i++)
        {
            var pi = p[i] / sp;
            var qi = q[i] / sq;
            if (pi > 0) kl += pi * Math.Log(pi / qi);
        }
        return kl;
    }

    /// <summary>GuacaMol KL score: mean over descriptors of exp(−KL), with the internal nearest-neighbour
    /// similarity as one more continuous term. Returns the score and each term's KL.</summary>
    public static (double Score, Dictionary<string, double> Kl) KlScore(IReadOnlyList<GuacaMolDescriptors> reference, IReadOnlyList<GuacaMolDescriptors> sampled,
        IReadOnlyList<BitFingerprint> referenceFps, IReadOnlyList<BitFingerprint> sampledFps)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(sampled);
        var kls = new Dictionary<string, double>(StringComparer.Ordinal);
        var rv = reference.Select(d => d.Values).ToArray();
        var sv = sampled.Select(d => d.Values).ToArray();
        for (var i = 0; i < GuacaMolDescriptors.Names.Count; i++)
        {
            var r = rv.Select(v => v[i]).ToArray();
            var s = sv.Select(v => v[i]).ToArray();
            kls[GuacaMolDescriptors.Names[i]] = GuacaMolDescriptors.IsContinuous(i) ? ContinuousKl(r, s) : DiscreteKl(r, s);
        }
        kls["internal_similarity"] = ContinuousKl(NearestNeighbourSimilarity(referenceFps), NearestNeighbourSimilarity(sampledFps));
        return (kls.Values.Select(k => Math.Exp(-k)).Average(), kls);
    }
}
