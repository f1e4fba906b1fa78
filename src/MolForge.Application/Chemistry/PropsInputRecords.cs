using MolForge.Chem.Core;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Chemistry;

/// <summary>One input line of a SMILES file, parsed: the molecule or the reason it is invalid.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Smiles">The SMILES text as given.</param>
/// <param name="Name">The name column (may be empty).</param>
/// <param name="Molecule">The molecule, or null when invalid.</param>
/// <param name="Error">Why the line is invalid, or null.</param>
public sealed record InputRecord(long Line, string Smiles, string Name, Molecule? Molecule, string? Error);

/// <summary>Reads SMILES lines (<c>SMILES [whitespace NAME]</c>) in chunks and parses them in parallel, keeping
/// input order. Blank lines are skipped.</summary>
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
            if (string.IsNullOrWhiteSpace(line)) continue;
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

    /// <summary>Parses every line and applies <paramref name="work"/> to each valid molecule, in parallel per
    /// chunk, yielding results in input order.</summary>
    public static IEnumerable<(InputRecord Record, T? Value)> Process<T>(TextReader reader, Func<Molecule, T> work, CancellationToken cancellationToken = default)
    {
        foreach (var chunk in Chunks(reader))
        {
            var results = new (InputRecord, T?)[chunk.Count];
            Parallel.For(0, chunk.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var rec = Parse(chunk[i].Line, chunk[i].Text);
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
            foreach (var r in results) yield return r;
        }
    }
}
