using System.Numerics;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Mappings;

/// <summary>
/// A mapping defined by an invertible binary encoding matrix β: qubit i stores Σ_k β_ik n_k (mod 2) (Seeley, Richard
/// &amp; Love 2012, J. Chem. Phys. 137, 224109). From β follow the update set U(j) = {i : β_ij = 1} (qubits that flip
/// when n_j flips), the flip set F(j) = row j of β⁻¹ (qubits whose parity is n_j) and the parity set P(j) = the sum of
/// rows k &lt; j of β⁻¹ (qubits whose parity is Σ_{k&lt;j} n_k). Then
///   a†_j = Z_P(j) · X_U(j) · (I + Z_F(j))/2,   a_j = Z_P(j) · X_U(j) · (I − Z_F(j))/2,
/// which is Jordan–Wigner for β = I, the parity mapping for β lower-triangular ones and Bravyi–Kitaev for the
/// Fenwick-tree matrix.
/// </summary>
public abstract class LinearEncodingMapping : FermionMapping
{
    private readonly ulong[] _beta;     // row i: which modes qubit i sums
    private readonly ulong[] _update;   // column j of β as a qubit mask
    private readonly ulong[] _flip;
    private readonly ulong[] _parity;

    /// <summary>Builds the sets from the encoding rows.</summary>
    protected LinearEncodingMapping(int modeCount, Func<int, ulong> betaRow) : base(modeCount)
    {
        ArgumentNullException.ThrowIfNull(betaRow);
        int n = modeCount;
        _beta = new ulong[n];
        for (int i = 0; i < n; i++) _beta[i] = betaRow(i);
        var inv = InvertGf2(_beta, n);
        _update = new ulong[n];
        _flip = new ulong[n];
        _parity = new ulong[n];
        ulong running = 0;
        for (int j = 0; j < n; j++)
        {
            for (int i = 0; i < n; i++)
                if (((_beta[i] >> j) & 1) != 0) _update[j] |= 1UL << i;
            _flip[j] = inv[j];
            _parity[j] = running;
            running ^= inv[j];
        }
    }

    /// <inheritdoc />
    public override int QubitCount => ModeCount;

    /// <summary>Qubits flipped when mode j changes occupation.</summary>
    public ulong UpdateSet(int mode) => _update[mode];

    /// <summary>Qubits whose parity is the occupation of mode j.</summary>
    public ulong FlipSet(int mode) => _flip[mode];

    /// <summary>Qubits whose parity is the number of electrons in modes below j.</summary>
    public ulong ParitySet(int mode) => _parity[mode];

    /// <inheritdoc />
    public override QubitOperator MapLadder(int mode, bool creation)
    {
        if ((uint)mode >= (uint)ModeCount)
            throw new ArgumentOutOfRangeException(nameof(mode), mode, $"The {Name} mapping covers modes 0..{ModeCount - 1}.");
        var zp = new PauliString(0, _parity[mode]);
        var xu = new PauliString(_update[mode], 0);
        var zf = new PauliString(0, _flip[mode]);
        var a = PauliString.Multiply(zp, xu, out int ph1);
        var b = PauliString.Multiply(a, zf, out int ph2);
        var op = new QubitOperator(2);
        op.Add(a, 0.5 * PauliString.IPower(ph1));
        op.Add(b, (creation ? 0.5 : -0.5) * PauliString.IPower(ph1 + ph2));
        return op;
    }

    /// <inheritdoc />
    public override ulong MapOccupation(ulong occupation)
    {
        ulong q = 0;
        for (int i = 0; i < ModeCount; i++)
            if ((BitOperations.PopCount(_beta[i] & occupation) & 1) != 0) q |= 1UL << i;
        return q;
    }

    /// <summary>Inverse of a binary matrix (rows as bit masks) by Gauss–Jordan elimination over GF(2).</summary>
    internal static ulong[] InvertGf2(ulong[] rows, int n)
    {
        var a = (ulong[])rows.Clone();
        var inv = new ulong[n];
        for (int i = 0; i < n; i++) inv[i] = 1UL << i;
        for (int col = 0; col < n; col++)
        {
            int pivot = -1;
            for (int r = col; r < n; r++) if (((a[r] >> col) & 1) != 0) { pivot = r; break; }
            if (pivot < 0) throw new InvalidOperationException("The encoding matrix is singular over GF(2).");
            (a[col], a[pivot]) = (a[pivot], a[col]);
            (inv[col], inv[pivot]) = (inv[pivot], inv[col]);
            for (int r = 0; r < n; r++)
                if (r != col && ((a[r] >> col) & 1) != 0) { a[r] ^= a[col]; inv[r] ^= inv[col]; }
        }
        return inv;
    }
}

/// <summary>Jordan–Wigner (1928): qubit j stores n_j; a†_j = Z_0…Z_{j−1} (X_j − iY_j)/2.</summary>
public sealed class JordanWignerMapping(int modeCount) : LinearEncodingMapping(modeCount, i => 1UL << i)
{
    /// <inheritdoc />
    public override string Name => "jordan-wigner";
}

/// <summary>Parity mapping (Seeley, Richard &amp; Love 2012): qubit j stores n_0 + … + n_j (mod 2).</summary>
public sealed class ParityMapping(int modeCount)
    : LinearEncodingMapping(modeCount, i => i == 63 ? ulong.MaxValue : (1UL << (i + 1)) - 1)
{
    /// <inheritdoc />
    public override string Name => "parity";
}

/// <summary>
/// Bravyi–Kitaev (Bravyi &amp; Kitaev 2002; Seeley, Richard &amp; Love 2012): qubit j stores the sum of n_k over the
/// Fenwick-tree range k ∈ (j + 1 − lowbit(j + 1), j], the recursive β_{2^{x+1}} = [[β, 0], [A, β]] matrix truncated to
/// the mode count.
/// </summary>
public sealed class BravyiKitaevMapping(int modeCount) : LinearEncodingMapping(modeCount, FenwickRow)
{
    /// <inheritdoc />
    public override string Name => "bravyi-kitaev";

    private static ulong FenwickRow(int j)
    {
        int len = (j + 1) & -(j + 1);
        ulong mask = 0;
        for (int k = j + 1 - len; k <= j; k++) mask |= 1UL << k;
        return mask;
    }
}
