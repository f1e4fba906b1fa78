using MolForge.Chem.Core;
using MolForge.Chem.Formats;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Chemistry;

/// <summary>One input line of a SMILES file, parsed: the molecule or the reason it is invalid.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Smiles">The SMILES text as given.</param>
/// <param name="Name">The name column (may be empty).</param>
/// <param name="Molecule">The molecule, or null when invalid.</param>
/// <param name="Error">Why the line is invalid, or null.</param>
public sealed record InputRecord(long Line, string Smiles, string Name, Molecule? Molecule, string? Error);

/// <summary>Input for describe/match/similar. SMILES lines (<c>SMILES [whitespace NAME]</c>) are read in chunks and
/// parsed in parallel, keeping input order and the SMILES text as given (blank lines, '#' comments and a
/// 'smiles' header line are skipped, as <see cref="MoleculeFiles"/> does); CSV, SDF and XYZ files are read with
/// <see cref="MoleculeFiles"/> and shown by their canonical SMILES.</summary>
internal static class PropsInputRecords
{
    public const int ChunkSize = 2048;

    /// <summary>Chunks of raw lines with their numbers.</summary>
    public static IEnumerable<List<(long Line, string Text)>> Chunks(TextReader reader)
    {
        var chunk = new List<(long, string)>(ChunkSize);
        long n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            var t = line.AsSpan().Trim();
            if (t.Length == 0 || t[0] == '#') continue;
            if (n == 1 && t.StartsWith("smiles", StringComparison.OrdinalIgnoreCase) && (t.Length == 6 || t[6] is ' ' or '\t')) continue;
            chunk.Add((n, line));
            if (chunk.Count == ChunkSize)
            {
                yield return chunk;
                chunk = new List<(long, string)>(ChunkSize);
            }
        }
        if (chunk.Count > 0) yield return chunk;
    }

    /// <summary>Parses one line.</summary>
    public static InputRecord Parse(long line, string text)
    {
        var t = text.Trim();
        var cut = t.AsSpan().IndexOfAny(' ', '\t');
        var smiles = cut < 0 ? t : t[..cut];
        var name = cut < 0 ? "" : t[(cut + 1)..].Trim();
        if (SmilesReader.TryParse(smiles, out var mol, out var error))
            return new InputRecord(line, smiles, name, mol, null);
        return new InputRecord(line, smiles, name, null, error);
    }

    /// <summary>Reads every record of <paramref name="reader"/> in <paramref name="format"/> and applies
    /// <paramref name="work"/> to each valid molecule, in parallel per chunk, yielding results in input order.</summary>
    public static IEnumerable<(InputRecord Record, T? Value)> Process<T>(TextReader reader, MoleculeFileFormat format, Func<Molecule, T> work, CancellationToken cancellationToken = default)
    {
        if (format == MoleculeFileFormat.Smiles)
        {
            foreach (var chunk in Chunks(reader))
                foreach (var r in RunChunk(chunk.Count, i => Parse(chunk[i].Line, chunk[i].Text), work, cancellationToken))
                    yield return r;
            yield break;
        }
        var batch = new List<MoleculeRecord>(ChunkSize);
        foreach (var record in MoleculeFiles.Read(reader, format))
        {
            batch.Add(record);
            if (batch.Count < ChunkSize) continue;
            foreach (var r in RunChunk(batch.Count, i => FromRecord(batch[i]), work, cancellationToken)) yield return r;
            batch.Clear();
        }
        if (batch.Count > 0)
            foreach (var r in RunChunk(batch.Count, i => FromRecord(batch[i]), work, cancellationToken)) yield return r;
    }

    /// <summary>SMILES lines (the default format).</summary>
    public static IEnumerable<(InputRecord Record, T? Value)> Process<T>(TextReader reader, Func<Molecule, T> work, CancellationToken cancellationToken = default) =>
        Process(reader, MoleculeFileFormat.Smiles, work, cancellationToken);

    private static InputRecord FromRecord(MoleculeRecord r)
    {
        if (r.Molecule is null) return new InputRecord(r.LineNumber, "", "", null, r.Error ?? "invalid record");
        string smiles;
        try
        {
            smiles = SmilesWriter.Write(r.Molecule);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return new InputRecord(r.LineNumber, "", r.Molecule.Name, null, e.Message);
        }
        return new InputRecord(r.LineNumber, smiles, r.Molecule.Name, r.Molecule, null);
    }

    private static (InputRecord, T?)[] RunChunk<T>(int count, Func<int, InputRecord> read, Func<Molecule, T> work, CancellationToken cancellationToken)
    {
        var results = new (InputRecord, T?)[count];
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var rec = read(i);
            T? value = default;
            if (rec.Molecule is not null)
            {
                try
                {
                    value = work(rec.Molecule);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
                {
                    rec = rec with { Molecule = null, Error = e.Message };
                }
            }
            results[i] = (rec, value);
        });
        return results;
    }
}
