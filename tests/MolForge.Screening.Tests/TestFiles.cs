using System.Globalization;
using System.Text;

namespace MolForge.Screening.Tests;

/// <summary>Temporary input files and databases for the tests.</summary>
internal static class TestFiles
{
    public static string Folder { get; } = CreateFolder();

    private static string CreateFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "molforge-screening-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public static string Write(string name, string content)
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}-{name}");
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public static string SqlitePath() => Path.Combine(Folder, $"{Guid.NewGuid():N}.db");

    /// <summary>A SMILES file of <paramref name="count"/> varied small molecules, every <paramref name="badEvery"/>-th
    /// line invalid (0: none).</summary>
    public static string SmilesLines(int count, int badEvery)
    {
        var sb = new StringBuilder();
        string[] cores = ["c1ccccc1", "C1CCCCC1", "c1ccncc1", "C(=O)O", "CCN", "c1ccoc1", "C#CC", "CC(C)C"];
        for (var i = 0; i < count; i++)
        {
            if (badEvery > 0 && i % badEvery == badEvery - 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"C1CC(bad{i}\n");
                continue;
            }
            var chain = new string('C', 1 + i % 7);
            sb.Append(CultureInfo.InvariantCulture, $"{chain}{cores[i % cores.Length]}{(i % 3 == 0 ? "O" : "")} mol{i}\n");
        }
        return sb.ToString();
    }
}
