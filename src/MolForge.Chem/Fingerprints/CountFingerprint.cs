namespace MolForge.Chem.Fingerprints;

/// <summary>A hashed count fingerprint (RDKit SparseIntVect of fixed length); Tanimoto on counts
/// Σmin / (Σa + Σb − Σmin), as RDKit's TanimotoSimilarity on count vectors.</summary>
public sealed class CountFingerprint
{
    private readonly int[] _counts;

    /// <summary>A zero vector of <paramref name="length"/> entries.</summary>
    public CountFingerprint(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        _counts = new int[length];
    }

    /// <summary>Number of entries.</summary>
    public int Length => _counts.Length;

    /// <summary>Counts by index.</summary>
    public ReadOnlySpan<int> Counts => _counts;

    /// <summary>Adds one to entry <paramref name="index"/>.</summary>
    public void Increment(int index) => _counts[index]++;

    /// <summary>The non-zero entries, ascending.</summary>
    public IEnumerable<KeyValuePair<int, int>> NonZero()
    {
        for (var i = 0; i < _counts.Length; i++)
            if (_counts[i] != 0) yield return new(i, _counts[i]);
    }

    /// <summary>Tanimoto on counts; 0 when both are empty.</summary>
    public static double Tanimoto(CountFingerprint a, CountFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length) throw new ArgumentException($"Fingerprint lengths differ ({a.Length} and {b.Length}).", nameof(b));
        long sa = 0, sb = 0, smin = 0;
        for (var i = 0; i < a._counts.Length; i++)
        {
            int x = a._counts[i], y = b._counts[i];
            sa += x;
            sb += y;
            smin += Math.Min(x, y);
        }
        var denom = sa + sb - smin;
        return denom == 0 ? 0 : (double)smin / denom;
    }
}
