using System.Numerics;
using MolForge.Quantum.Operators;

namespace MolForge.Quantum.Mappings;

/// <summary>
/// The parity mapping with the two-qubit reduction (Bravyi, Gambetta, Mezzacapo &amp; Temme 2017): with block spin
/// ordering, qubit n−1 of the parity encoding stores N_α mod 2 and qubit 2n−1 stores N mod 2. Operators that
/// conserve N_α and N_β carry only I or Z there, so those Z are replaced by their eigenvalues (−1)^N_α and (−1)^N
/// and the two qubits are removed: 2n − 2 qubits. Built for fixed electron counts; single ladder operators (which
/// change the parities) cannot be represented.
/// </summary>
public sealed class ReducedParityMapping : FermionMapping
{
    private readonly ParityMapping _parity;
    private readonly int _n;

    /// <summary>Creates the mapping for <paramref name="spatialOrbitals"/> orbitals and fixed electron counts.</summary>
    public ReducedParityMapping(int spatialOrbitals, int nAlpha, int nBeta) : base(2 * spatialOrbitals)
    {
        if (spatialOrbitals < 2)
            throw new ArgumentOutOfRangeException(nameof(spatialOrbitals), spatialOrbitals, "The two-qubit reduction needs at least 2 spatial orbitals.");
        _n = spatialOrbitals;
        _parity = new ParityMapping(2 * spatialOrbitals);
        base.ValidateElectrons(nAlpha, nBeta);
        NAlpha = nAlpha;
        NBeta = nBeta;
    }

    /// <summary>α electrons the reduction assumes.</summary>
    public int NAlpha { get; }

    /// <summary>β electrons the reduction assumes.</summary>
    public int NBeta { get; }

    /// <inheritdoc />
    public override string Name => "parity-reduced";

    /// <inheritdoc />
    public override int QubitCount => 2 * _n - 2;

    /// <inheritdoc />
    public override QubitOperator MapLadder(int mode, bool creation) =>
        throw new InvalidOperationException(
            "A single ladder operator changes the particle-number parities that the two-qubit reduction fixes; map a number- and Sz-conserving operator instead.");

    /// <inheritdoc />
    public override QubitOperator Map(FermionOperator op)
    {
        var full = _parity.Map(op);
        return Reduce(full);
    }

    /// <summary>Removes qubits n−1 and 2n−1 from a parity-mapped, symmetry-conserving operator.</summary>
    public QubitOperator Reduce(QubitOperator fullParityOperator)
    {
        ArgumentNullException.ThrowIfNull(fullParityOperator);
        int qa = _n - 1, qt = 2 * _n - 1;
        ulong removed = (1UL << qa) | (1UL << qt);
        var r = new QubitOperator(fullParityOperator.Count);
        foreach (var (p, c) in fullParityOperator.Terms)
        {
            if ((p.X & removed) != 0)
                throw new InvalidOperationException(
                    $"Term '{p}' flips the α or total parity qubit: the operator does not conserve N_α and N_β, so the two-qubit reduction cannot be applied.");
            double sign = 1;
            if (((p.Z >> qa) & 1) != 0 && (NAlpha & 1) != 0) sign = -sign;
            if (((p.Z >> qt) & 1) != 0 && ((NAlpha + NBeta) & 1) != 0) sign = -sign;
            r.Add(new PauliString(Compress(p.X), Compress(p.Z)), sign * c);
        }
        return r.Simplify();
    }

    /// <inheritdoc />
    public override ulong MapOccupation(ulong occupation)
    {
        int na = BitOperations.PopCount(occupation & ((1UL << _n) - 1));
        int nb = BitOperations.PopCount(occupation >> _n);
        if (na != NAlpha || nb != NBeta)
            throw new ElectronCountException(
                $"This parity-reduced mapping was built for {NAlpha} α and {NBeta} β electrons; the determinant has {na} α and {nb} β.");
        return Compress(_parity.MapOccupation(occupation));
    }

    /// <inheritdoc />
    public override void ValidateElectrons(int nAlpha, int nBeta)
    {
        base.ValidateElectrons(nAlpha, nBeta);
        if (nAlpha != NAlpha || nBeta != NBeta)
            throw new ElectronCountException(
                $"This parity-reduced mapping fixes {NAlpha} α and {NBeta} β electrons; it cannot represent {nAlpha} α and {nBeta} β.");
    }

    private ulong Compress(ulong mask)
    {
        ulong low = mask & ((1UL << (_n - 1)) - 1);
        ulong mid = (mask >> _n) & ((1UL << (_n - 1)) - 1);
        return low | (mid << (_n - 1));
    }
}
