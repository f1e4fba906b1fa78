using MolForge.Chem.Smiles;

namespace MolForge.Application.Chemistry;

/// <summary>Options for <see cref="SmilesLineCanonicalizer"/>.</summary>
public sealed record CanonicalizeOptions
{
    /// <summary>Write without stereo (and isotopes).</summary>
    public bool NoStereo { get; init; }

    /// <summary>Write Kekulé forms.</summary>
    public bool Kekule { get; init; }

    /// <summary>Worker threads (1 = sequential). Default: the processor count.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>The `canon` use case: one output line per input line (canonical SMILES, then the name column if any,
/// tab-separated); invalid lines give an empty output line and a report with their line number. Accepts
/// `.smi` lines (SMILES, whitespace, name) and CSV/TSV with a header naming a `smiles` column. Lines are processed in
/// ordered batches on several threads.</summary>
public static class SmilesLineCanonicalizer
{
    private const int BatchSize = 2048;

    /// <summary>Canonicalises every line; returns the number of invalid lines.</summary>
    public static long Run(TextReader input, TextWriter output, CanonicalizeOptions options, Action<long, string> reportInvalid)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reportInvalid);
        var writerOptions = new SmilesWriterOptions { IncludeStereo = !options.NoStereo, Kekule = options.Kekule };
        var lines = new string[BatchSize];
        var results = new string[BatchSize];
        var errors = new string?[BatchSize];
        long lineNumber = 0;
        long invalid = 0;
        LineLayout? layout = null;
        while (true)
        {
            var count = 0;
            while (count < BatchSize && input.ReadLine() is { } line) lines[count++] = line;
            if (count == 0) break;
            var first = 0;
            if (layout is null)
            {
                layout = LineLayout.Detect(lines[0]);
                if (layout.HasHeader)
                {
                    output.Write(layout.HeaderOutput);
                    output.Write('\n');
                    lineNumber++;
                    first = 1;
                }
            }
            var lay = layout;
            void Work(int k)
            {
                var (smiles, name) = lay.Split(lines[k]);
                if (smiles.Length == 0 && name.Length == 0 && lines[k].Trim().Length == 0)
                {
                    results[k] = "";
                    errors[k] = "empty line";
                    return;
                }
                if (SmilesReader.TryParse(smiles, out var mol, out var error))
                {
                    var canon = SmilesWriter.Write(mol, writerOptions);
                    results[k] = name.Length > 0 ? canon + "\t" + name : canon;
                    errors[k] = null;
                }
                else
                {
                    results[k] = "";
                    errors[k] = error;
                }
            }
            if (options.Parallelism > 1 && count - first > 64)
                Parallel.For(first, count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, Work);
            else
                for (var k = first; k < count; k++) Work(k);
            for (var k = first; k < count; k++)
            {
                lineNumber++;
                output.Write(results[k]);
                output.Write('\n');
                if (errors[k] is { } e)
                {
                    invalid++;
                    reportInvalid(lineNumber, e);
                }
            }
        }
        return invalid;
    }

    /// <summary>How a line splits into SMILES and name.</summary>
    private sealed class LineLayout
    {
        private char _separator;       // '\0' = whitespace (.smi)
        private int _smilesColumn;
        private int _nameColumn = -1;

        public bool HasHeader { get; private set; }
        public string HeaderOutput { get; private set; } = "";

        public static LineLayout Detect(string firstLine)
        {
            var layout = new LineLayout();
            foreach (var sep in new[] { '\t', ',' })
            {
                var fields = firstLine.Split(sep);
                var idx = Array.FindIndex(fields, f => f.Trim().Equals("smiles", StringComparison.OrdinalIgnoreCase));
                if (idx < 0) continue;
                layout._separator = sep;
                layout._smilesColumn = idx;
                layout._nameColumn = MoleculeFiles.NameColumn(fields);
                layout.HasHeader = true;
                layout.HeaderOutput = layout._nameColumn >= 0 ? "smiles\t" + fields[layout._nameColumn].Trim() : "smiles";
                return layout;
            }
            if (firstLine.Trim().Equals("smiles", StringComparison.OrdinalIgnoreCase))
            {
                layout.HasHeader = true;
                layout.HeaderOutput = "smiles";
            }
            return layout;
        }

        public (string Smiles, string Name) Split(string line)
        {
            if (_separator == '\0')
            {
                var t = line.AsSpan().Trim();
                var ws = t.IndexOfAny(' ', '\t');
                if (ws < 0) return (t.ToString(), "");
                return (t[..ws].ToString(), t[(ws + 1)..].Trim().ToString());
            }
            var fields = MoleculeFiles.SplitCsv(line, _separator);
            var smiles = _smilesColumn < fields.Count ? fields[_smilesColumn].Trim() : "";
            var name = _nameColumn >= 0 && _nameColumn < fields.Count ? fields[_nameColumn].Trim() : "";
            return (smiles, name);
        }
    }
}
