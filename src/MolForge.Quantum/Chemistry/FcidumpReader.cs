using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MolForge.Quantum.Chemistry;

/// <summary>A malformed FCIDUMP file; the message names the line.</summary>
public sealed class FcidumpFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public FcidumpFormatException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public FcidumpFormatException() { }

    /// <summary>Creates the exception.</summary>
    public FcidumpFormatException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// Reads and writes FCIDUMP files (Knowles &amp; Handy 1989, Comput. Phys. Commun. 54, 75): a Fortran namelist header
/// <c>&amp;FCI NORB=n, NELEC=N, MS2=0, ORBSYM=..., ISYM=1, &amp;END</c> (or <c>/</c>) followed by lines
/// <c>value i j k l</c> with 1-based indices: (ij|kl) when all are non-zero, h_ij when k = l = 0, the orbital energy
/// of i when j = k = l = 0, and the core energy when all are zero. Real orbitals: each integral fills its 8
/// (two-electron) or 2 (one-electron) symmetry partners. Fortran 'D' exponents are accepted.
/// </summary>
public static partial class Fcidump
{
    /// <summary>Reads from text.</summary>
    public static ActiveSpaceIntegrals Parse(string text) => Read(new StringReader(text ?? throw new ArgumentNullException(nameof(text))));

    /// <summary>Reads a file.</summary>
    public static ActiveSpaceIntegrals ReadFile(string path)
    {
        using var r = new StreamReader(path);
        return Read(r);
    }

    /// <summary>Reads from a text reader.</summary>
    public static ActiveSpaceIntegrals Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = new StringBuilder();
        int lineNo = 0;
        string? line;
        bool started = false, ended = false;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            string t = line.Trim();
            if (!started)
            {
                if (t.Length == 0) continue;
                if (!t.StartsWith("&FCI", StringComparison.OrdinalIgnoreCase))
                    throw new FcidumpFormatException($"line {lineNo}: expected the '&FCI' namelist header, found \"{Short(t)}\".");
                started = true;
                t = t[4..];
            }
            int end = IndexOfEnd(t);
            if (end >= 0) { header.Append(' ').Append(t[..end]); ended = true; break; }
            header.Append(' ').Append(t);
        }
        if (!started) throw new FcidumpFormatException("line 1: empty input (no '&FCI' header).");
        if (!ended) throw new FcidumpFormatException($"line {lineNo}: the '&FCI' header has no '&END' or '/'.");
        int headerLines = lineNo;

        var fields = ParseNamelist(header.ToString(), headerLines);
        int n = RequiredInt(fields, "NORB", headerLines);
        int nelec = RequiredInt(fields, "NELEC", headerLines);
        if (n < 1 || n > 32) throw new FcidumpFormatException($"line {headerLines}: NORB = {n} is outside 1..32.");
        if (nelec < 0 || nelec > 2 * n) throw new FcidumpFormatException($"line {headerLines}: NELEC = {nelec} does not fit NORB = {n} orbitals.");
        if (fields.TryGetValue("MS2", out var ms2) && ms2.Trim() != "0")
            throw new FcidumpFormatException($"line {headerLines}: MS2 = {ms2.Trim()}; only closed-shell singlets (MS2 = 0) are supported.");

        var h = new double[n * n];
        var g = new double[n * n * n * n];
        double[]? eps = null;
        double core = 0;
        var seen = new char[] { ' ', '\t' };
        Span<int> idx = stackalloc int[4];
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            var parts = line.Split(seen, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            if (parts.Length != 5)
                throw new FcidumpFormatException($"line {lineNo}: expected 'value i j k l', found {parts.Length} fields in \"{Short(line)}\".");
            double v = ParseReal(parts[0], lineNo);
            for (int a = 0; a < 4; a++)
            {
                if (!int.TryParse(parts[a + 1], NumberStyles.None, CultureInfo.InvariantCulture, out idx[a]) || idx[a] > n)
                    throw new FcidumpFormatException($"line {lineNo}: index '{parts[a + 1]}' is not an orbital number 0..{n}.");
            }
            int i = idx[0] - 1, j = idx[1] - 1, k = idx[2] - 1, l = idx[3] - 1;
            if (i >= 0 && j >= 0 && k >= 0 && l >= 0)
            {
                foreach (var (p, q, r, s) in new[] { (i, j, k, l), (j, i, k, l), (i, j, l, k), (j, i, l, k), (k, l, i, j), (l, k, i, j), (k, l, j, i), (l, k, j, i) })
                    g[((p * n + q) * n + r) * n + s] = v;
            }
            else if (i >= 0 && j >= 0 && k < 0 && l < 0) { h[i * n + j] = v; h[j * n + i] = v; }
            else if (i >= 0 && j < 0 && k < 0 && l < 0) (eps ??= new double[n])[i] = v;
            else if (i < 0 && j < 0 && k < 0 && l < 0) core = v;
            else throw new FcidumpFormatException($"line {lineNo}: index pattern {i + 1} {j + 1} {k + 1} {l + 1} is not an integral, orbital energy or core energy.");
        }
        try
        {
            return new ActiveSpaceIntegrals(n, nelec, core, h, g, eps);
        }
        catch (ArgumentException e)
        {
            throw new FcidumpFormatException($"FCIDUMP integrals are inconsistent: {e.Message}", e);
        }
    }

    /// <summary>Writes the integrals as FCIDUMP (symmetry-unique values above 1e−14, 20 significant digits).</summary>
    public static void Write(ActiveSpaceIntegrals ints, TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(ints);
        ArgumentNullException.ThrowIfNull(w);
        int n = ints.OrbitalCount;
        var ci = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(ci, $" &FCI NORB={n},NELEC={ints.ElectronCount},MS2=0,"));
        w.WriteLine("  ORBSYM=" + string.Concat(Enumerable.Repeat("1,", n)));
        w.WriteLine("  ISYM=1,");
        w.WriteLine(" &END");
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                for (int k = 0; k < n; k++)
                    for (int l = 0; l <= k; l++)
                    {
                        if (i * (i + 1) / 2 + j < k * (k + 1) / 2 + l) continue;
                        double v = ints.G(i, j, k, l);
                        if (Math.Abs(v) > 1e-14) w.WriteLine(string.Create(ci, $"{v:E20} {i + 1} {j + 1} {k + 1} {l + 1}"));
                    }
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++)
                if (Math.Abs(ints.H(i, j)) > 1e-14) w.WriteLine(string.Create(ci, $"{ints.H(i, j):E20} {i + 1} {j + 1} 0 0"));
        if (ints.OrbitalEnergies != null)
            for (int i = 0; i < n; i++) w.WriteLine(string.Create(ci, $"{ints.OrbitalEnergies[i]:E20} {i + 1} 0 0 0"));
        w.WriteLine(string.Create(ci, $"{ints.CoreEnergy:E20} 0 0 0 0"));
    }

    private static int IndexOfEnd(string t)
    {
        int e = t.IndexOf("&END", StringComparison.OrdinalIgnoreCase);
        if (e >= 0) return e;
        int s = t.IndexOf('/', StringComparison.Ordinal);
        return s;
    }

    private static Dictionary<string, string> ParseNamelist(string text, int line)
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var matches = KeyRegex().Matches(text);
        if (matches.Count == 0) throw new FcidumpFormatException($"line {line}: the '&FCI' header has no KEY=value entries.");
        for (int m = 0; m < matches.Count; m++)
        {
            int start = matches[m].Index + matches[m].Length;
            int stop = m + 1 < matches.Count ? matches[m + 1].Index : text.Length;
            d[matches[m].Groups[1].Value] = text[start..stop].Trim().TrimEnd(',');
        }
        return d;
    }

    private static int RequiredInt(Dictionary<string, string> f, string key, int line)
    {
        if (!f.TryGetValue(key, out var s)) throw new FcidumpFormatException($"line {line}: the header has no {key}.");
        if (!int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            throw new FcidumpFormatException($"line {line}: {key} = '{s.Trim()}' is not an integer.");
        return v;
    }

    private static double ParseReal(string s, int line)
    {
        string t = s.Replace('D', 'E').Replace('d', 'e');
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
            throw new FcidumpFormatException($"line {line}: '{s}' is not a finite number.");
        return v;
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";

    [GeneratedRegex(@"([A-Za-z][A-Za-z0-9_]*)\s*=")]
    private static partial Regex KeyRegex();
}
