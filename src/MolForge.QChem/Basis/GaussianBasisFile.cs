using System.Globalization;
using System.Reflection;

namespace MolForge.QChem.Basis;

/// <summary>A contracted shell as written in a basis-set file: angular momentum, exponents and contraction
/// coefficients (for normalised primitives).</summary>
public sealed record ShellTemplate(int L, double[] Exponents, double[] Coefficients);

/// <summary>Reads Gaussian94-format basis files (<c>.gbs</c>, the format Psi4 ships). <c>SP</c> shells become an
/// s and a p shell with the same exponents. A leading <c>cartesian</c>/<c>spherical</c> line is recorded.</summary>
public sealed class GaussianBasisFile
{
    private readonly Dictionary<int, ShellTemplate[]> _elements;

    private GaussianBasisFile(string name, bool cartesian, Dictionary<int, ShellTemplate[]> elements)
    {
        Name = name;
        Cartesian = cartesian;
        _elements = elements;
    }

    /// <summary>Basis-set name as given when loaded.</summary>
    public string Name { get; }

    /// <summary>True when the file says <c>cartesian</c> (Psi4 then uses 6 d functions).</summary>
    public bool Cartesian { get; }

    /// <summary>Atomic numbers this basis covers, ascending.</summary>
    public IEnumerable<int> Elements => _elements.Keys.Order();

    /// <summary>Shells of element <paramref name="z"/>, or null if the basis does not cover it.</summary>
    public IReadOnlyList<ShellTemplate>? ShellsOf(int z) => _elements.TryGetValue(z, out var s) ? s : null;

    /// <summary>The shipped basis sets: sto-3g, 6-31g, 6-31g* (also spelled 6-31gs).</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["sto-3g", "6-31g", "6-31g*"];

    private static readonly Dictionary<string, GaussianBasisFile> Cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads a shipped basis set by name (case-insensitive).</summary>
    /// <exception cref="QChemInputException">The name is not one of <see cref="KnownNames"/>.</exception>
    public static GaussianBasisFile Load(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        var file = key switch
        {
            "sto-3g" or "sto3g" => "sto-3g.gbs",
            "6-31g" => "6-31g.gbs",
            "6-31g*" or "6-31gs" or "6-31g(d)" => "6-31gs.gbs",
            _ => throw new QChemInputException($"unknown basis set '{name}' (known: {string.Join(", ", KnownNames)})"),
        };
        lock (Cache)
        {
            if (Cache.TryGetValue(file, out var cached)) return cached;
            using var stream = typeof(GaussianBasisFile).Assembly.GetManifestResourceStream("MolForge.QChem.Basis." + file)
                ?? throw new InvalidOperationException($"embedded basis file {file} is missing");
            using var reader = new StreamReader(stream);
            var parsed = Parse(reader, key == "6-31gs" ? "6-31g*" : key);
            Cache[file] = parsed;
            return parsed;
        }
    }

    /// <summary>Parses a .gbs text.</summary>
    /// <exception cref="FormatException">Malformed text; the message names the line.</exception>
    public static GaussianBasisFile Parse(TextReader reader, string name)
    {
        var elements = new Dictionary<int, ShellTemplate[]>();
        var cartesian = false;
        var lineNo = 0;
        string? Next()
        {
            while (reader.ReadLine() is { } raw)
            {
                lineNo++;
                var t = raw.Trim();
                if (t.Length == 0 || t[0] == '!') continue;
                return t;
            }
            return null;
        }

        string? line;
        while ((line = Next()) is not null)
        {
            if (line.Equals("cartesian", StringComparison.OrdinalIgnoreCase)) { cartesian = true; continue; }
            if (line.Equals("spherical", StringComparison.OrdinalIgnoreCase)) continue;
            if (line == "****") continue;
            var head = Split(line);
            var z = ElementTable.AtomicNumber(head[0]);
            if (z == 0 || head.Length < 2) throw new FormatException($"line {lineNo}: expected 'Symbol 0', got '{line}'");
            var shells = new List<ShellTemplate>();
            while ((line = Next()) is not null && line != "****")
            {
                var parts = Split(line);
                if (parts.Length < 2) throw new FormatException($"line {lineNo}: expected 'L nprim scale', got '{line}'");
                var type = parts[0].ToUpperInvariant();
                if (!int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var nprim) || nprim <= 0)
                    throw new FormatException($"line {lineNo}: bad primitive count '{parts[1]}'");
                var sp = type == "SP";
                var l = sp ? 0 : "SPDFGHI".IndexOf(type, StringComparison.Ordinal);
                if (l < 0 || type.Length != 1 && !sp) throw new FormatException($"line {lineNo}: unknown shell type '{parts[0]}'");
                var exps = new double[nprim];
                var c1 = new double[nprim];
                var c2 = new double[nprim];
                for (var i = 0; i < nprim; i++)
                {
                    var p = Split(Next() ?? throw new FormatException($"line {lineNo}: file ends inside a shell"));
                    if (p.Length < (sp ? 3 : 2)) throw new FormatException($"line {lineNo}: expected exponent and coefficient(s)");
                    exps[i] = Number(p[0], lineNo);
                    c1[i] = Number(p[1], lineNo);
                    if (sp) c2[i] = Number(p[2], lineNo);
                }
                shells.Add(new ShellTemplate(l, exps, c1));
                if (sp) shells.Add(new ShellTemplate(1, (double[])exps.Clone(), c2));
            }
            elements[z] = [.. shells];
        }
        return new GaussianBasisFile(name, cartesian, elements);
    }

    private static string[] Split(string line) => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static double Number(string s, int lineNo)
    {
        var t = s.Replace('D', 'E').Replace('d', 'E');
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new FormatException($"line {lineNo}: bad number '{s}'");
    }
}
