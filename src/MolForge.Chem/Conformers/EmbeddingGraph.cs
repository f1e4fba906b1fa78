using MolForge.Chem.Core;
using MolForge.Chem.ForceFields;
using MolForge.Chem.ForceFields.Mmff;

namespace MolForge.Chem.Conformers;

/// <summary>What embedding needs to know about a molecule (explicit hydrogens, Kekulé bonds): ideal bond lengths
/// and angles (MMFF94 r0/theta0 when MMFF types the molecule, covalent radii and hybridisation otherwise),
/// planar bonds, tetrahedral centres with their required handedness and double bonds with cis/trans.</summary>
internal sealed class EmbeddingGraph
{
    private readonly Dictionary<(int, int), double>? _r0;
    private readonly Dictionary<(int, int, int), double>? _theta0;
    private readonly bool[] _planarBond;

    public Molecule Molecule { get; }
    public SmallRings Rings { get; }
    public MmffForceField? Mmff { get; }
    public int AtomCount => Molecule.AtomCount;

    /// <summary>Tetrahedral centres: centre, first three neighbours in chiral-tag order, +1 when the signed
    /// volume (n0−c)·((n1−c)×(n2−c)) must be positive (RDKit @ / counter-clockwise), −1 when negative.</summary>
    public List<(int Centre, int N0, int N1, int N2, int Sign)> ChiralCentres { get; } = [];

    /// <summary>sp2 centres with three neighbours (their volume should vanish).</summary>
    public List<(int Centre, int N0, int N1, int N2)> PlanarCentres { get; } = [];

    /// <summary>Double bonds with stereo: (a, b, c, d) with a-b=c-d and the required dihedral a-b-c-d: +1 cis, −1 trans.</summary>
    public List<(int A, int B, int C, int D, int Cis)> StereoBonds { get; } = [];

    public EmbeddingGraph(Molecule molecule)
    {
        Molecule = molecule;
        Rings = new SmallRings(molecule);
        try
        {
            Mmff = MmffForceField.Create(molecule);
            _r0 = Mmff.BondRestLengths();
            _theta0 = Mmff.AngleRestValues();
        }
        catch (MmffTypingException)
        {
            Mmff = null;
        }
        _planarBond = new bool[molecule.BondCount];
        for (var b = 0; b < molecule.BondCount; b++)
        {
            var bond = molecule.GetBond(b);
            _planarBond[b] = bond.IsAromatic || bond.Order == BondOrder.Double;
        }
        for (var a = 0; a < molecule.AtomCount; a++)
        {
            var atom = molecule.GetAtom(a);
            var nb = molecule.NeighborsOf(a);
            if (atom.Chirality != ChiralTag.None && nb.Length >= 3)
                ChiralCentres.Add((a, nb[0], nb[1], nb[2], atom.Chirality == ChiralTag.CounterClockwise ? 1 : -1));
            if (nb.Length == 3 && IsSp2(a)) PlanarCentres.Add((a, nb[0], nb[1], nb[2]));
        }
        foreach (var bond in molecule.Bonds)
        {
            if (bond.Order != BondOrder.Double || bond.Stereo is not (BondStereo.Cis or BondStereo.Trans)) continue;
            if (bond.StereoAtomBegin < 0 || bond.StereoAtomEnd < 0) continue;
            StereoBonds.Add((bond.StereoAtomBegin, bond.Begin, bond.End, bond.StereoAtomEnd, bond.Stereo == BondStereo.Cis ? 1 : -1));
        }
    }

    private bool IsSp2(int a)
    {
        foreach (var b in Molecule.BondsOf(a))
            if (_planarBond[b]) return true;
        return false;
    }

    /// <summary>van der Waals radius (RDKit's table) for the non-bonded lower bounds.</summary>
    public double VdwRadius(int a) => Elements.VanDerWaalsRadius(Molecule.GetAtom(a).AtomicNumber);

    /// <summary>Ideal bond length i-j in Å.</summary>
    public double BondLength(int i, int j)
    {
        if (_r0 is not null && _r0.TryGetValue((Math.Min(i, j), Math.Max(i, j)), out var r)) return r;
        var bond = Molecule.GetBond(Molecule.BondIndexBetween(i, j));
        var sum = Elements.CovalentRadius(Molecule.GetAtom(i).AtomicNumber) + Elements.CovalentRadius(Molecule.GetAtom(j).AtomicNumber);
        return bond.Order switch
        {
            BondOrder.Double => sum - 0.13,
            BondOrder.Triple => sum - 0.23,
            _ when bond.IsAromatic => sum - 0.08,
            _ => sum,
        };
    }

    /// <summary>Ideal angle i-j-k in radians.</summary>
    public double Angle(int i, int j, int k)
    {
        if (_theta0 is not null && _theta0.TryGetValue((Math.Min(i, k), j, Math.Max(i, k)), out var t)) return t * Math.PI / 180.0;
        if (Molecule.BondIndexBetween(i, k) >= 0) return Math.PI / 3.0;
        foreach (var a in Molecule.NeighborsOf(i))
        {
            if (a == j) continue;
            if (Molecule.BondIndexBetween(a, k) >= 0) return Math.PI / 2.0;
        }
        var degree = Molecule.Degree(j);
        var doubles = 0;
        var triple = false;
        foreach (var b in Molecule.BondsOf(j))
        {
            var o = Molecule.GetBond(b).Order;
            if (o == BondOrder.Double) doubles++;
            if (o == BondOrder.Triple) triple = true;
        }
        if (degree == 2 && (triple || doubles == 2)) return Math.PI;
        if (IsSp2(j) && degree <= 3) return 2.0 * Math.PI / 3.0;
        if (degree >= 5) return Math.PI / 2.0;
        return 109.47 * Math.PI / 180.0;
    }

    /// <summary>Constraint on the 1-4 distance i..l across bond j-k.</summary>
    public TorsionConstraint TorsionKind(int i, int j, int k, int l)
    {
        var b = Molecule.BondIndexBetween(j, k);
        var bond = Molecule.GetBond(b);
        var ringBond = Rings.IsRingBond(j, k);
        if (_planarBond[b] && ringBond)
        {
            var all = SharedRing(i, j, k, l);
            if (all) return TorsionConstraint.Cis;
            var iSide = SharedRing(i, j, k, -1);
            var lSide = SharedRing(-1, j, k, l);
            return iSide == lSide && !(iSide && lSide) ? TorsionConstraint.Cis : TorsionConstraint.Trans;
        }
        if (bond.Order == BondOrder.Double && !ringBond && bond.Stereo is BondStereo.Cis or BondStereo.Trans
            && bond.StereoAtomBegin >= 0 && bond.StereoAtomEnd >= 0)
        {
            int sj = bond.Begin == j ? bond.StereoAtomBegin : bond.StereoAtomEnd;
            int sk = bond.Begin == j ? bond.StereoAtomEnd : bond.StereoAtomBegin;
            var flips = (i == sj ? 0 : 1) + (l == sk ? 0 : 1);
            var cis = bond.Stereo == BondStereo.Cis;
            if (flips == 1) cis = !cis;
            return cis ? TorsionConstraint.Cis : TorsionConstraint.Trans;
        }
        if (ringBond && SharedRing(i, j, k, l, maxSize: 6)) return TorsionConstraint.SmallRing;
        return TorsionConstraint.Free;
    }

    private bool SharedRing(int i, int j, int k, int l, int maxSize = 99)
    {
        foreach (var r in Rings.RingsOf(j))
        {
            var ring = Rings.Rings[r];
            if (ring.Length > maxSize) continue;
            if (Array.IndexOf(ring, k) < 0) continue;
            if (i >= 0 && Array.IndexOf(ring, i) < 0) continue;
            if (l >= 0 && Array.IndexOf(ring, l) < 0) continue;
            return true;
        }
        return false;
    }
}
