using System.Reflection;

namespace MolForge.Chem.Core;

/// <summary>Reads the parameter tables that ship inside the assembly (from the repository's <c>data/chem</c>).</summary>
internal static class EmbeddedData
{
    /// <summary>Lines of an embedded table, skipping blank lines and lines starting with '#'.</summary>
    public static IEnumerable<string> ReadLines(string fileName)
    {
        var name = "MolForge.Chem.Data." + fileName;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded data '{fileName}' is missing from MolForge.Chem.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line;
        }
    }
}
