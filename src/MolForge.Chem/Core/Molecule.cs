namespace MolForge.Chem.Core;

/// <summary>A read-only molecular graph (RDKit's ROMol): atoms, bonds, adjacency in compressed rows, an optional
/// conformer, a name and data fields. Algorithms are free functions over it (SMILES, SMARTS, descriptors…);
/// edit through <see cref="ToBuilder"/>.</summary>
public sealed class Molecule
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = new Dictionary<string, string>();

    private readonly Atom[] _atoms;
    private readonly Bond[] _bonds;
    // Compressed adjacency: for atom a, entries _adjStart[a].._adjStart[a+1] of _adjAtoms/_adjBonds, in the
    // order bonds were added (this order defines the meaning of ChiralTag).
    private readonly int[] _adjStart;
    private readonly int[] _adjAtoms;
    private readonly int[] _adjBonds;
    private RingInfo? _ringInfo;

    internal Molecule(Atom[] atoms, Bond[] bonds, Conformer? conformer, string name, IReadOnlyDictionary<string, string>? properties, RingInfo? ringInfo)
        : this(atoms, bonds, conformer, name, properties) => _ringInfo = ringInfo;

    internal Molecule(Atom[] atoms, Bond[] bonds, Conformer? conformer, string name, IReadOnlyDictionary<string, string>? properties)
    {
        _atoms = atoms;
        _bonds = bonds;
        Conformer = conformer;
        Name = name;
        Properties = properties ?? NoProperties;
        _adjStart = new int[atoms.Length + 1];
        foreach (var b in bonds)
        {
            _adjStart[b.Begin + 1]++;
            _adjStart[b.End + 1]++;
        }
        for (var i = 0; i < atoms.Length; i++) _adjStart[i + 1] += _adjStart[i];
        _adjAtoms = new int[bonds.Length * 2];
        _adjBonds = new int[bonds.Length * 2];
        var fill = new int[atoms.Length];
        for (var bi = 0; bi < bonds.Length; bi++)
        {
            var b = bonds[bi];
            var p = _adjStart[b.Begin] + fill[b.Begin]++;
            _adjAtoms[p] = b.End;
            _adjBonds[p] = bi;
            p = _adjStart[b.End] + fill[b.End]++;
            _adjAtoms[p] = b.Begin;
            _adjBonds[p] = bi;
        }
    }

    /// <summary>An empty molecule.</summary>
    public static Molecule Empty { get; } = new([], [], null, "", null);

    /// <summary>Number of atoms (graph nodes, including any explicit hydrogen atoms).</summary>
    public int AtomCount => _atoms.Length;

    /// <summary>Number of bonds.</summary>
    public int BondCount => _bonds.Length;

    /// <summary>All atoms, by index.</summary>
    public ReadOnlySpan<Atom> Atoms => _atoms;

    /// <summary>All bonds, by index.</summary>
    public ReadOnlySpan<Bond> Bonds => _bonds;

    /// <summary>Atom <paramref name="index"/>.</summary>
    public ref readonly Atom GetAtom(int index) => ref _atoms[index];

    /// <summary>Bond <paramref name="index"/>.</summary>
    public ref readonly Bond GetBond(int index) => ref _bonds[index];

    /// <summary>Neighbouring atoms of <paramref name="atom"/>, in bond insertion order.</summary>
    public ReadOnlySpan<int> NeighborsOf(int atom) => _adjAtoms.AsSpan(_adjStart[atom], _adjStart[atom + 1] - _adjStart[atom]);

    /// <summary>Bond indices of <paramref name="atom"/>, aligned with <see cref="NeighborsOf"/>.</summary>
    public ReadOnlySpan<int> BondsOf(int atom) => _adjBonds.AsSpan(_adjStart[atom], _adjStart[atom + 1] - _adjStart[atom]);

    /// <summary>Number of graph neighbours (explicit connections).</summary>
    public int Degree(int atom) => _adjStart[atom + 1] - _adjStart[atom];

    /// <summary>Index of the bond joining <paramref name="a"/> and <paramref name="b"/>, or -1.</summary>
    public int BondIndexBetween(int a, int b)
    {
        var start = _adjStart[a];
        var end = _adjStart[a + 1];
        for (var p = start; p < end; p++)
            if (_adjAtoms[p] == b) return _adjBonds[p];
        return -1;
    }

    /// <summary>Ring perception (symmetrised SSSR as RDKit reports it), computed on first use and cached;
    /// safe to call from several threads.</summary>
    public RingInfo RingInfo
    {
        get
        {
            var rings = Volatile.Read(ref _ringInfo);
            if (rings is not null) return rings;
            rings = RingInfo.Compute(this);
            return Interlocked.CompareExchange(ref _ringInfo, rings, null) ?? rings;
        }
    }

    /// <summary>Compressed adjacency arrays (start offsets per atom, neighbour atoms, neighbour bonds) for hot loops.</summary>
    internal (int[] Start, int[] Atoms, int[] Bonds) Adjacency => (_adjStart, _adjAtoms, _adjBonds);

    /// <summary>Coordinates, when the molecule has them (from a file or conformer generation).</summary>
    public Conformer? Conformer { get; }

    /// <summary>Title/name (SMILES name column, SDF title line); empty when none.</summary>
    public string Name { get; }

    /// <summary>Data fields (SDF <c>&gt;  &lt;name&gt;</c> blocks, CSV columns).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>An editable copy.</summary>
    public MoleculeBuilder ToBuilder() => new(this);

    /// <summary>The same graph with new coordinates.</summary>
    public Molecule WithConformer(Conformer? conformer)
    {
        if (conformer is not null && conformer.Count != AtomCount)
            throw new ArgumentException($"Conformer has {conformer.Count} positions for {AtomCount} atoms.", nameof(conformer));
        return new Molecule(_atoms, _bonds, conformer, Name, Properties, _ringInfo);
    }

    /// <summary>The same molecule with another name.</summary>
    public Molecule WithName(string name) => new(_atoms, _bonds, Conformer, name ?? "", Properties, _ringInfo);

    /// <summary>The same molecule with other data fields.</summary>
    public Molecule WithProperties(IReadOnlyDictionary<string, string> properties) =>
        new(_atoms, _bonds, Conformer, Name, new Dictionary<string, string>(properties), _ringInfo);
}
