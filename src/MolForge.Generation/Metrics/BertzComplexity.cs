using System.Globalization;
using MolForge.Chem.Core;

namespace MolForge.Generation.Metrics;

/// <summary>Bertz's molecular complexity index (S. H. Bertz, J. Am. Chem. Soc. 1981, 103, 3599) as RDKit 2022.09
/// computes it (<c>GraphDescriptors.BertzCT</c>, default cutoff 100): atoms fall into symmetry classes by their sorted
/// row of the bond-order-weighted distance matrix (edge weight 1/order, aromatic 1/1.5; rows compared to 4 decimals);
/// "connections" are adjacent-bond pairs at each hinge atom (weight = product of the two orders) and multiple bonds
/// (weight b(b−1)/2), keyed by the classes involved; the index is N·H(element counts) + C·(H(connection counts) +
/// log₂ C) with C the total connection weight and H the Shannon entropy in bits. Aromatic bonds count 1.5.</summary>
public static class BertzComplexity
{
    /// <summary>BertzCT of a sanitised molecule (heavy atoms; 0 for fewer than two atoms).</summary>
    public static double Compute(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var n = molecule.AtomCount;
        if (n < 2) return 0;
        var order = new double[n, n];
        var neighbors = new List<int>[n];
        for (var i = 0; i < n; i++) neighbors[i] = [];
        var dist = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) dist[i, j] = i == j ? 0 : double.PositiveInfinity;
        foreach (var b in molecule.Bonds)
        {
            var o = b.IsAromatic || b.Order == BondOrder.Aromatic ? 1.5 : (double)(int)b.Order;
            order[b.Begin, b.End] = order[b.End, b.Begin] = o;
            if (!neighbors[b.Begin].Contains(b.End)) neighbors[b.Begin].Add(b.End);
            if (!neighbors[b.End].Contains(b.Begin)) neighbors[b.End].Add(b.Begin);
            var w = o > 0 ? 1.0 / o : 1.0;
            dist[b.Begin, b.End] = dist[b.End, b.Begin] = Math.Min(dist[b.Begin, b.End], w);
        }
        foreach (var l in neighbors) l.Sort();
        // Floyd–Warshall shortest paths.
        for (var k = 0; k < n; k++)
            for (var i = 0; i < n; i++)
            {
                var dik = dist[i, k];
                if (double.IsPositiveInfinity(dik)) continue;
                for (var j = 0; j < n; j++)
                {
                    var d = dik + dist[k, j];
                    if (d < dist[i, j]) dist[i, j] = d;
                }
            }
        // Symmetry classes: atoms with equal sorted distance rows (4 decimals, first 100 entries).
        var classes = new int[n];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var row = new double[n];
            for (var j = 0; j < n; j++) row[j] = dist[i, j];
            Array.Sort(row);
            var key = string.Join(",", row.Take(100).Select(x => double.IsPositiveInfinity(x) ? "inf" : x.ToString("F4", CultureInfo.InvariantCulture)));
            if (!seen.TryGetValue(key, out var c)) seen[key] = c = seen.Count + 1;
            classes[i] = c;
        }
        var atomTypes = new Dictionary<int, int>();
        var connections = new Dictionary<(int, int, int), double>();
        for (var a = 0; a < n; a++)
        {
            var z = molecule.Atoms[a].AtomicNumber;
            atomTypes[z] = atomTypes.GetValueOrDefault(z) + 1;
            var hinge = classes[a];
            var nb = neighbors[a];
            for (var i = 0; i < nb.Count; i++)
            {
                var ni = nb[i];
                var ci = classes[ni];
                var oi = order[a, ni];
                if (oi > 1 && ni > a)
                {
                    var key = (Math.Min(hinge, ci), Math.Max(hinge, ci), -1);
                    connections[key] = connections.GetValueOrDefault(key) + oi * (oi - 1) / 2;
                }
                for (var j = i + 1; j < nb.Count; j++)
                {
                    var nj = nb[j];
                    var cj = classes[nj];
                    var key = (Math.Min(ci, cj), hinge, Math.Max(ci, cj));
                    connections[key] = connections.GetValueOrDefault(key) + oi * order[a, nj];
                }
            }
        }
        double total;
        double connectionTerm;
        if (connections.Count == 0) { total = 1; connectionTerm = 0; }
        else
        {
            total = connections.Values.Sum();
            connectionTerm = total * (Entropy(connections.Values) + Math.Log2(total));
        }
        return n * Entropy(atomTypes.Values.Select(v => (double)v)) + connectionTerm;
    }

    /// <summary>Shannon entropy in bits of the distribution given by non-negative weights.</summary>
    private static double Entropy(IEnumerable<double> weights)
    {
        var w = weights.ToArray();
        var sum = w.Sum();
        if (sum <= 0) return 0;
        double h = 0;
        foreach (var x in w)
            if (x > 0) { var p = x / sum; h -= p * Math.Log2(p); }
        return h;
    }
}
