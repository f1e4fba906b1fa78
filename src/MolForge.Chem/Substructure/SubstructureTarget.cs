using MolForge.Chem.Core;
using MolForge.Chem.Smarts;

namespace MolForge.Chem.Substructure;

/// <summary>A molecule prepared for SMARTS matching: every atom property a SMARTS primitive can ask for, computed
/// once with RDKit's definitions, plus the per-molecule cache of recursive SMARTS (<c>$()</c>) results. Build one
/// per molecule and match any number of patterns against it. Not thread-safe (the cache is mutable).</summary>
public sealed class SubstructureTarget
{
    internal const byte KindOther = 0;
    internal const byte KindSingle = 1;
    internal const byte KindDouble = 2;
    internal const byte KindTriple = 3;
    internal const byte KindAromatic = 4;

    private readonly byte[] _z;
    private readonly bool[] _aromatic;
    private readonly int[] _elementCounts = new int[Elements.MaxAtomicNumber + 1];
    private readonly byte[] _bondKind;
    private readonly bool[] _ringBond;
    // Integer properties by AtomProperty, each an array over atoms.
    private readonly int[][] _props;
    private readonly Dictionary<int, byte[]> _recursive = [];
    private readonly List<int[]> _scratchMaps = [];
    private readonly List<bool[]> _scratchUsed = [];
    private int _depth;

    /// <summary>Prepares <paramref name="molecule"/> (sanitised: aromaticity perceived, hydrogens counted) with
    /// its ring information.</summary>
    public SubstructureTarget(Molecule molecule, RingInfo rings)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(rings);
        Molecule = molecule;
        Rings = rings;
        var n = molecule.AtomCount;
        _z = new byte[n];
        _aromatic = new bool[n];
        _props = new int[Enum.GetValues<AtomProperty>().Length][];
        for (var p = 0; p < _props.Length; p++) _props[p] = new int[n];
        var bonds = molecule.Bonds;
        _bondKind = new byte[bonds.Length];
        _ringBond = new bool[bonds.Length];
        for (var b = 0; b < bonds.Length; b++)
        {
            var bond = bonds[b];
            _bondKind[b] = bond.IsAromatic || bond.Order == BondOrder.Aromatic ? KindAromatic : bond.Order switch
            {
                BondOrder.Single => KindSingle,
                BondOrder.Double => KindDouble,
                BondOrder.Triple => KindTriple,
                _ => KindOther,
            };
            _ringBond[b] = rings.IsBondInRing(b);
        }
        var atoms = molecule.Atoms;
        for (var a = 0; a < n; a++)
        {
            ref readonly var atom = ref atoms[a];
            _z[a] = atom.AtomicNumber;
            _elementCounts[atom.AtomicNumber]++;
            _aromatic[a] = atom.IsAromatic;
            var onAtom = atom.TotalHydrogensOnAtom;
            var hNeighbors = 0;
            var hetero = 0;
            var aliphaticHetero = 0;
            var ringBonds = 0;
            var nbrs = molecule.NeighborsOf(a);
            var nbrBonds = molecule.BondsOf(a);
            for (var k = 0; k < nbrs.Length; k++)
            {
                var other = atoms[nbrs[k]];
                if (other.AtomicNumber == 1) hNeighbors++;
                else if (other.AtomicNumber != 6)
                {
                    hetero++;
                    if (!other.IsAromatic) aliphaticHetero++;
                }
                if (_ringBond[nbrBonds[k]]) ringBonds++;
            }
            var degree = nbrs.Length;
            Set(AtomProperty.AtomicNumber, a, atom.AtomicNumber);
            Set(AtomProperty.Degree, a, degree);
            Set(AtomProperty.TotalDegree, a, degree + onAtom);
            Set(AtomProperty.TotalHydrogens, a, onAtom + hNeighbors);
            Set(AtomProperty.ImplicitHydrogens, a, onAtom);
            Set(AtomProperty.TotalValence, a, SmartsValence.ExplicitValence(molecule, a) + atom.ImplicitHydrogens);
            Set(AtomProperty.RingCount, a, rings.NumAtomRings(a));
            Set(AtomProperty.SmallestRing, a, rings.MinAtomRingSize(a));
            Set(AtomProperty.RingBondCount, a, ringBonds);
            Set(AtomProperty.Charge, a, atom.FormalCharge);
            Set(AtomProperty.Isotope, a, atom.Isotope);
            Set(AtomProperty.HeteroNeighbors, a, hetero);
            Set(AtomProperty.AliphaticHeteroNeighbors, a, aliphaticHetero);
        }
    }

    /// <summary>Prepares <paramref name="molecule"/>, perceiving its rings.</summary>
    public SubstructureTarget(Molecule molecule) : this(molecule, RingPerception.Of(molecule)) { }

    private void Set(AtomProperty p, int atom, int value) => _props[(int)p][atom] = value;

    /// <summary>The molecule.</summary>
    public Molecule Molecule { get; }

    /// <summary>Its rings (RDKit's symmetrised SSSR).</summary>
    public RingInfo Rings { get; }

    /// <summary>Number of atoms.</summary>
    public int AtomCount => _z.Length;

    /// <summary>Atomic number of an atom.</summary>
    public int AtomicNumber(int atom) => _z[atom];

    /// <summary>Aromatic flag of an atom.</summary>
    public bool IsAromatic(int atom) => _aromatic[atom];

    /// <summary>Value of an integer SMARTS primitive for an atom.</summary>
    public int Property(AtomProperty property, int atom) => _props[(int)property][atom];

    /// <summary>True when the bond is in a ring.</summary>
    public bool IsRingBond(int bond) => _ringBond[bond];

    internal byte BondKind(int bond) => _bondKind[bond];

    internal bool RecursiveMatch(RecursiveExpr expr, int atom)
    {
        if (!_recursive.TryGetValue(expr.Id, out var cache))
        {
            cache = new byte[_z.Length];
            _recursive[expr.Id] = cache;
        }
        var v = cache[atom];
        if (v != 0) return v == 2;
        var hit = SubstructureMatcher.MatchesAt(expr.Query, this, atom);
        cache[atom] = hit ? (byte)2 : (byte)1;
        return hit;
    }

    internal (int[] Map, bool[] Used) RentScratch(int queryAtoms)
    {
        var d = _depth++;
        if (d == _scratchMaps.Count)
        {
            _scratchMaps.Add(new int[Math.Max(queryAtoms, 16)]);
            _scratchUsed.Add(new bool[_z.Length]);
        }
        if (_scratchMaps[d].Length < queryAtoms) _scratchMaps[d] = new int[queryAtoms * 2];
        return (_scratchMaps[d], _scratchUsed[d]);
    }

    // Backtracking resets every 'used' flag it sets, so the array is clean again when a search returns.
    internal void ReturnScratch() => _depth--;

    /// <summary>Number of atoms of element <paramref name="atomicNumber"/>.</summary>
    internal int ElementCount(int atomicNumber) => _elementCounts[atomicNumber];
}
