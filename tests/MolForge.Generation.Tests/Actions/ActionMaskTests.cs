using FsCheck;
using FsCheck.Fluent;
using MolForge.Generation.Actions;
using MolForge.Generation.Graphs;

namespace MolForge.Generation.Tests.Actions;

public sealed class ActionMaskTests
{
    private static readonly ActionSpace Space = new(AtomVocabulary.Count, 12);

    [Fact]
    public void Action_ids_round_trip()
    {
        for (var id = 0; id < Space.Count; id++) Assert.Equal(id, Space.Encode(Space.Decode(id)));
    }

    [Fact]
    public void Dfs_sequence_replays_to_the_same_graph_for_random_orders()
    {
        var random = new Random(5);
        foreach (var s in TestData.KekuleZinc)
        {
            var g = KekuleSmiles.Read(s);
            for (var rep = 0; rep < 5; rep++)
            {
                var seq = DfsSequencer.Sequence(g, Space, random)!;
                var st = new GraphBuildState(Space, 100);
                foreach (var a in seq) st.Apply(a); // throws when a step is masked
                Assert.True(st.IsFinished);
                Assert.Equal(g.AtomCount, st.Graph.AtomCount);
                Assert.Equal(g.BondCount, st.Graph.BondCount);
                Assert.Equal(g.MolecularWeight(), st.Graph.MolecularWeight(), 6);
            }
        }
    }

    /// <summary>Property: whatever allowed actions are chosen (the choice driven by random integers), no atom ever
    /// exceeds its maximum valence, the graph stays connected, and the mask always offers something until the end.</summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool Masks_never_allow_a_valence_violation(int[] choices, int maxAtoms)
    {
        var st = new GraphBuildState(Space, 2 + Math.Abs(maxAtoms % 40));
        var mask = new bool[Space.Count];
        var steps = 0;
        foreach (var c in choices.Concat(Enumerable.Range(0, 400)))
        {
            if (st.IsFinished) break;
            st.FillMask(mask);
            var allowed = Enumerable.Range(0, Space.Count).Where(i => mask[i]).ToArray();
            if (allowed.Length == 0) return false;
            foreach (var a in allowed) if (!st.IsAllowed(a)) return false;
            // Bias towards POP after the random prefix so every run ends.
            var pick = steps < choices.Length ? allowed[Math.Abs(c % allowed.Length)] : (mask[Space.PopId] ? Space.PopId : allowed[0]);
            st.Apply(pick);
            steps++;
            var g = st.Graph;
            for (var i = 0; i < g.AtomCount; i++)
                if (g.HydrogenCount(i) < 0 || g.FreeValence(i) < 0) return false;
            if (!g.IsConnected()) return false;
        }
        return st.IsFinished && st.Graph.AtomCount <= st.MaxAtoms && KekuleSmiles.Read(KekuleSmiles.Write(st.Graph)).AtomCount == st.Graph.AtomCount;
    }

    [Fact]
    public void Disallowed_action_throws()
    {
        var st = new GraphBuildState(Space, 10);
        Assert.Throws<InvalidOperationException>(() => st.Apply(Space.PopId));
        st.Apply(Space.First(AtomVocabulary.IndexOf(8, -1))); // [O-]: valence 1
        Assert.Throws<InvalidOperationException>(() => st.Apply(Space.Add(0, 2)));
    }

    [Fact]
    public void Element_mask_removes_types()
    {
        var allowed = new bool[AtomVocabulary.Count];
        allowed[0] = true; // carbon only
        var st = new GraphBuildState(Space, 10, allowed);
        var mask = new bool[Space.Count];
        st.FillMask(mask);
        Assert.True(mask[Space.First(0)]);
        Assert.False(mask[Space.First(1)]);
    }
}
