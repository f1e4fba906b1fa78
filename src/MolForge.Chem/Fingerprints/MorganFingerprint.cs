using MolForge.Chem.Core;
using MolForge.Chem.Substructure;

namespace MolForge.Chem.Fingerprints;

/// <summary>Morgan / extended-connectivity fingerprints (Rogers &amp; Hahn, J. Chem. Inf. Model. 2010, 50, 742)
/// computed exactly as RDKit 2022.09's GetMorganFingerprint / GetMorganFingerprintAsBitVect (connectivity
/// invariants, no chirality, bond types on): the same 32-bit atom invariants (boost hash_combine over atomic number,
/// total degree, total H, charge, isotope mass delta, ring membership), the same per-layer hashing of sorted
/// (bond type, neighbour invariant) pairs, and the same removal of duplicate bond environments, so bit indices agree
/// with RDKit's.</summary>
public static class MorganFingerprint
{
    private const uint Golden = 0x9e3779b9;

    /// <summary>Environment identifiers (unhashed 32-bit ids) of a molecule, in RDKit's order, with repeats (one
    /// per atom environment that RDKit counts).</summary>
    public static List<uint> Environments(Molecule molecule, int radius = 2) =>
        Environments(molecule, RingPerception.Of(molecule), radius);

    /// <summary>Environment identifiers of a molecule whose rings are known.</summary>
    public static List<uint> Environments(Molecule molecule, RingInfo rings, int radius = 2)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(rings);
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var ids = new List<uint>(molecule.AtomCount * (radius + 1));
        Compute(molecule, rings, radius, ids);
        return ids;
    }

    /// <summary>Bit fingerprint (GetMorganFingerprintAsBitVect(mol, radius, nBits)).</summary>
    public static BitFingerprint Bits(Molecule molecule, int radius = 2, int nBits = 2048) =>
        Bits(molecule, RingPerception.Of(molecule), radius, nBits);

    /// <summary>Bit fingerprint of a molecule whose rings are known.</summary>
    public static BitFingerprint Bits(Molecule molecule, RingInfo rings, int radius = 2, int nBits = 2048)
    {
        var fp = new BitFingerprint(nBits);
        foreach (var id in Environments(molecule, rings, radius)) fp.Set((int)(id % (uint)nBits));
        return fp;
    }

    /// <summary>Hashed count fingerprint (GetHashedMorganFingerprint(mol, radius, nBits)).</summary>
    public static CountFingerprint Counts(Molecule molecule, int radius = 2, int nBits = 2048) =>
        Counts(molecule, RingPerception.Of(molecule), radius, nBits);

    /// <summary>Hashed count fingerprint of a molecule whose rings are known.</summary>
    public static CountFingerprint Counts(Molecule molecule, RingInfo rings, int radius = 2, int nBits = 2048)
    {
        var fp = new CountFingerprint(nBits);
        foreach (var id in Environments(molecule, rings, radius)) fp.Increment((int)(id % (uint)nBits));
        return fp;
    }

    /// <summary>RDKit's getConnectivityInvariants for one atom.</summary>
    public static uint AtomInvariant(Molecule molecule, RingInfo rings, int atom)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(rings);
        ref readonly var a = ref molecule.GetAtom(atom);
        var hNeighbors = 0;
        foreach (var nb in molecule.NeighborsOf(atom))
            if (molecule.GetAtom(nb).AtomicNumber == 1) hNeighbors++;
        var degree = molecule.Degree(atom);
        uint seed = 0;
        Combine(ref seed, a.AtomicNumber);
        Combine(ref seed, (uint)(degree + a.TotalHydrogensOnAtom));
        Combine(ref seed, (uint)(a.TotalHydrogensOnAtom + hNeighbors));
        Combine(ref seed, unchecked((uint)a.FormalCharge));
        var mass = a.Isotope != 0 && Elements.IsotopeMass(a.AtomicNumber, a.Isotope) is { } m ? m : Elements.AtomicWeight(a.AtomicNumber);
        Combine(ref seed, unchecked((uint)(int)(mass - Elements.AtomicWeight(a.AtomicNumber))));
        if (rings.NumAtomRings(atom) > 0) Combine(ref seed, 1);
        return seed;
    }

    // boost::hash_combine with 32-bit seeds (RDKit's gboost, hash_result_t = uint32).
    private static void Combine(ref uint seed, uint value) =>
        seed ^= unchecked(value + Golden + (seed << 6) + (seed >> 2));

    private static uint PairHash(int bondType, uint invariant)
    {
        uint h = 0;
        Combine(ref h, unchecked((uint)bondType));
        Combine(ref h, invariant);
        return h;
    }

    private static int RdkitBondType(in Bond b)
    {
        if (b.IsAromatic || b.Order == BondOrder.Aromatic) return 12;
        return b.Order switch
        {
            BondOrder.Single => 1,
            BondOrder.Double => 2,
            BondOrder.Triple => 3,
            BondOrder.Quadruple => 4,
            _ => 21,
        };
    }

    private static void Compute(Molecule mol, RingInfo rings, int radius, List<uint> ids)
    {
        var n = mol.AtomCount;
        var invariants = new uint[n];
        for (var i = 0; i < n; i++)
        {
            invariants[i] = AtomInvariant(mol, rings, i);
            ids.Add(invariants[i]);
        }
        if (radius == 0 || n == 0) return;
        var words = Math.Max(1, (mol.BondCount + 63) >> 6);
        var nbhd = new ulong[n * words];
        var roundNbhd = new ulong[n * words];
        var seen = new List<ulong[]>();
        var dead = new bool[n];
        var roundInv = new uint[n];
        var pairs = new List<(int Bt, uint Inv)>(8);
        var thisRound = new List<int>(n);
        var roundIds = new uint[n];
        for (var layer = 0; layer < radius; layer++)
        {
            Array.Clear(roundInv);
            Array.Copy(nbhd, roundNbhd, nbhd.Length);
            thisRound.Clear();
            for (var a = 0; a < n; a++)
            {
                if (dead[a]) continue;
                if (mol.Degree(a) == 0)
                {
                    dead[a] = true;
                    continue;
                }
                var mine = roundNbhd.AsSpan(a * words, words);
                pairs.Clear();
                var nbrs = mol.NeighborsOf(a);
                var bonds = mol.BondsOf(a);
                for (var k = 0; k < nbrs.Length; k++)
                {
                    var b = bonds[k];
                    mine[b >> 6] |= 1UL << (b & 63);
                    var other = nbhd.AsSpan(nbrs[k] * words, words);
                    for (var w = 0; w < words; w++) mine[w] |= other[w];
                    pairs.Add((RdkitBondType(mol.GetBond(b)), invariants[nbrs[k]]));
                }
                pairs.Sort(static (x, y) => x.Bt != y.Bt ? x.Bt.CompareTo(y.Bt) : x.Inv.CompareTo(y.Inv));
                var invar = (uint)layer;
                Combine(ref invar, invariants[a]);
                foreach (var (bt, inv) in pairs) Combine(ref invar, PairHash(bt, inv));
                roundInv[a] = invar;
                roundIds[a] = invar;
                thisRound.Add(a);
                if (Contains(seen, mine)) dead[a] = true;
            }
            var nb = roundNbhd;
            var w2 = words;
            thisRound.Sort((x, y) =>
            {
                var c = CompareBits(nb.AsSpan(x * w2, w2), nb.AsSpan(y * w2, w2));
                if (c != 0) return c;
                c = roundIds[x].CompareTo(roundIds[y]);
                return c != 0 ? c : x.CompareTo(y);
            });
            foreach (var a in thisRound)
            {
                var env = roundNbhd.AsSpan(a * words, words);
                if (!Contains(seen, env))
                {
                    ids.Add(roundIds[a]);
                    seen.Add(env.ToArray());
                }
                else dead[a] = true;
            }
            Array.Copy(roundInv, invariants, n);
            (nbhd, roundNbhd) = (roundNbhd, nbhd);
        }
    }

    private static bool Contains(List<ulong[]> seen, ReadOnlySpan<ulong> env)
    {
        foreach (var s in seen)
            if (env.SequenceEqual(s)) return true;
        return false;
    }

    // boost::dynamic_bitset operator<: compares blocks from the most significant down.
    private static int CompareBits(ReadOnlySpan<ulong> x, ReadOnlySpan<ulong> y)
    {
        for (var i = x.Length - 1; i >= 0; i--)
            if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
        return 0;
    }
}
