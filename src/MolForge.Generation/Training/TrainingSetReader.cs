using System.Globalization;
using MolForge.Generation.Graphs;
using MolForge.Generation.Model;

namespace MolForge.Generation.Training;

/// <summary>Reads training molecules from CSV (a header with a <c>smiles</c> column; property columns
/// <c>mol_weight</c>, <c>clogp</c> or <c>logP_rdkit</c>, <c>qed</c> or <c>qed_rdkit</c> when present) or from a
/// SMILES file (one SMILES per line, optional name after whitespace). Molecular weight is computed from the graph
/// when no column gives it.</summary>
public static class TrainingSetReader
{
    /// <summary>Reads every valid line; invalid lines are reported through <paramref name="onInvalid"/> (line number,
    /// reason) and skipped.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="parse">SMILES to graph (throws <see cref="FormatException"/> on bad input); defaults to
    /// <see cref="KekuleSmiles.Read"/>.</param>
    /// <param name="onInvalid">Receives skipped lines.</param>
    /// <param name="limit">Stop after this many molecules (0 = all).</param>
    public static List<TrainingExample> Read(TextReader reader, Func<string, MolGraph>? parse = null,
        Action<long, string>? onInvalid = null, int limit = 0)
    {
        ArgumentNullException.ThrowIfNull(reader);
        parse ??= KekuleSmiles.Read;
        var result = new List<TrainingExample>();
        var first = reader.ReadLine();
        if (first is null) return result;
        var header = first.Split(',');
        var smilesCol = Array.FindIndex(header, h => h.Trim().Equals("smiles", StringComparison.OrdinalIgnoreCase));
        var csv = smilesCol >= 0;
        int[] propCols = csv
            ? [Find(header, "mol_weight", "molwt"), Find(header, "clogp", "logp_rdkit", "logp"), Find(header, "qed", "qed_rdkit")]
            : [-1, -1, -1];
        long lineNo = 1;
        var line = csv ? reader.ReadLine() : first;
        if (csv) lineNo = 2;
        for (; line is not null; line = reader.ReadLine(), lineNo++)
        {
            if (line.Length == 0) continue;
            string smiles;
            string[]? fields = null;
            if (csv)
            {
                fields = line.Split(',');
                if (smilesCol >= fields.Length) { onInvalid?.Invoke(lineNo, "missing smiles column"); continue; }
                smiles = fields[smilesCol].Trim().Trim('"');
            }
            else
            {
                var cut = line.IndexOfAny([' ', '\t']);
                smiles = cut < 0 ? line : line[..cut];
            }
            MolGraph g;
            try { g = parse(smiles); }
            catch (FormatException e) { onInvalid?.Invoke(lineNo, e.Message); continue; }
            if (g.AtomCount == 0) { onInvalid?.Invoke(lineNo, "empty molecule"); continue; }
            var props = new double[Conditioning.Properties];
            for (var p = 0; p < props.Length; p++)
            {
                props[p] = double.NaN;
                if (fields is not null && propCols[p] >= 0 && propCols[p] < fields.Length
                    && double.TryParse(fields[propCols[p]], NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
                    props[p] = x;
            }
            if (double.IsNaN(props[0])) props[0] = g.MolecularWeight();
            result.Add(new TrainingExample(g, props));
            if (limit > 0 && result.Count >= limit) break;
        }
        return result;
    }

    /// <summary>Mean and standard deviation of each property over the examples (NaNs skipped).</summary>
    public static Conditioning FitConditioning(IReadOnlyList<TrainingExample> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var defaults = new Conditioning();
        var mean = new double[Conditioning.Properties];
        var std = new double[Conditioning.Properties];
        for (var p = 0; p < mean.Length; p++)
        {
            var xs = data.Select(d => d.Properties[p]).Where(x => !double.IsNaN(x)).ToArray();
            if (xs.Length < 2) { mean[p] = defaults.Mean[p]; std[p] = defaults.Std[p]; continue; }
            mean[p] = xs.Average();
            std[p] = Math.Max(1e-6, Math.Sqrt(xs.Sum(x => (x - mean[p]) * (x - mean[p])) / (xs.Length - 1)));
        }
        return new Conditioning { Mean = mean, Std = std };
    }

    private static int Find(string[] header, params string[] names) =>
        Array.FindIndex(header, h => names.Contains(h.Trim().ToLowerInvariant()));
}
