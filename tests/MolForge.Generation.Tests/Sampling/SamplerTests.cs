using MolForge.Generation.Graphs;
using MolForge.Generation.Model;
using MolForge.Generation.Sampling;

namespace MolForge.Generation.Tests.Sampling;

public sealed class SamplerTests
{
    [Fact]
    public void Tiny_trained_model_samples_only_valid_connected_molecules()
    {
        var sampler = new Sampler(TestData.TinyModel);
        var graphs = sampler.Sample(200, new SamplingOptions { Seed = 11, BatchSize = 64 });
        Assert.Equal(200, graphs.Count);
        foreach (var g in graphs)
        {
            Assert.True(g.AtomCount > 0);
            Assert.True(g.ValencesValid());
            Assert.True(g.IsConnected());
            var smiles = KekuleSmiles.Write(g);
            Assert.Equal(g.BondCount, KekuleSmiles.Read(smiles).BondCount);
        }
        // The trained model has learnt something: not every sample is the same.
        Assert.True(graphs.Select(KekuleSmiles.Write).Distinct().Count() > 20);
    }

    [Fact]
    public void Save_and_load_give_identical_samples_for_a_seed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"molforge-gen-{Guid.NewGuid():N}.mfgen.gz");
        try
        {
            TestData.TinyModel.Save(path);
            using var loaded = GraphGenerator.Load(path);
            var options = new SamplingOptions { Seed = 42, BatchSize = 32 };
            var a = new Sampler(TestData.TinyModel).Sample(64, options).Select(KekuleSmiles.Write).ToList();
            var b = new Sampler(loaded).Sample(64, options).Select(KekuleSmiles.Write).ToList();
            Assert.Equal(a, b);
            var c = new Sampler(loaded).Sample(64, options with { Seed = 43 }).Select(KekuleSmiles.Write).ToList();
            Assert.NotEqual(a, c);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Loading_garbage_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"molforge-bad-{Guid.NewGuid():N}.gz");
        File.WriteAllText(path, "not a model");
        try
        {
            var e = Assert.Throws<ModelFormatException>(() => GraphGenerator.Load(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("C1=CC=C2NC=CC2=C1")] // indole (Kekulé)
    [InlineData("C1CCNCC1")]
    public void Scaffold_constrained_samples_contain_the_scaffold(string scaffoldSmiles)
    {
        var scaffold = KekuleSmiles.Read(scaffoldSmiles);
        var graphs = new Sampler(TestData.TinyModel).Sample(60, new SamplingOptions { Seed = 5, Scaffold = scaffold, BatchSize = 30 });
        foreach (var g in graphs)
        {
            Assert.True(g.ValencesValid());
            Assert.True(SubgraphMatcher.Contains(g, scaffold), $"{KekuleSmiles.Write(g)} lacks {scaffoldSmiles}");
        }
        Assert.Contains(graphs, g => g.AtomCount > scaffold.AtomCount); // something was grown
    }

    // Known defect (issue 7 stays open): replaying a scaffold with an exocyclic double bond (benzamide's C=O) after
    // growth has used that atom's valence forces a disallowed bond, and Sampler throws InvalidOperationException.
    [Fact]
    public void Scaffold_with_an_exocyclic_double_bond_is_grown_without_forcing_a_disallowed_bond() =>
        Scaffold_constrained_samples_contain_the_scaffold("O=C(N)C1=CC=CC=C1");

    [Fact]
    public void Element_mask_holds_in_samples()
    {
        var allowed = new bool[AtomVocabulary.Count];
        allowed[AtomVocabulary.IndexOf(6, 0)] = true;
        allowed[AtomVocabulary.IndexOf(8, 0)] = true;
        var graphs = new Sampler(TestData.TinyModel).Sample(50, new SamplingOptions { Seed = 9, AllowedTypes = allowed });
        foreach (var g in graphs)
            for (var i = 0; i < g.AtomCount; i++) Assert.True(allowed[g.TypeOf(i)]);
    }
}

/// <summary>Plain backtracking subgraph isomorphism (atom types and bond orders equal) for test checks.</summary>
internal static class SubgraphMatcher
{
    public static bool Contains(MolGraph target, MolGraph pattern)
    {
        var map = new int[pattern.AtomCount];
        var used = new bool[target.AtomCount];
        return Extend(0);

        bool Extend(int p)
        {
            if (p == pattern.AtomCount) return true;
            for (var t = 0; t < target.AtomCount; t++)
            {
                if (used[t] || target.TypeOf(t) != pattern.TypeOf(p)) continue;
                var ok = true;
                foreach (var (q, order) in pattern.NeighborsOf(p))
                {
                    if (q >= p) continue;
                    var mt = map[q];
                    if (!target.NeighborsOf(t).Any(x => x.Neighbor == mt && x.Order == order)) { ok = false; break; }
                }
                if (!ok) continue;
                map[p] = t; used[t] = true;
                if (Extend(p + 1)) return true;
                used[t] = false;
            }
            return false;
        }
    }
}
