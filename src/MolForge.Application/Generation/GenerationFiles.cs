using System.IO.Compression;
using System.Text;

namespace MolForge.Application.Generation;

/// <summary>File helpers of the generation use cases.</summary>
public static class GenerationFiles
{
    /// <summary>Opens a text file, decompressing .gz.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public static TextReader OpenText(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
        Stream s = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) s = new GZipStream(s, CompressionMode.Decompress);
        return new StreamReader(s, Encoding.UTF8, true, 1 << 16);
    }

    /// <summary>The shipped model: data/model/generator.mfgen.gz next to the application (or MOLFORGE_MODEL).</summary>
    public static string DefaultModelPath()
    {
        var env = Environment.GetEnvironmentVariable("MOLFORGE_MODEL");
        if (!string.IsNullOrEmpty(env)) return env;
        return Path.Combine(AppContext.BaseDirectory, "data", "model", "generator.mfgen.gz");
    }
}
