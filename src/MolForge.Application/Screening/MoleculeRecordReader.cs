using System.IO.Compression;
using System.Text;
using MolForge.Chem.Formats;
using MolForge.Chem.Sanitization;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Screening;

/// <summary>Streams the molecule records of a screening input: SMILES files (SMILES, then an optional name),
/// CSV/TSV with a header that has a <c>smiles</c> column (and optionally <c>name</c>/<c>id</c>/<c>title</c>), and
/// SDF (records up to <c>$$$$</c>; the SMILES comes from a <c>SMILES</c> data field when present, else from the molfile
/// block read with MolForge.Chem's SdfReader; the name from the title line).
/// Files ending in .gz are decompressed. Records are read one at a time; the file is never loaded whole.</summary>
public static class MoleculeRecordReader
{
    /// <summary>The format of <paramref name="path"/> from its extension: smi, csv or sdf.</summary>
    public static string DetectFormat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext switch
        {
            ".csv" or ".tsv" => "csv",
            ".sdf" or ".sd" or ".mol" => "sdf",
            _ => "smi",
        };
    }

    /// <summary>Opens <paramref name="path"/> positioned at <paramref name="offset"/> (uncompressed byte offset).</summary>
    public static Stream OpenAt(string path, long offset)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            file.Seek(offset, SeekOrigin.Begin);
            return file;
        }
        var gz = new GZipStream(file, CompressionMode.Decompress);
        var scratch = new byte[1 << 16];
        var left = offset;
        while (left > 0)
        {
            var n = gz.Read(scratch, 0, (int)Math.Min(scratch.Length, left));
            if (n == 0) break;
            left -= n;
        }
        return gz;
    }

    /// <summary>Reads records from <paramref name="lines"/>. At offset 0 of a CSV input the header is read and
    /// <paramref name="csv"/> may be null; elsewhere it must be given. Each record comes with the byte offset where it
    /// starts.</summary>
    /// <exception cref="InvalidDataException">A CSV header without a smiles column.</exception>
    internal static IEnumerable<(InputRecord Record, long Offset)> Read(ByteLineReader lines, string format, CsvColumns? csv, int firstIndex, long firstLineNumber)
    {
        return format switch
        {
            "csv" => ReadCsv(lines, csv, firstIndex, firstLineNumber),
            "sdf" => ReadSdf(lines, firstIndex, firstLineNumber),
            _ => ReadSmiles(lines, firstIndex, firstLineNumber),
        };
    }

    private static IEnumerable<(InputRecord, long)> ReadSmiles(ByteLineReader lines, int index, long lineNumber)
    {
        while (true)
        {
            var offset = lines.Offset;
            var line = lines.ReadLine();
            if (line is null) yield break;
            yield return (ParseSmilesLine(line, index++, lineNumber++), offset);
        }
    }

    /// <summary>Parses one line of a SMILES file: the SMILES, then (after spaces or a tab) the name.</summary>
    public static InputRecord ParseSmilesLine(string line, int index, long lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.Length == 0) return new InputRecord(index, lineNumber, "", "", "empty line");
        var cut = text.AsSpan().IndexOfAny(' ', '\t');
        return cut < 0
            ? new InputRecord(index, lineNumber, text, "", null)
            : new InputRecord(index, lineNumber, text[..cut], text[(cut + 1)..].Trim(), null);
    }

    private static IEnumerable<(InputRecord, long)> ReadCsv(ByteLineReader lines, CsvColumns? columns, int index, long lineNumber)
    {
        if (columns is null)
        {
            var header = lines.ReadLine() ?? throw new InvalidDataException("line 1: the CSV input is empty (a header with a smiles column is required)");
            columns = ParseCsvHeader(header);
            lineNumber++;
        }
        while (true)
        {
            var offset = lines.Offset;
            var line = lines.ReadLine();
            if (line is null) yield break;
            yield return (ParseCsvLine(line, columns, index++, lineNumber++), offset);
        }
    }

    /// <summary>Finds the smiles and name columns of a CSV header (case-insensitive; tab-delimited when the header
    /// has tabs and no commas).</summary>
    /// <exception cref="InvalidDataException">No smiles column.</exception>
    public static CsvColumns ParseCsvHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var delimiter = header.Contains('\t', StringComparison.Ordinal) && !header.Contains(',', StringComparison.Ordinal) ? '\t' : ',';
        var fields = SplitCsv(header.TrimStart('\uFEFF'), delimiter) ?? [];
        int smiles = -1, name = -1;
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i].Trim().ToLowerInvariant();
            if (smiles < 0 && f is "smiles" or "smile" or "canonical_smiles") smiles = i;
            else if (name < 0 && f is "name" or "id" or "title" or "zinc_id" or "mol_id") name = i;
        }
        if (smiles < 0) throw new InvalidDataException("line 1: the CSV header has no 'smiles' column");
        return new CsvColumns(smiles, name, delimiter);
    }

    private static InputRecord ParseCsvLine(string line, CsvColumns columns, int index, long lineNumber)
    {
        if (line.Trim().Length == 0) return new InputRecord(index, lineNumber, "", "", "empty line");
        var fields = SplitCsv(line, columns.Delimiter);
        if (fields is null) return new InputRecord(index, lineNumber, "", "", "unbalanced quotes in CSV line");
        if (columns.SmilesColumn >= fields.Count) return new InputRecord(index, lineNumber, "", "", $"missing smiles column (field {columns.SmilesColumn + 1})");
        var smiles = fields[columns.SmilesColumn].Trim();
        var name = columns.NameColumn >= 0 && columns.NameColumn < fields.Count ? fields[columns.NameColumn].Trim() : "";
        return new InputRecord(index, lineNumber, smiles, name, smiles.Length == 0 ? "empty smiles field" : null);
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting within the line); null when quotes are unbalanced.</summary>
    public static List<string>? SplitCsv(string line, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') sb.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        if (quoted) return null;
        fields.Add(sb.ToString());
        return fields;
    }

    private const int MaxSdfRecordLines = 100_000;

    /// <summary>The canonical SMILES of a molfile block (MolForge.Chem's SDF reader), or why it cannot be read.</summary>
    private static (string Smiles, string? Error) SmilesFromMolfile(List<string> block, long firstLine)
    {
        try
        {
            var molecule = new SdfReader(TextReader.Null).ParseRecord(block, firstLine);
            return (SmilesWriter.Write(molecule), null);
        }
        catch (Exception ex) when (ex is MoleculeFormatException or SanitizationException or FormatException or OverflowException or ArgumentException or InvalidOperationException)
        {
            return ("", $"unreadable molfile: {ex.Message}");
        }
    }

    private static IEnumerable<(InputRecord, long)> ReadSdf(ByteLineReader lines, int index, long lineNumber)
    {
        while (true)
        {
            var offset = lines.Offset;
            var first = lines.ReadLine();
            if (first is null) yield break;
            var startLine = lineNumber++;
            var title = first.Trim();
            string? smiles = null;
            var content = title.Length > 0;
            var ended = first == "$$$$";
            string? pendingField = null;
            var block = new List<string> { first };
            while (!ended)
            {
                var line = lines.ReadLine();
                if (line is null) break;
                lineNumber++;
                if (line == "$$$$") { ended = true; break; }
                if (block.Count < MaxSdfRecordLines) block.Add(line);
                if (line.Trim().Length > 0) content = true;
                if (line.StartsWith('>'))
                {
                    var lt = line.IndexOf('<', StringComparison.Ordinal);
                    var gt = lt < 0 ? -1 : line.IndexOf('>', lt);
                    pendingField = lt >= 0 && gt > lt ? line[(lt + 1)..gt] : null;
                }
                else if (pendingField is not null)
                {
                    if (smiles is null && pendingField.Equals("smiles", StringComparison.OrdinalIgnoreCase)) smiles = line.Trim();
                    pendingField = null;
                }
            }
            if (!content && first != "$$$$") yield break; // trailing blank lines after the last record
            if (first == "$$$$") title = "";
            string? error = null;
            if (smiles is not { Length: > 0 })
                (smiles, error) = first == "$$$$" ? ("", "empty SDF record") : SmilesFromMolfile(block, startLine);
            yield return (new InputRecord(index++, startLine, smiles, title, error), offset);
        }
    }
}
