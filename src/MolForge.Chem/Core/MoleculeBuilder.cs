namespace MolForge.Chem.Core;

/// <summary>An editable molecular graph (RDKit's RWMol). Build or edit, then call <see cref="ToMolecule"/>.</summary>
public sealed class MoleculeBuilder
{
    private readonly List<Atom> _atoms;
    private readonly List<Bond> _bonds;

    /// <summary>An empty builder.</summary>
    public MoleculeBuilder()
    {
        _atoms = [];
        _bonds = [];
        Properties = new Dictionary<string, string>();
    }

    internal MoleculeBuilder(Molecule molecule)
    {
        _atoms = [.. molecule.Atoms];
        _bonds = [.. molecule.Bonds];
        Conformer = molecule.Conformer;
        Name = molecule.Name;
        Properties = new Dictionary<string, string>(molecule.Properties);
    }

    /// <summary>Number of atoms.</summary>
    public int AtomCount => _atoms.Count;

    /// <summary>Number of bonds.</summary>
    public int BondCount => _bonds.Count;

    /// <summary>Name/title.</summary>
    public string Name { get; set; } = "";

    /// <summary>Data fields.</summary>
    public Dictionary<string, string> Properties { get; }

    /// <summary>Coordinates (must have one position per atom when the molecule is built).</summary>
    public Conformer? Conformer { get; set; }

    /// <summary>Atom <paramref name="index"/>.</summary>
    public Atom GetAtom(int index) => _atoms[index];

    /// <summary>Replaces atom <paramref name="index"/>.</summary>
    public void SetAtom(int index, Atom atom) => _atoms[index] = atom;

    /// <summary>Bond <paramref name="index"/>.</summary>
    public Bond GetBond(int index) => _bonds[index];

    /// <summary>Replaces bond <paramref name="index"/> (its end atoms must stay valid).</summary>
    public void SetBond(int index, Bond bond)
    {
        CheckBondAtoms(bond.Begin, bond.End);
        _bonds[index] = bond;
    }

    /// <summary>Adds an atom and returns its index.</summary>
    public int AddAtom(Atom atom)
    {
        _atoms.Add(atom);
        return _atoms.Count - 1;
    }

    /// <summary>Adds a bond and returns its index.</summary>
    public int AddBond(int begin, int end, BondOrder order, bool isAromatic = false) =>
        AddBond(new Bond(begin, end, order, isAromatic));

    /// <summary>Adds a bond and returns its index.</summary>
    /// <exception cref="ArgumentException">Atoms out of range, the same atom twice, or already bonded.</exception>
    public int AddBond(Bond bond)
    {
        CheckBondAtoms(bond.Begin, bond.End);
        if (BondIndexBetween(bond.Begin, bond.End) >= 0)
            throw new ArgumentException($"Atoms {bond.Begin} and {bond.End} are already bonded.", nameof(bond));
        _bonds.Add(bond);
        return _bonds.Count - 1;
    }

    /// <summary>Index of the bond joining two atoms, or -1.</summary>
    public int BondIndexBetween(int a, int b)
    {
        for (var i = 0; i < _bonds.Count; i++)
            if (_bonds[i].Joins(a, b)) return i;
        return -1;
    }

    /// <summary>Removes a bond; later bond indices shift down by one.</summary>
    public void RemoveBond(int index) => _bonds.RemoveAt(index);

    /// <summary>Removes an atom and its bonds; later atom indices shift down by one (bonds, stereo references
    /// and the conformer are renumbered; stereo that referenced the atom is cleared).</summary>
    public void RemoveAtom(int index)
    {
        _atoms.RemoveAt(index);
        _bonds.RemoveAll(b => b.Begin == index || b.End == index);
        int Map(int a) => a > index ? a - 1 : a;
        for (var i = 0; i < _bonds.Count; i++)
        {
            var b = _bonds[i];
            var lostStereo = b.StereoAtomBegin == index || b.StereoAtomEnd == index;
            _bonds[i] = b with
            {
                Begin = Map(b.Begin),
                End = Map(b.End),
                Stereo = lostStereo ? BondStereo.None : b.Stereo,
                StereoAtomBegin = lostStereo ? -1 : (b.StereoAtomBegin < 0 ? -1 : Map(b.StereoAtomBegin)),
                StereoAtomEnd = lostStereo ? -1 : (b.StereoAtomEnd < 0 ? -1 : Map(b.StereoAtomEnd)),
            };
        }
        if (Conformer is { } c)
        {
            var positions = c.Positions.ToArray().ToList();
            positions.RemoveAt(index);
            Conformer = new Conformer(positions, c.Is3D);
        }
    }

    /// <summary>A read-only molecule from the current state.</summary>
    public Molecule ToMolecule()
    {
        if (Conformer is not null && Conformer.Count != _atoms.Count)
            throw new InvalidOperationException($"Conformer has {Conformer.Count} positions for {_atoms.Count} atoms.");
        return new Molecule([.. _atoms], [.. _bonds], Conformer, Name, new Dictionary<string, string>(Properties));
    }

    private void CheckBondAtoms(int begin, int end)
    {
        if ((uint)begin >= (uint)_atoms.Count || (uint)end >= (uint)_atoms.Count)
            throw new ArgumentException($"Bond {begin}-{end} refers to an atom outside 0..{_atoms.Count - 1}.");
        if (begin == end)
            throw new ArgumentException($"Bond from atom {begin} to itself.");
    }
}
