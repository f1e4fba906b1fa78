using System.Numerics;

namespace MolForge.Chem.Fingerprints;

/// <summary>A fixed-length bit fingerprint stored in 64-bit words; Tanimoto by popcounts.</summary>
public sealed class BitFingerprint
{
    private readonly ulong[] _words;

    /// <summary>An all-zero fingerprint of <paramref name="length"/> bits.</summary>
    public BitFingerprint(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
        _words = new ulong[(length + 63) >> 6];
    }

    /// <summary>Number of bits.</summary>
    public int Length { get; }

    /// <summary>The words (bit i is bit i&amp;63 of word i&gt;&gt;6).</summary>
    public ReadOnlySpan<ulong> Words => _words;

    /// <summary>Sets bit <paramref name="bit"/>.</summary>
    public void Set(int bit)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)bit, (uint)Length, nameof(bit));
        _words[bit >> 6] |= 1UL << (bit & 63);
    }

    /// <summary>True when bit <paramref name="bit"/> is set.</summary>
    public bool Get(int bit) => (_words[bit >> 6] & (1UL << (bit & 63))) != 0;

    /// <summary>Number of set bits.</summary>
    public int Count
    {
        get
        {
            var c = 0;
            foreach (var w in _words) c += BitOperations.PopCount(w);
            return c;
        }
    }

    /// <summary>Indices of the set bits, ascending.</summary>
    public IEnumerable<int> OnBits()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var w = _words[i];
            while (w != 0)
            {
                var b = BitOperations.TrailingZeroCount(w);
                yield return (i << 6) + b;
                w &= w - 1;
            }
        }
    }

    /// <summary>Tanimoto (Jaccard) similarity |A∩B| / |A∪B|; 0 for two empty fingerprints (as RDKit).</summary>
    public static double Tanimoto(BitFingerprint a, BitFingerprint b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length != b.Length) throw new ArgumentException($"Fingerprint lengths differ ({a.Length} and {b.Length}).", nameof(b));
        int both = 0, either = 0;
        var x = a._words;
        var y = b._words;
        for (var i = 0; i < x.Length; i++)
        {
            both += BitOperations.PopCount(x[i] & y[i]);
            either += BitOperations.PopCount(x[i] | y[i]);
        }
        return either == 0 ? 0 : (double)both / either;
    }
}
