using MolForge.Generation.Graphs;

namespace MolForge.Generation.Actions;

/// <summary>Per-step input features of the model, read from a <see cref="GraphBuildState"/> before the action: the
/// focus atom's type and free valence, path depth, atom count, focus degree, root flag, ring count and the mask of
/// allowed actions (which carries which ring closures are possible).</summary>
public static class StepFeatures
{
    private const int FreeValenceSlots = 8;
    private const int Scalars = 5;

    /// <summary>Length of the feature vector for an action space.</summary>
    public static int Count(ActionSpace space) => space.AtomTypes + FreeValenceSlots + Scalars + space.Count;

    /// <summary>Fills <paramref name="dst"/> (length <see cref="Count"/>) and <paramref name="mask"/> (length
    /// <see cref="ActionSpace.Count"/>) for the current state.</summary>
    public static void Fill(GraphBuildState state, Span<float> dst, Span<bool> mask)
    {
        ArgumentNullException.ThrowIfNull(state);
        var space = state.Space;
        dst.Clear();
        state.FillMask(mask);
        var g = state.Graph;
        var f = state.Focus;
        var o = space.AtomTypes;
        if (f >= 0)
        {
            dst[g.TypeOf(f)] = 1;
            dst[o + Math.Clamp(g.FreeValence(f), 0, FreeValenceSlots - 1)] = 1;
            dst[o + FreeValenceSlots + 2] = g.NeighborsOf(f).Count / 4f;
            dst[o + FreeValenceSlots + 3] = state.Depth == 0 ? 1 : 0;
        }
        dst[o + FreeValenceSlots] = Math.Max(state.Depth, 0) / 16f;
        dst[o + FreeValenceSlots + 1] = g.AtomCount / 40f;
        dst[o + FreeValenceSlots + 4] = Math.Max(0, g.BondCount - g.AtomCount + 1) / 6f;
        var m = o + FreeValenceSlots + Scalars;
        for (var i = 0; i < space.Count; i++) dst[m + i] = mask[i] ? 1 : 0;
    }
}
