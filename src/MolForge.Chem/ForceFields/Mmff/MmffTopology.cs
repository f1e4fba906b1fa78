using MolForge.Chem.Core;

namespace MolForge.Chem.ForceFields.Mmff;

/// <summary>The molecular graph as MMFF sees it: explicit hydrogens, Kekulé bond orders, MMFF's own aromaticity
/// (MMFF.I; RDKit's setMMFFAromaticity) and small rings. Bond "kind" is 1, 2, 3 or <see cref="Aromatic"/>.</summary>
internal sealed class MmffTopology
{
    public const int Aromatic = 5;

    public Molecule Molecule { get; }
    public SmallRings Rings { get; }
    public int AtomCount => Molecule.AtomCount;
    /// <summary>Kekulé order of each bond (1, 2, 3).</summary>
    public int[] KekuleOrder { get; }
    /// <summary>Bond kind after MMFF aromaticity: Kekulé order, or <see cref="Aromatic"/>.</summary>
    public int[] Kind { get; }
    public bool[] AromaticAtom { get; }
    public bool[] RingAromatic { get; }

    public MmffTopology(Molecule molecule)
    {
        Molecule = molecule;
        for (var a = 0; a < molecule.AtomCount; a++)
        {
            if (molecule.GetAtom(a).TotalHydrogensOnAtom != 0)
                throw new ArgumentException($"Atom {a} carries implicit hydrogens; MMFF needs every hydrogen as an atom.", nameof(molecule));
        }
        KekuleOrder = new int[molecule.BondCount];
        for (var b = 0; b < molecule.BondCount; b++)
        {
            var bond = molecule.GetBond(b);
            KekuleOrder[b] = bond.Order switch
            {
                BondOrder.Single => 1,
                BondOrder.Double => 2,
                BondOrder.Triple => 3,
                BondOrder.Zero => 0,
                _ => throw new ArgumentException($"Bond {b} ({bond.Begin}-{bond.End}) is not in Kekulé form.", nameof(molecule)),
            };
        }
        Rings = new SmallRings(molecule);
        Kind = (int[])KekuleOrder.Clone();
        AromaticAtom = new bool[molecule.AtomCount];
        RingAromatic = new bool[Rings.Rings.Count];
        PerceiveAromaticity();
    }

    public int Z(int a) => Molecule.GetAtom(a).AtomicNumber;
    public int Charge(int a) => Molecule.GetAtom(a).FormalCharge;
    public int Degree(int a) => Molecule.Degree(a);
    public ReadOnlySpan<int> Neighbors(int a) => Molecule.NeighborsOf(a);
    public int BondIndex(int a, int b) => Molecule.BondIndexBetween(a, b);
    public int KindBetween(int a, int b) => Kind[Molecule.BondIndexBetween(a, b)];
    public bool Bonded(int a, int b) => Molecule.BondIndexBetween(a, b) >= 0;

    /// <summary>Sum of Kekulé bond orders (RDKit explicit + implicit valence).</summary>
    public int Valence(int a)
    {
        var v = 0;
        foreach (var b in Molecule.BondsOf(a)) v += KekuleOrder[b];
        return v;
    }

    public bool HasKekuleOrder(int a, int order)
    {
        foreach (var b in Molecule.BondsOf(a))
            if (KekuleOrder[b] == order) return true;
        return false;
    }

    /// <summary>RDKit-like hybridization test: true for sp2 atoms (a double bond, a carbocation, or a
    /// conjugated lone pair on N/O/S or a carbanion).</summary>
    public bool IsSp2(int a)
    {
        var doubles = 0;
        foreach (var b in Molecule.BondsOf(a))
        {
            if (KekuleOrder[b] == 3) return false;
            if (KekuleOrder[b] == 2) doubles++;
        }
        if (doubles == 1) return true;
        if (doubles > 1) return false;
        var z = Z(a);
        if (z == 6 && Degree(a) == 3 && Charge(a) > 0) return true;
        if ((z == 7 || (z == 6 && Charge(a) < 0)) && Degree(a) <= 3)
        {
            foreach (var nb in Neighbors(a))
                if (HasKekuleOrder(nb, 2) || HasKekuleOrder(nb, 3)) return true;
        }
        return false;
    }

    /// <summary>True for atoms RDKit calls sp or hypervalent (sp3d...): bonds plus lone pairs (RDKit's
    /// numBondsPlusLonePairs) of 2 or less, or 5 and more. Such atoms get no MMFF torsion terms.</summary>
    public bool IsSpOrHypervalent(int a)
    {
        var z = Z(a);
        var lonePairs = 0;
        if (z > 1)
        {
            var free = Elements.OuterElectrons(z) - Valence(a) - Charge(a);
            if (free > 0) lonePairs = free / 2;
        }
        var orbitals = Degree(a) + lonePairs;
        return orbitals <= 2 || orbitals >= 5;
    }

    /// <summary>MMFF aromaticity (RDKit's setMMFFAromaticity): a ring whose C and N are sp2 is aromatic when its
    /// pi electrons (2 per endocyclic double bond, 1 per exocyclic double bond to an aromatic ring atom, 2 for
    /// an N/O/S lone pair in odd-membered rings without exocyclic double bonds) obey 4n+2; iterated until fused
    /// systems settle.</summary>
    private void PerceiveAromaticity()
    {
        var rings = Rings.Rings;
        if (rings.Count == 0) return;
        var perceived = new bool[AtomCount];
        int nSet = 0, oldNSet = -1;
        var allSet = false;
        while (!allSet && nSet > oldNSet)
        {
            for (var r = 0; r < rings.Count; r++)
            {
                if (rings[r].Length > 7) continue;
                var ring = rings[r];
                int pi = 0;
                bool moveOn = false, nos = false, exoDouble = false;
                for (var j = 0; j < ring.Length && !moveOn; j++)
                {
                    var a = ring[j];
                    var z = Z(a);
                    if (z == 7 || z == 8 || (z == 16 && Degree(a) == 2)) nos = true;
                    var next = ring[(j + 1) % ring.Length];
                    if (KekuleOrder[BondIndex(a, next)] == 2)
                    {
                        pi += 2;
                        continue;
                    }
                    if (z != 6 && !(z == 7 && Valence(a) == 4)) continue;
                    foreach (var nb in Neighbors(a))
                    {
                        if (Array.IndexOf(ring, nb) >= 0) continue;
                        var order = KekuleOrder[BondIndex(a, nb)];
                        if (order == 1) continue;
                        if (Rings.IsInRing(nb) && !perceived[nb])
                        {
                            moveOn = true;
                            break;
                        }
                        if (order == 2)
                        {
                            if (AromaticAtom[nb]) pi++;
                            else exoDouble = true;
                        }
                    }
                }
                if (moveOn) continue;
                var canBeAromatic = true;
                foreach (var a in ring)
                {
                    perceived[a] = true;
                    var z = Z(a);
                    if ((z == 6 || z == 7) && !IsSp2(a)) canBeAromatic = false;
                }
                if (!canBeAromatic) continue;
                if (nos && !exoDouble && ring.Length % 2 == 1) pi += 2;
                if (pi > 2 && (pi - 2) % 4 == 0)
                {
                    RingAromatic[r] = true;
                    foreach (var a in ring) AromaticAtom[a] = true;
                }
            }
            oldNSet = nSet;
            nSet = 0;
            allSet = true;
            foreach (var ring in rings)
            {
                foreach (var a in ring)
                {
                    if (perceived[a]) nSet++;
                    else allSet = false;
                }
            }
        }
        for (var r = 0; r < rings.Count; r++)
        {
            if (!RingAromatic[r]) continue;
            var ring = rings[r];
            for (var j = 0; j < ring.Length; j++) Kind[BondIndex(ring[j], ring[(j + 1) % ring.Length])] = Aromatic;
        }
    }

    /// <summary>True when the atom is in an aromatic ring of the given size.</summary>
    public bool InAromaticRingOfSize(int a, int size)
    {
        foreach (var r in Rings.RingsOf(a))
            if (RingAromatic[r] && Rings.Rings[r].Length == size) return true;
        return false;
    }

    /// <summary>True when both atoms are in a common ring of the given size.</summary>
    public bool ShareRingOfSize(int a, int b, int size) => Rings.ShareRingOfSize(a, b, size);

    /// <summary>3 or 4 when the angle i-j-k closes a 3- or 4-membered ring, else 0.</summary>
    public int AngleRingSize(int i, int j, int k)
    {
        if (Bonded(i, k)) return 3;
        foreach (var a in Neighbors(i))
        {
            if (a == j) continue;
            foreach (var b in Neighbors(k))
                if (b == a && b != j) return 4;
        }
        return 0;
    }

    /// <summary>4 or 5 when the torsion i-j-k-l lies in a 4- or 5-membered ring, else 0.</summary>
    public int TorsionRingSize(int i, int j, int k, int l)
    {
        if (Bonded(l, i)) return 4;
        foreach (var a in Neighbors(i))
        {
            if (a == j) continue;
            foreach (var b in Neighbors(l))
                if (b == a && b != k) return 5;
        }
        return 0;
    }

    /// <summary>N-oxide nitrogen: N with 3+ connections and a terminal O.</summary>
    public bool IsNOxide(int a)
    {
        if (Z(a) != 7 || Degree(a) < 3) return false;
        foreach (var nb in Neighbors(a))
            if (Z(nb) == 8 && Degree(nb) == 1) return true;
        return false;
    }
}
