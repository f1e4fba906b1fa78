using System.Globalization;

namespace MolForge.Web.E2E.Tests;

/// <summary>Reads back an exported SDF (enough to check it: title, atom count from the counts line, data fields).</summary>
internal sealed record SdfRecords(string Title, int AtomCount, IReadOnlyDictionary<string, string> Fields)
{
    public static List<SdfRecords> Parse(string sdf)
    {
        var records = new List<SdfRecords>();
        foreach (var chunk in sdf.Replace("\r\n", "\n", StringComparison.Ordinal).Split("$$$$\n"))
        {
            if (chunk.Trim().Length == 0) continue;
            var lines = chunk.Split('\n');
            var counts = lines[3];
            var atoms = counts.Contains("V3000", StringComparison.Ordinal)
                ? int.Parse(lines.First(l => l.StartsWith("M  V30 COUNTS", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], CultureInfo.InvariantCulture)
                : int.Parse(counts[..3].Trim(), CultureInfo.InvariantCulture);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < lines.Length - 1; i++)
            {
                if (!lines[i].StartsWith('>')) continue;
                var open = lines[i].IndexOf('<', StringComparison.Ordinal);
                var close = lines[i].IndexOf('>', open + 1);
                if (open >= 0 && close > open) fields[lines[i][(open + 1)..close]] = lines[i + 1].Trim();
            }
            records.Add(new SdfRecords(lines[0], atoms, fields));
        }
        return records;
    }
}
