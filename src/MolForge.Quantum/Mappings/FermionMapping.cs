using System.Numerics;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Mappings;

/// <summary>Thrown when a mapping cannot represent the requested electron count (too many electrons for the
/// modes, a negative count, or a count other than the one a symmetry-reduced mapping was built for).</summary>
public sealed class ElectronCountException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public ElectronCountException(string message) : base(message) { }

    /// <summary>Creates the exception.</summary>
    public ElectronCountException() { }

    /// <summary>Creates the exception.</summary>
    public ElectronCountException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// A fermion-to-qubit mapping. Spin orbitals are numbered in blocks: modes 0..n−1 are the α spin orbitals of the n
/// spatial orbitals, modes n..2n−1 the β ones (the ordering the parity two-qubit reduction needs).
/// </summary>
public abstract class FermionMapping
{
    /// <summary>Creates a mapping over <paramref name="modeCount"/> spin orbitals.</summary>
    protected FermionMapping(int modeCount)
    {
        if (modeCount < 1 || modeCount > 64)
            throw new ArgumentOutOfRangeException(nameof(modeCount), modeCount, "A mapping covers 1..64 spin orbitals.");
        ModeCount = modeCount;
    }

    /// <summary>Short name: jordan-wigner, parity, bravyi-kitaev, parity-reduced.</summary>
    public abstract string Name { get; }

    /// <summary>Number of fermionic modes (spin orbitals).</summary>
    public int ModeCount { get; }

    /// <summary>Number of qubits of the mapped operators.</summary>
    public abstract int QubitCount { get; }

    /// <summary>The qubit operator of one ladder operator.</summary>
    public abstract QubitOperator MapLadder(int mode, bool creation);

    /// <summary>The computational basis state that represents an occupation-number basis state (bit k = mode k).</summary>
    public abstract ulong MapOccupation(ulong occupation);

    /// <summary>Maps a fermion operator term by term (products of the mapped ladder operators, combined and
    /// simplified).</summary>
    public virtual QubitOperator Map(FermionOperator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var result = new QubitOperator();
        var ladders = new QubitOperator?[2 * ModeCount];
        var buffer = new List<(PauliString P, Complex C)>(16);
        var next = new List<(PauliString P, Complex C)>(16);
        foreach (var term in op.Terms)
        {
            buffer.Clear();
            buffer.Add((PauliString.Identity, term.Coefficient));
            foreach (var l in term.Ops)
            {
                if (l.Mode >= ModeCount)
                    throw new ArgumentException($"Fermion operator term '{term}' uses mode {l.Mode}; the {Name} mapping covers modes 0..{ModeCount - 1}.", nameof(op));
                int slot = 2 * l.Mode + (l.Creation ? 1 : 0);
                var lq = ladders[slot] ??= MapLadder(l.Mode, l.Creation);
                next.Clear();
                foreach (var (p, c) in buffer)
                    foreach (var (pl, cl) in lq.Terms)
                    {
                        var prod = PauliString.Multiply(p, pl, out int phase);
                        next.Add((prod, c * cl * PauliString.IPower(phase)));
                    }
                (buffer, next) = (next, buffer);
            }
            foreach (var (p, c) in buffer) result.Add(p, c);
        }
        return result.Simplify();
    }

    /// <summary>Checks that <paramref name="nAlpha"/> α and <paramref name="nBeta"/> β electrons fit the modes
    /// (block ordering, <see cref="ModeCount"/>/2 spatial orbitals).</summary>
    public virtual void ValidateElectrons(int nAlpha, int nBeta)
    {
        int n = ModeCount / 2;
        if (nAlpha < 0 || nBeta < 0)
            throw new ElectronCountException($"Electron counts must be non-negative (got {nAlpha} α, {nBeta} β).");
        if (ModeCount % 2 != 0)
            throw new ElectronCountException($"The {Name} mapping has {ModeCount} modes; spin orbitals come in α/β pairs.");
        if (nAlpha > n || nBeta > n)
            throw new ElectronCountException(
                $"{nAlpha} α and {nBeta} β electrons do not fit {n} spatial orbitals ({ModeCount} spin orbitals) of the {Name} mapping.");
    }

    /// <summary>The Hartree–Fock determinant (lowest nα α and nβ β spin orbitals occupied) as an occupation mask.</summary>
    public ulong HartreeFockOccupation(int nAlpha, int nBeta)
    {
        ValidateElectrons(nAlpha, nBeta);
        int n = ModeCount / 2;
        ulong occ = 0;
        for (int i = 0; i < nAlpha; i++) occ |= 1UL << i;
        for (int i = 0; i < nBeta; i++) occ |= 1UL << (n + i);
        return occ;
    }

    /// <summary>Creates a mapping by name: jordan-wigner, parity, bravyi-kitaev, parity-reduced (needs the electron
    /// counts).</summary>
    public static FermionMapping Create(string name, int modeCount, int nAlpha = -1, int nBeta = -1) =>
        (name ?? throw new ArgumentNullException(nameof(name))).ToUpperInvariant() switch
        {
            "JORDAN-WIGNER" or "JW" => new JordanWignerMapping(modeCount),
            "PARITY" => new ParityMapping(modeCount),
            "BRAVYI-KITAEV" or "BK" => new BravyiKitaevMapping(modeCount),
            "PARITY-REDUCED" => new ReducedParityMapping(modeCount / 2, nAlpha, nBeta),
            _ => throw new ArgumentException($"Unknown mapping '{name}' (jordan-wigner, parity, bravyi-kitaev, parity-reduced).", nameof(name)),
        };
}
