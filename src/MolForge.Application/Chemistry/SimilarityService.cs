using MolForge.Chem.Fingerprints;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Chemistry;

/// <summary>An input and its Tanimoto similarity to the query.</summary>
/// <param name="Line">Input line number.</param>
/// <param name="Smiles">Input SMILES.</param>
/// <param name="Name">Input name.</param>
/// <param name="Similarity">Tanimoto on Morgan radius-2, 2048-bit fingerprints.</param>
public sealed record SimilarityRow(long Line, string Smiles, string Name, double Similarity);

/// <summary>Nearest-neighbour search by Tanimoto similarity on Morgan (ECFP4-like) bit fingerprints, radius 2,
/// 2048 bits, identical to RDKit's GetMorganFingerprintAsBitVect(mol, 2, 2048).</summary>
public sealed class SimilarityService
{
    /// <summary>Fingerprint radius.</summary>
    public const int Radius = 2;

    /// <summary>Fingerprint length.</summary>
    public const int Bits = 2048;

    /// <summary>Fingerprint of a query SMILES.</summary>
    /// <exception cref="FormatException">The SMILES is invalid (message names the problem).</exception>
    public static BitFingerprint QueryFingerprint(string smiles)
    {
        if (!SmilesReader.TryParse(smiles, out var mol, out var error))
            throw new FormatException($"query SMILES '{smiles}': {error}");
        return MorganFingerprint.Bits(mol, Radius, Bits);
    }

    /// <summary>The <paramref name="top"/> most similar valid inputs, most similar first (ties in input order);
    /// invalid lines go to <paramref name="onInvalid"/>.</summary>
    public static IReadOnlyList<SimilarityRow> Nearest(BitFingerprint query, TextReader reader, int top, Action<long, string> onInvalid, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(onInvalid);
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        // Keep the best `top` in a min-heap keyed by (similarity, -line).
        var heap = new PriorityQueue<SimilarityRow, (double, long)>();
        foreach (var (rec, sim) in PropsInputRecords.Process(reader, m => BitFingerprint.Tanimoto(query, MorganFingerprint.Bits(m, Radius, Bits)), cancellationToken))
        {
            if (rec.Error is not null)
            {
                onInvalid(rec.Line, rec.Error);
                continue;
            }
            if (top == 0) continue;
            var row = new SimilarityRow(rec.Line, rec.Smiles, rec.Name, sim);
            if (heap.Count < top) heap.Enqueue(row, (sim, -rec.Line));
            else if (heap.TryPeek(out _, out var worst) && (sim, -rec.Line).CompareTo(worst) > 0)
                heap.EnqueueDequeue(row, (sim, -rec.Line));
        }
        var list = new List<SimilarityRow>(heap.Count);
        while (heap.Count > 0) list.Add(heap.Dequeue());
        list.Reverse();
        return list;
    }
}
