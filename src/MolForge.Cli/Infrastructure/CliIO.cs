using System.IO.Compression;
using System.Text;

namespace MolForge.Cli.Infrastructure;

/// <summary>The streams a verb reads and writes (the console in the real program, string writers in tests).</summary>
internal sealed class CliIO(TextReader stdin, TextWriter stdout, TextWriter stderr)
{
    public TextReader In { get; } = stdin;
    public TextWriter Out { get; } = stdout;
    public TextWriter Error { get; } = stderr;

    /// <summary>Opens an input: "-" is standard input; a path ending in .gz is decompressed.</summary>
    /// <exception cref="CliUsageException">The file does not exist.</exception>
    public TextReader OpenInput(string path)
    {
        if (path == "-") return In;
        if (!File.Exists(path)) throw new CliUsageException($"input file not found: {path}");
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
    }

    /// <summary>Opens the output: standard output when <paramref name="path"/> is null or "-", else the file.</summary>
    public TextWriter OpenOutput(string? path)
    {
        if (path is null or "-") return Out;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        return new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16);
    }

    /// <summary>Reports a bad input line on stderr in the contract's form <c>line N: reason</c>.</summary>
    public void ReportInvalid(long lineNumber, string reason) => Error.WriteLine($"line {lineNumber}: {reason}");
}
