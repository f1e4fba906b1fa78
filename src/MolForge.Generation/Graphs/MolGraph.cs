using System.Globalization;
using MolForge.Chem.Core;

namespace MolForge.Generation.Graphs;

/// <summary>The generator's own small molecule graph: heavy atoms (type ids into <see cref="AtomVocabulary"/>),
/// Kekulé bonds (order 1, 2 or 3), implicit hydrogens. Editable, cheap to copy; convert to a Chem
/// <see cref="Molecule"/> with <see cref="ToMolecule"/>.</summary>
public sealed class MolGraph
{
    private readonly List<int> _types = [];
    private readonly List<(int A, int B, int Order)> _bonds = [];
    private readonly List<List<(int Neighbor, int Order)>> _adjacency = [];
    private readonly List<int> _valence = [];

    /// <summary>Number of heavy atoms.</summary>
    public int AtomCount => _types.Count;

    /// <summary>Number of bonds.</summary>
    public int BondCount => _bonds.Count;

    /// <summary>Type id of atom <paramref name="i"/>.</summary>
    public int TypeOf(int i) => _types[i];

    /// <summary>The atom type of atom <paramref name="i"/>.</summary>
    public AtomType AtomTypeOf(int i) => AtomVocabulary.Types[_types[i]];

    /// <summary>Bonds as (atom, atom, order).</summary>
    public IReadOnlyList<(int A, int B, int Order)> Bonds => _bonds;

    /// <summary>Neighbours of atom <paramref name="i"/> with bond orders.</summary>
    public IReadOnlyList<(int Neighbor, int Order)> NeighborsOf(int i) => _adjacency[i];

    /// <summary>Sum of heavy-atom bond orders at atom <paramref name="i"/>.</summary>
    public int HeavyValence(int i) => _valence[i];

    /// <summary>Bond order still available at atom <paramref name="i"/> before its maximum valence.</summary>
    public int FreeValence(int i) => AtomTypeOf(i).MaxValence - _valence[i];

    /// <summary>Implicit hydrogens of atom <paramref name="i"/>.</summary>
    public int HydrogenCount(int i) => AtomTypeOf(i).HydrogensFor(_valence[i]);

    /// <summary>Adds an atom and returns its index.</summary>
    public int AddAtom(int typeId)
    {
        if ((uint)typeId >= (uint)AtomVocabulary.Count) throw new ArgumentOutOfRangeException(nameof(typeId));
        _types.Add(typeId);
        _adjacency.Add([]);
        _valence.Add(0);
        return _types.Count - 1;
    }

    /// <summary>Adds a bond; throws when it exists, is a self-loop or would exceed a maximum valence.</summary>
    public void AddBond(int a, int b, int order)
    {
        if (a == b || order is < 1 or > 3) throw new ArgumentException($"Bad bond {a}-{b} of order {order}.");
        if (HasBond(a, b)) throw new InvalidOperationException($"Atoms {a} and {b} are already bonded.");
        if (FreeValence(a) < order || FreeValence(b) < order)
            throw new InvalidOperationException($"Bond {a}-{b} of order {order} exceeds a valence.");
        _bonds.Add((a, b, order));
        _adjacency[a].Add((b, order));
        _adjacency[b].Add((a, order));
        _valence[a] += order;
        _valence[b] += order;
    }

    /// <summary>True when atoms <paramref name="a"/> and <paramref name="b"/> are bonded.</summary>
    public bool HasBond(int a, int b)
    {
        foreach (var (n, _) in _adjacency[a]) if (n == b) return true;
        return false;
    }

    /// <summary>True when every atom is within its allowed valence (always, for graphs built through this API).</summary>
    public bool ValencesValid()
    {
        for (var i = 0; i < AtomCount; i++) if (HydrogenCount(i) < 0) return false;
        return true;
    }

    /// <summary>True when the graph is one connected fragment (or empty).</summary>
    public bool IsConnected()
    {
        if (AtomCount == 0) return true;
        var seen = new bool[AtomCount];
        var stack = new Stack<int>();
        stack.Push(0);
        seen[0] = true;
        var count = 1;
        while (stack.Count > 0)
            foreach (var (n, _) in _adjacency[stack.Pop()])
                if (!seen[n]) { seen[n] = true; count++; stack.Push(n); }
        return count == AtomCount;
    }

    /// <summary>Average molecular weight (RDKit Descriptors.MolWt: standard atomic weights, implicit H included).</summary>
    public double MolecularWeight()
    {
        double w = 0, h = Elements.AtomicWeight(1);
        for (var i = 0; i < AtomCount; i++) w += Elements.AtomicWeight(AtomTypeOf(i).AtomicNumber) + h * HydrogenCount(i);
        return w;
    }

    /// <summary>A deep copy.</summary>
    public MolGraph Clone()
    {
        var g = new MolGraph();
        foreach (var t in _types) g.AddAtom(t);
        foreach (var (a, b, o) in _bonds) g.AddBond(a, b, o);
        return g;
    }

    /// <summary>The Chem molecule (Kekulé bonds, formal charges, explicit H counts set from the implicit ones).</summary>
    public Molecule ToMolecule()
    {
        var builder = new MoleculeBuilder();
        for (var i = 0; i < AtomCount; i++)
        {
            var t = AtomTypeOf(i);
            builder.AddAtom(new Atom(t.AtomicNumber, t.Charge, ExplicitHydrogens: (byte)HydrogenCount(i), NoImplicit: true));
        }
        foreach (var (a, b, o) in _bonds)
            builder.AddBond(a, b, o switch { 1 => BondOrder.Single, 2 => BondOrder.Double, _ => BondOrder.Triple });
        return builder.ToMolecule();
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"MolGraph({AtomCount} atoms, {BondCount} bonds)");
}
