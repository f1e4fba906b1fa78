using System.IO.Compression;

namespace MolForge.Chem.Tests.Smarts;

/// <summary>Locates and reads the RDKit reference files in tests/MolForge.Chem.Tests/References (made by
/// tools/references/make_descriptor_references.py).</summary>
internal static class PropsReferenceFiles
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "MolForge.Chem.Tests", "References");
            if (File.Exists(Path.Combine(candidate, "descriptors.tsv.gz"))) return candidate;
            dir = dir.Parent;
        }
        throw new InvalidOperationException("tests/MolForge.Chem.Tests/References not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Rows of a TSV (optionally gzip) file as field arrays, header skipped.</summary>
    public static IEnumerable<string[]> ReadTsv(string name)
    {
        var path = Path.Combine(Directory, name);
        using Stream raw = File.OpenRead(path);
        using Stream stream = name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line.Split('\t');
    }

    /// <summary>(id, SMARTS) of every reference pattern.</summary>
    public static IReadOnlyList<(string Id, string Smarts)> Patterns { get; } =
        [.. ReadTsv("smarts_patterns.tsv").Select(f => (f[0], f[1]))];
}
