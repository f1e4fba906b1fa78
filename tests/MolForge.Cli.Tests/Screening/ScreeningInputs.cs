using System.Globalization;
using System.Text;

namespace MolForge.Cli.Tests.Screening;

/// <summary>Inputs and databases for the screening verb tests.</summary>
internal static class ScreeningInputs
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "molforge-cli-screen-tests", Guid.NewGuid().ToString("N"))).FullName;

    public static string Db() => Path.Combine(Folder, $"{Guid.NewGuid():N}.db");

    public static string File(string name, string content)
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}-{name}");
        System.IO.File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>Varied small molecules with a name column; every 13th line invalid, one blank line.</summary>
    public static string Smiles(int count)
    {
        string[] cores = ["c1ccccc1", "C1CCCCC1", "c1ccncc1", "C(=O)O", "CCN", "c1ccoc1", "C#CC", "CC(C)C", "c1ccc2ccccc2c1"];
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i == 5) sb.Append('\n');
            else if (i % 13 == 12) sb.Append(CultureInfo.InvariantCulture, $"C1CC(x{i} broken{i}\n");
            else sb.Append(CultureInfo.InvariantCulture, $"{new string('C', 1 + i % 11)}{cores[i % cores.Length]}{(i % 4 == 0 ? "N" : "")} m{i}\n");
        }
        return sb.ToString();
    }
}
