using MolForge.Generation.Graphs;

namespace MolForge.Generation.Actions;

/// <summary>The state of one molecule being built by actions: the graph, the depth-first path whose top is the
/// focus atom, and the valence masks. Every action the mask allows keeps every atom within its allowed valence,
/// so every finished graph is a valid, connected Kekulé molecule.</summary>
public sealed class GraphBuildState
{
    private readonly List<int> _path = [];
    private readonly bool[]? _allowedTypes;

    /// <summary>A new, empty state.</summary>
    /// <param name="space">The action vocabulary.</param>
    /// <param name="maxAtoms">Largest number of heavy atoms (ADD is masked beyond it).</param>
    /// <param name="allowedTypes">Atom types that may be placed (null: all).</param>
    public GraphBuildState(ActionSpace space, int maxAtoms, bool[]? allowedTypes = null)
    {
        Space = space;
        MaxAtoms = maxAtoms;
        _allowedTypes = allowedTypes;
    }

    /// <summary>The action vocabulary.</summary>
    public ActionSpace Space { get; }

    /// <summary>Heavy-atom limit.</summary>
    public int MaxAtoms { get; }

    /// <summary>The graph so far.</summary>
    public MolGraph Graph { get; } = new();

    /// <summary>True after the root was popped.</summary>
    public bool IsFinished { get; private set; }

    /// <summary>The focus atom, or -1 before the first atom and after the end.</summary>
    public int Focus => _path.Count > 0 ? _path[^1] : -1;

    /// <summary>Depth of the focus on the path (0 = root).</summary>
    public int Depth => _path.Count - 1;

    /// <summary>Atom <paramref name="k"/> steps above the focus on the path.</summary>
    public int Ancestor(int k) => _path[_path.Count - 1 - k];

    /// <summary>Number of actions applied.</summary>
    public int Steps { get; private set; }

    /// <summary>Whether atom type <paramref name="t"/> may be placed.</summary>
    public bool TypeAllowed(int t) => _allowedTypes is null || _allowedTypes[t];

    /// <summary>Whether action <paramref name="id"/> is allowed now.</summary>
    public bool IsAllowed(int id)
    {
        if (IsFinished) return false;
        var a = Space.Decode(id);
        if (Graph.AtomCount == 0) return a.Kind == ActionKind.First && TypeAllowed(a.AtomType);
        var f = Focus;
        switch (a.Kind)
        {
            case ActionKind.First:
                return false;
            case ActionKind.Add:
                return Graph.AtomCount < MaxAtoms && TypeAllowed(a.AtomType) && Graph.FreeValence(f) >= a.BondOrder
                       && AtomVocabulary.Types[a.AtomType].MaxValence >= a.BondOrder;
            case ActionKind.Ring:
                if (a.Offset > Depth) return false;
                var u = Ancestor(a.Offset);
                return Graph.FreeValence(f) >= a.BondOrder && Graph.FreeValence(u) >= a.BondOrder && !Graph.HasBond(f, u);
            default:
                return true;
        }
    }

    /// <summary>Writes the mask of allowed actions (length <see cref="ActionSpace.Count"/>).</summary>
    public void FillMask(Span<bool> mask)
    {
        if (mask.Length < Space.Count) throw new ArgumentException("Mask too short.", nameof(mask));
        if (IsFinished) { mask[..Space.Count].Clear(); return; }
        if (Graph.AtomCount == 0)
        {
            for (var id = 0; id < Space.Count; id++) mask[id] = false;
            for (var t = 0; t < Space.AtomTypes; t++) mask[Space.First(t)] = TypeAllowed(t);
            return;
        }
        var f = Focus;
        var free = Graph.FreeValence(f);
        var canAdd = Graph.AtomCount < MaxAtoms;
        for (var t = 0; t < Space.AtomTypes; t++)
        {
            mask[Space.First(t)] = false;
            var maxT = AtomVocabulary.Types[t].MaxValence;
            for (var b = 1; b <= 3; b++) mask[Space.Add(t, b)] = canAdd && TypeAllowed(t) && free >= b && maxT >= b;
        }
        for (var k = 2; k <= Space.MaxRingOffset; k++)
        {
            var ok = k <= Depth;
            var u = ok ? Ancestor(k) : -1;
            var freeU = ok ? Graph.FreeValence(u) : 0;
            ok = ok && !Graph.HasBond(f, u);
            for (var b = 1; b <= 3; b++) mask[Space.Ring(b, k)] = ok && free >= b && freeU >= b;
        }
        mask[Space.PopId] = true;
    }

    /// <summary>Applies an allowed action.</summary>
    /// <exception cref="InvalidOperationException">The action is not allowed now.</exception>
    public void Apply(int id)
    {
        if (!IsAllowed(id)) throw new InvalidOperationException($"Action {Space.Decode(id)} is not allowed at step {Steps}.");
        var a = Space.Decode(id);
        switch (a.Kind)
        {
            case ActionKind.First:
                _path.Add(Graph.AddAtom(a.AtomType));
                break;
            case ActionKind.Add:
                var n = Graph.AddAtom(a.AtomType);
                Graph.AddBond(Focus, n, a.BondOrder);
                _path.Add(n);
                break;
            case ActionKind.Ring:
                Graph.AddBond(Focus, Ancestor(a.Offset), a.BondOrder);
                break;
            default:
                _path.RemoveAt(_path.Count - 1);
                if (_path.Count == 0) IsFinished = true;
                break;
        }
        Steps++;
    }

    /// <summary>Pushes an existing atom onto the path as the new focus (used to replay a scaffold template).</summary>
    internal void PushExisting(int atom) => _path.Add(atom);
}
