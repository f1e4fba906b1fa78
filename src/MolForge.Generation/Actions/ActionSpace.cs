namespace MolForge.Generation.Actions;

/// <summary>The kinds of generator action.</summary>
public enum ActionKind : byte
{
    /// <summary>Place the first atom (of a type).</summary>
    First,
    /// <summary>Add a new atom of a type bonded to the focus atom with a bond order; the new atom becomes the focus.</summary>
    Add,
    /// <summary>Close a ring: bond the focus atom to its ancestor <c>k</c> steps up the depth-first path.</summary>
    Ring,
    /// <summary>The focus atom is finished; the focus returns to its parent (at the root: the molecule is finished).</summary>
    Pop,
}

/// <summary>A decoded action.</summary>
/// <param name="Kind">What the action does.</param>
/// <param name="AtomType">Atom type id (First, Add).</param>
/// <param name="BondOrder">Bond order 1–3 (Add, Ring).</param>
/// <param name="Offset">Ring closure: how many steps up the path the partner is (2 = three-membered ring).</param>
public readonly record struct GraphAction(ActionKind Kind, int AtomType = 0, int BondOrder = 0, int Offset = 0);

/// <summary>The finite action vocabulary of the depth-first graph generator (in the spirit of GraphAF, Shi et al.
/// 2020, and MolecularRNN, Popova et al. 2019, with the ring-closure pointer expressed as a depth offset on the
/// DFS path as in SMILES ring bonds): FIRST(t), ADD(t, b), RING(b, k) for k = 2..<see cref="MaxRingOffset"/>, POP.</summary>
public sealed class ActionSpace
{
    /// <summary>An action space for <paramref name="atomTypes"/> types and ring offsets up to <paramref name="maxRingOffset"/>.</summary>
    public ActionSpace(int atomTypes, int maxRingOffset)
    {
        if (atomTypes < 1) throw new ArgumentOutOfRangeException(nameof(atomTypes));
        if (maxRingOffset < 2) throw new ArgumentOutOfRangeException(nameof(maxRingOffset));
        AtomTypes = atomTypes;
        MaxRingOffset = maxRingOffset;
        AddStart = atomTypes;
        RingStart = AddStart + 3 * atomTypes;
        PopId = RingStart + 3 * (maxRingOffset - 1);
        Count = PopId + 1;
    }

    /// <summary>Number of atom types.</summary>
    public int AtomTypes { get; }

    /// <summary>Largest ring-closure offset on the path (ring size − 1).</summary>
    public int MaxRingOffset { get; }

    /// <summary>Number of actions.</summary>
    public int Count { get; }

    /// <summary>Id of the "start of sequence" token used as the previous action of step 0 (= <see cref="Count"/>).</summary>
    public int StartToken => Count;

    /// <summary>Id of POP.</summary>
    public int PopId { get; }

    private int AddStart { get; }
    private int RingStart { get; }

    /// <summary>Id of FIRST(t).</summary>
    public int First(int type) => type;

    /// <summary>Id of ADD(t, b).</summary>
    public int Add(int type, int order) => AddStart + type * 3 + (order - 1);

    /// <summary>Id of RING(b, k).</summary>
    public int Ring(int order, int offset) => RingStart + (order - 1) * (MaxRingOffset - 1) + (offset - 2);

    /// <summary>Encodes an action.</summary>
    public int Encode(GraphAction a) => a.Kind switch
    {
        ActionKind.First => First(a.AtomType),
        ActionKind.Add => Add(a.AtomType, a.BondOrder),
        ActionKind.Ring => Ring(a.BondOrder, a.Offset),
        _ => PopId,
    };

    /// <summary>Decodes an action id.</summary>
    public GraphAction Decode(int id)
    {
        if ((uint)id >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(id));
        if (id < AddStart) return new GraphAction(ActionKind.First, id);
        if (id < RingStart) return new GraphAction(ActionKind.Add, (id - AddStart) / 3, (id - AddStart) % 3 + 1);
        if (id < PopId)
        {
            var r = id - RingStart;
            return new GraphAction(ActionKind.Ring, 0, r / (MaxRingOffset - 1) + 1, r % (MaxRingOffset - 1) + 2);
        }
        return new GraphAction(ActionKind.Pop);
    }
}
