using System.Globalization;
using MolForge.Chem.Core;
using MolForge.Chem.Smarts;
using MolForge.Chem.Substructure;

namespace MolForge.Chem.Descriptors;

/// <summary>The eight QED properties as RDKit's QED.properties computes them.</summary>
/// <param name="MW">Molecular weight.</param>
/// <param name="ALogP">Crippen logP.</param>
/// <param name="HBA">Acceptor count: sum of the matches of RDKit's QED acceptor SMARTS.</param>
/// <param name="HBD">Donor count (CalcNumHBD).</param>
/// <param name="PSA">TPSA.</param>
/// <param name="RotB">Rotatable bonds (strict).</param>
/// <param name="Arom">Rings left after removing aliphatic ring atoms bonded to non-aromatic atoms.</param>
/// <param name="Alerts">Number of structural-alert SMARTS that match.</param>
public readonly record struct QedProperties(double MW, double ALogP, int HBA, int HBD, double PSA, int RotB, int Arom, int Alerts);

/// <summary>Quantitative estimate of drug-likeness (Bickerton, Paolini, Besnard, Muresan &amp; Hopkins, Nat. Chem.
/// 2012, 4, 90) exactly as RDKit's <c>QED.qed</c> (RDKit 2022.09): asymmetric double-sigmoid desirabilities of
/// eight properties, combined as a weighted geometric mean with the mean weights. Parameters:
/// data/chem/qed_parameters.tsv; acceptor and alert SMARTS: data/chem/qed_smarts.tsv.</summary>
public static class Qed
{
    private sealed record Tables(double[][] Ads, double[] Weights, SmartsQuery[] Acceptors, SmartsQuery[] Alerts);

    private static readonly Lazy<Tables> LazyTables = new(Load);

    /// <summary>RDKit's AliphaticRings pattern used for the AROM property.</summary>
    public static readonly SmartsQuery AliphaticRingAtoms = SmartsQuery.Parse("[$([A;R][!a])]");

    /// <summary>QED with the mean weights (QED.qed / QED.weights_mean).</summary>
    public static double Compute(QedProperties p)
    {
        var t = LazyTables.Value;
        ReadOnlySpan<double> x = [p.MW, p.ALogP, p.HBA, p.HBD, p.PSA, p.RotB, p.Arom, p.Alerts];
        double sum = 0, wsum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += t.Weights[i] * Math.Log(Ads(x[i], t.Ads[i]));
            wsum += t.Weights[i];
        }
        return Math.Exp(sum / wsum);
    }

    /// <summary>Asymmetric double sigmoid: (A + B/(1+exp(-(x-C+D/2)/E)) * (1 - 1/(1+exp(-(x-C-D/2)/F)))) / DMAX.</summary>
    private static double Ads(double x, double[] p)
    {
        double a = p[0], b = p[1], c = p[2], d = p[3], e = p[4], f = p[5], dmax = p[6];
        var exp1 = 1 + Math.Exp(-1 * (x - c + d / 2) / e);
        var exp2 = 1 + Math.Exp(-1 * (x - c - d / 2) / f);
        return (a + b / exp1 * (1 - 1 / exp2)) / dmax;
    }

    /// <summary>The QED properties of a molecule (hydrogen atoms, if any, are treated as removed as RDKit's
    /// RemoveHs would; <paramref name="logP"/>, <paramref name="tpsa"/>, <paramref name="hbd"/> and
    /// <paramref name="rotatable"/> are passed in because the caller has them).</summary>
    public static QedProperties Properties(SubstructureTarget target, double molWt, double logP, double tpsa, int hbd, int rotatable)
    {
        ArgumentNullException.ThrowIfNull(target);
        var t = LazyTables.Value;
        var hba = 0;
        foreach (var q in t.Acceptors) hba += SubstructureMatcher.CountMatches(q, target);
        var alerts = 0;
        foreach (var q in t.Alerts)
            if (SubstructureMatcher.HasMatch(q, target)) alerts++;
        return new QedProperties(molWt, logP, hba, hbd, tpsa, rotatable, AromaticRingCount(target), alerts);
    }

    // QED's AROM: Chem.GetSSSR of the molecule after deleting the atoms matching [$([A;R][!a])]; the SSSR size is
    // the cyclomatic number E - V + C of what remains.
    private static int AromaticRingCount(SubstructureTarget target)
    {
        var mol = target.Molecule;
        var n = mol.AtomCount;
        Span<bool> keep = n <= 512 ? stackalloc bool[n] : new bool[n];
        var vertices = 0;
        for (var a = 0; a < n; a++)
        {
            keep[a] = mol.GetAtom(a).AtomicNumber != 1 && !AliphaticRingAtoms.Atoms[0].Matches(target, a);
            if (keep[a]) vertices++;
        }
        var edges = 0;
        foreach (ref readonly var b in mol.Bonds)
            if (keep[b.Begin] && keep[b.End]) edges++;
        // Components by union-find over kept atoms.
        Span<int> parent = n <= 512 ? stackalloc int[n] : new int[n];
        for (var a = 0; a < n; a++) parent[a] = a;
        var components = vertices;
        foreach (ref readonly var b in mol.Bonds)
        {
            if (!keep[b.Begin] || !keep[b.End]) continue;
            var x = Find(parent, b.Begin);
            var y = Find(parent, b.End);
            if (x != y)
            {
                parent[x] = y;
                components--;
            }
        }
        return edges - vertices + components;
    }

    private static int Find(Span<int> parent, int a)
    {
        while (parent[a] != a)
        {
            parent[a] = parent[parent[a]];
            a = parent[a];
        }
        return a;
    }

    private static Tables Load()
    {
        var ads = new double[8][];
        var weights = new double[8];
        var i = 0;
        foreach (var line in EmbeddedData.ReadLines("qed_parameters.tsv"))
        {
            var f = line.Split('\t');
            ads[i] = [.. f.Skip(1).Take(7).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
            weights[i] = double.Parse(f[8], CultureInfo.InvariantCulture);
            i++;
        }
        var acceptors = new List<SmartsQuery>();
        var alerts = new List<SmartsQuery>();
        foreach (var line in EmbeddedData.ReadLines("qed_smarts.tsv"))
        {
            var f = line.Split('\t');
            (f[0] == "acceptor" ? acceptors : alerts).Add(SmartsQuery.Parse(f[1]));
        }
        return new Tables(ads, weights, [.. acceptors], [.. alerts]);
    }
}
