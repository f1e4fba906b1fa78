using System.Globalization;
using System.Text;
using MolForge.Chem.Core;
using MolForge.Chem.Formats;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Chemistry;

/// <summary>Molecule file formats the application reads and writes.</summary>
public enum MoleculeFileFormat
{
    /// <summary>SMILES, one per line, optional name after whitespace (.smi).</summary>
    Smiles,
    /// <summary>CSV with a header naming a <c>smiles</c> column (.csv).</summary>
    Csv,
    /// <summary>MDL SD file (.sdf, .sd, .mol).</summary>
    Sdf,
    /// <summary>XYZ coordinates (.xyz).</summary>
    Xyz,
}

/// <summary>Streaming reading and writing of molecule files, record by record; bad records become
/// <see cref="MoleculeRecord"/>s with an error naming their line, never exceptions.</summary>
public static class MoleculeFiles
{
    /// <summary>The format for a file name (a trailing .gz is ignored), or null when unknown.</summary>
    public static MoleculeFileFormat? FormatOfPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var p = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return Parse(Path.GetExtension(p).TrimStart('.'));
    }

    /// <summary>The format for a name such as "smi", "sdf", "csv", "xyz", or null.</summary>
    public static MoleculeFileFormat? Parse(string name) => name.ToLowerInvariant() switch
    {
        "smi" or "smiles" or "txt" => MoleculeFileFormat.Smiles,
        "csv" or "tsv" => MoleculeFileFormat.Csv,
        "sdf" or "sd" or "mol" => MoleculeFileFormat.Sdf,
        "xyz" => MoleculeFileFormat.Xyz,
        _ => null,
    };

    /// <summary>Reads every record of the input.</summary>
    public static IEnumerable<MoleculeRecord> Read(TextReader reader, MoleculeFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return format switch
        {
            MoleculeFileFormat.Smiles => ReadSmiles(reader),
            MoleculeFileFormat.Csv => ReadCsv(reader),
            MoleculeFileFormat.Sdf => new SdfReader(reader).ReadAll(),
            MoleculeFileFormat.Xyz => XyzFormat.Read(reader, perceiveBonds: false),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    private static IEnumerable<MoleculeRecord> ReadSmiles(TextReader reader)
    {
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var t = text.Trim();
            if (t.Length == 0 || t[0] == '#') continue;
            if (line == 1 && (t.Equals("smiles", StringComparison.OrdinalIgnoreCase) || t.StartsWith("smiles\t", StringComparison.OrdinalIgnoreCase) || t.StartsWith("smiles ", StringComparison.OrdinalIgnoreCase))) continue;
            yield return SmilesReader.TryParse(t, out var m, out var error)
                ? new MoleculeRecord(line, m, null)
                : new MoleculeRecord(line, null, error);
        }
    }

    private static IEnumerable<MoleculeRecord> ReadCsv(TextReader reader)
    {
        var header = reader.ReadLine();
        if (header is null) yield break;
        var sep = header.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var columns = SplitCsv(header, sep);
        var smilesCol = columns.FindIndex(c => c.Trim().Equals("smiles", StringComparison.OrdinalIgnoreCase));
        if (smilesCol < 0)
        {
            yield return new MoleculeRecord(1, null, "CSV header has no 'smiles' column");
            yield break;
        }
        var nameCol = NameColumn(columns);
        long line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var f = SplitCsv(text, sep);
            if (smilesCol >= f.Count)
            {
                yield return new MoleculeRecord(line, null, $"row has {f.Count} fields; the smiles column is number {smilesCol + 1}");
                continue;
            }
            if (!SmilesReader.TryParse(f[smilesCol].Trim(), out var m, out var error))
            {
                yield return new MoleculeRecord(line, null, error);
                continue;
            }
            var props = new Dictionary<string, string>();
            for (var i = 0; i < columns.Count && i < f.Count; i++)
                if (i != smilesCol && i != nameCol) props[columns[i].Trim()] = f[i];
            if (nameCol >= 0 && nameCol < f.Count) m = m.WithName(f[nameCol].Trim());
            yield return new MoleculeRecord(line, props.Count > 0 ? m.WithProperties(props) : m, null);
        }
    }

    private static readonly string[] NameColumns = ["name", "title", "pref_name", "mol_id", "id", "molecule_chembl_id"];

    /// <summary>The column used as the molecule name: the first of name, title, pref_name, mol_id, id,
    /// molecule_chembl_id present (case-insensitive), or -1.</summary>
    public static int NameColumn(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        foreach (var wanted in NameColumns)
            for (var i = 0; i < header.Count; i++)
                if (header[i].Trim().Equals(wanted, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    internal static List<string> SplitCsv(string line, char sep)
    {
        var list = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == sep) { list.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        list.Add(sb.ToString());
        return list;
    }
}

/// <summary>Writes molecules in one format; CSV gets a header from the first molecule's data fields.</summary>
public sealed class MoleculeFileWriter
{
    private readonly TextWriter _writer;
    private readonly MoleculeFileFormat _format;
    private List<string>? _csvColumns;

    /// <summary>Creates a writer.</summary>
    public MoleculeFileWriter(TextWriter writer, MoleculeFileFormat format)
    {
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _format = format;
    }

    /// <summary>Writes one molecule; returns an error message instead when the format cannot hold it (XYZ without
    /// coordinates).</summary>
    public string? Write(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        switch (_format)
        {
            case MoleculeFileFormat.Smiles:
                _writer.Write(SmilesWriter.Write(molecule));
                if (molecule.Name.Length > 0) { _writer.Write('\t'); _writer.Write(molecule.Name); }
                _writer.Write('\n');
                return null;
            case MoleculeFileFormat.Csv:
                if (_csvColumns is null)
                {
                    _csvColumns = [.. molecule.Properties.Keys];
                    _writer.Write("smiles,name");
                    foreach (var c in _csvColumns) { _writer.Write(','); _writer.Write(Quote(c)); }
                    _writer.Write('\n');
                }
                _writer.Write(Quote(SmilesWriter.Write(molecule)));
                _writer.Write(',');
                _writer.Write(Quote(molecule.Name));
                foreach (var c in _csvColumns)
                {
                    _writer.Write(',');
                    _writer.Write(Quote(molecule.Properties.TryGetValue(c, out var v) ? v : ""));
                }
                _writer.Write('\n');
                return null;
            case MoleculeFileFormat.Sdf:
                if (molecule.AtomCount > 999 || molecule.BondCount > 999) return "too many atoms or bonds for SDF V2000 (999)";
                SdfWriter.Write(_writer, molecule);
                return null;
            case MoleculeFileFormat.Xyz:
                if (molecule.Conformer is null) return "molecule has no coordinates; XYZ needs them (use SDF with 3D coordinates)";
                XyzFormat.Write(_writer, molecule);
                return null;
            default:
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"unknown format {_format}"));
        }
    }

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
