using System.Globalization;
using System.Text.RegularExpressions;
using MolForge.QChem.ActiveSpace;

namespace MolForge.QChem.IO;

/// <summary>Reads an FCIDUMP file (Knowles &amp; Handy 1989) into <see cref="ActiveSpaceIntegrals"/>, filling all
/// permutational copies of (ij|kl) and h_ij.</summary>
public static partial class FcidumpReader
{
    /// <exception cref="FormatException">Malformed file; the message names the line.</exception>
    public static ActiveSpaceIntegrals Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = new System.Text.StringBuilder();
        var lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            header.Append(line).Append(' ');
            var t = line.Trim();
            if (t.StartsWith("&END", StringComparison.OrdinalIgnoreCase) || t == "/") break;
        }
        if (line is null) throw new FormatException("FCIDUMP: no &END in the header");
        var h = header.ToString();
        var norb = Field(h, "NORB") ?? throw new FormatException("FCIDUMP header: NORB missing");
        var nelec = Field(h, "NELEC") ?? throw new FormatException("FCIDUMP header: NELEC missing");
        var n = norb;
        var one = new double[n * n];
        var two = new double[n * n * n * n];
        double core = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var p = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (p.Length == 0) continue;
            if (p.Length != 5) throw new FormatException($"FCIDUMP line {lineNo}: expected 'value i j k l'");
            if (!double.TryParse(p[0].Replace('D', 'E'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new FormatException($"FCIDUMP line {lineNo}: bad value '{p[0]}'");
            var idx = new int[4];
            for (var x = 0; x < 4; x++)
                if (!int.TryParse(p[x + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out idx[x]) || idx[x] < 0 || idx[x] > n)
                    throw new FormatException($"FCIDUMP line {lineNo}: bad index '{p[x + 1]}'");
            int i = idx[0] - 1, j = idx[1] - 1, k = idx[2] - 1, l = idx[3] - 1;
            if (idx[0] == 0) core = v;
            else if (idx[2] == 0)
            {
                one[i * n + j] = v;
                one[j * n + i] = v;
            }
            else
            {
                foreach (var (a, b, c, d) in new[] { (i, j, k, l), (j, i, k, l), (i, j, l, k), (j, i, l, k), (k, l, i, j), (l, k, i, j), (k, l, j, i), (l, k, j, i) })
                    two[((a * n + b) * n + c) * n + d] = v;
            }
        }
        return new ActiveSpaceIntegrals(core, one, two, n, nelec);
    }

    private static int? Field(string header, string name)
    {
        var m = Regex.Match(header, @"\b" + name + @"\s*=\s*(\d+)", RegexOptions.IgnoreCase);
        return m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }
}
