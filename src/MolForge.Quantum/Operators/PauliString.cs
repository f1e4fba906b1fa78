using System.Globalization;
using System.Numerics;
using System.Text;

namespace MolForge.Quantum.Operators;

/// <summary>
/// A Pauli string on up to 64 qubits packed as two bit masks (symplectic representation, Aaronson &amp; Gottesman
/// 2004): qubit q carries I (x=0,z=0), X (1,0), Z (0,1) or Y (1,1). The string has no phase of its own: phases live in
/// the coefficients of <see cref="QubitOperator"/>. Acting on a basis state, P|b⟩ = i^popcount(x&amp;z) ·
/// (−1)^popcount(b&amp;z) |b ⊕ x⟩ (since Y = iXZ).
/// </summary>
public readonly record struct PauliString(ulong X, ulong Z) : IComparable<PauliString>
{
    /// <summary>The identity string.</summary>
    public static PauliString Identity => default;

    /// <summary>True when every qubit carries I.</summary>
    public bool IsIdentity => (X | Z) == 0;

    /// <summary>Number of qubits with a non-identity letter.</summary>
    public int Weight => BitOperations.PopCount(X | Z);

    /// <summary>Mask of qubits with a non-identity letter.</summary>
    public ulong Support => X | Z;

    /// <summary>Number of Y letters.</summary>
    public int YCount => BitOperations.PopCount(X & Z);

    /// <summary>Highest qubit index with a non-identity letter, or −1 for the identity.</summary>
    public int MaxQubit => Support == 0 ? -1 : 63 - BitOperations.LeadingZeroCount(Support);

    /// <summary>A single letter (X, Y or Z; I gives the identity) on one qubit.</summary>
    public static PauliString Single(char letter, int qubit)
    {
        if ((uint)qubit >= 64) throw new ArgumentOutOfRangeException(nameof(qubit), qubit, "Pauli strings cover qubits 0..63.");
        ulong bit = 1UL << qubit;
        return char.ToUpperInvariant(letter) switch
        {
            'I' => default,
            'X' => new PauliString(bit, 0),
            'Y' => new PauliString(bit, bit),
            'Z' => new PauliString(0, bit),
            _ => throw new ArgumentException($"'{letter}' is not a Pauli letter (I, X, Y, Z).", nameof(letter)),
        };
    }

    /// <summary>The letter on one qubit.</summary>
    public char this[int qubit]
    {
        get
        {
            int x = (int)((X >> qubit) & 1), z = (int)((Z >> qubit) & 1);
            return (x, z) switch { (0, 0) => 'I', (1, 0) => 'X', (0, 1) => 'Z', _ => 'Y' };
        }
    }

    /// <summary>
    /// Product a·b = i^phase · result. Per qubit, XY = iZ, YZ = iX, ZX = iY and the reversed orders give −i; the
    /// exponent is the count of cyclic pairs minus anticyclic pairs (mod 4).
    /// </summary>
    public static PauliString Multiply(PauliString a, PauliString b, out int phase)
    {
        ulong x1 = a.X, z1 = a.Z, x2 = b.X, z2 = b.Z;
        ulong plus = (x1 & ~z1 & x2 & z2) | (x1 & z1 & ~x2 & z2) | (~x1 & z1 & x2 & ~z2);
        ulong minus = (x1 & z1 & x2 & ~z2) | (~x1 & z1 & x2 & z2) | (x1 & ~z1 & ~x2 & z2);
        phase = (BitOperations.PopCount(plus) - BitOperations.PopCount(minus)) & 3;
        return new PauliString(x1 ^ x2, z1 ^ z2);
    }

    /// <summary>True when the two strings commute (an even number of qubits where they anticommute).</summary>
    public bool CommutesWith(PauliString other) =>
        (BitOperations.PopCount((X & other.Z) ^ (Z & other.X)) & 1) == 0;

    /// <summary>i^k as a complex number.</summary>
    public static Complex IPower(int k) => (k & 3) switch { 0 => Complex.One, 1 => Complex.ImaginaryOne, 2 => -Complex.One, _ => -Complex.ImaginaryOne };

    /// <summary>Parses "X0 Y3 Z5" (letter then qubit, space separated; "I" or "" is the identity).</summary>
    public static PauliString Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong x = 0, z = 0;
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "I") continue;
            if (token.Length < 2 || !int.TryParse(token.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int q) || q >= 64)
                throw new FormatException($"'{token}' in \"{text}\" is not a Pauli letter followed by a qubit index 0..63.");
            if ("XYZ".IndexOf(char.ToUpperInvariant(token[0]), StringComparison.Ordinal) < 0)
                throw new FormatException($"'{token[0]}' in \"{text}\" is not a Pauli letter (X, Y, Z).");
            var p = Single(token[0], q);
            if (((x | z) & (p.X | p.Z)) != 0) throw new FormatException($"qubit {q} appears twice in \"{text}\".");
            x |= p.X; z |= p.Z;
        }
        return new PauliString(x, z);
    }

    /// <inheritdoc />
    public int CompareTo(PauliString other)
    {
        int c = Support.CompareTo(other.Support);
        if (c != 0) return c;
        c = X.CompareTo(other.X);
        return c != 0 ? c : Z.CompareTo(other.Z);
    }

    /// <summary>"X0 Y3 Z5", or "I" for the identity.</summary>
    public override string ToString()
    {
        if (IsIdentity) return "I";
        var sb = new StringBuilder();
        ulong s = Support;
        while (s != 0)
        {
            int q = BitOperations.TrailingZeroCount(s);
            s &= s - 1;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(this[q]).Append(q.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
