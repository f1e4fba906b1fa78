using MolForge.Chem.Smarts;
using MolForge.Chem.Smiles;
using MolForge.Chem.Substructure;
using MolForge.Generation.Actions;
using MolForge.Generation.Graphs;
using MolForge.Generation.Sampling;

namespace MolForge.Generation.Tests.Sampling;

/// <summary>Scaffold replay over real drug scaffolds (References/drug_scaffolds.tsv, made by
/// tools/references/make_generation_scaffolds.py from ChEMBL approved drugs with RDKit 2022.09.3): exocyclic double
/// bonds, nitro and other charged atoms, heteroaromatics, fused ring systems.</summary>
public sealed class ScaffoldReplayPropertyTests
{
    private sealed record Scaffold(string Kekule, string Smiles, string Smarts, string Category, string Drug);

    private static readonly Lazy<List<Scaffold>> Scaffolds = new(() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "References", "drug_scaffolds.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Select(f => new Scaffold(f[0], f[1], f[2], f[3], f[4])).ToList());

    [Fact]
    public void Reference_set_is_varied()
    {
        var s = Scaffolds.Value;
        Assert.True(s.Count >= 30, $"{s.Count} scaffolds");
        foreach (var cat in new[] { "charged", "exocyclic-double", "fused", "heteroaromatic" })
            Assert.True(s.Count(x => x.Category.Split(';').Contains(cat)) >= 5, cat);
        Assert.Contains(s, x => x.Smiles.Contains("[N+](=O)[O-]", StringComparison.Ordinal));
    }

    /// <summary>For every scaffold, with a generous and with a tight heavy-atom limit (the tight one makes growth
    /// compete with the scaffold atoms still to be replayed for the budget, which used to make a forced scaffold
    /// action impossible), every sample is produced without an exception, sanitises with the Chem reader, contains
    /// the scaffold's Kekulé graph and matches the scaffold as RDKit's query (MolForge.Chem SMARTS matcher).</summary>
    [Fact]
    public void Sampling_from_real_scaffolds_never_throws_and_every_sample_sanitises_and_contains_the_scaffold()
    {
        var sampler = new Sampler(TestData.TinyModel);
        var failures = new List<string>();
        var grown = 0;
        var total = 0;
        foreach (var s in Scaffolds.Value)
        {
            var scaffold = KekuleSmiles.Read(s.Kekule);
            Assert.True(SmartsQuery.TryParse(s.Smarts, out var query, out var smartsError), $"{s.Drug}: {smartsError}");
            foreach (var (seed, maxAtoms) in new[] { (1, 0), (2, scaffold.AtomCount + 3), (3, scaffold.AtomCount + 1) })
            {
                List<MolGraph> graphs;
                try
                {
                    graphs = sampler.Sample(8, new SamplingOptions { Seed = seed, Scaffold = scaffold, MaxAtoms = maxAtoms, BatchSize = 8 });
                }
                catch (Exception e) when (e is InvalidOperationException or ArgumentException)
                {
                    failures.Add($"{s.Drug} {s.Kekule} seed {seed}: {e.Message}");
                    continue;
                }
                foreach (var g in graphs)
                {
                    total++;
                    var kekule = KekuleSmiles.Write(g);
                    if (maxAtoms > 0 && g.AtomCount > maxAtoms) failures.Add($"{s.Drug}: {kekule} has {g.AtomCount} atoms > {maxAtoms}");
                    if (!g.ValencesValid() || !g.IsConnected()) failures.Add($"{s.Drug}: {kekule} invalid graph");
                    if (!SubgraphMatcher.Contains(g, scaffold)) failures.Add($"{s.Drug}: {kekule} lacks the Kekulé scaffold {s.Kekule}");
                    if (!SmilesReader.TryParse(kekule, out var m, out var error)) { failures.Add($"{s.Drug}: {kekule} does not sanitise: {error}"); continue; }
                    if (!SubstructureMatcher.HasMatch(query!, m)) failures.Add($"{s.Drug}: {kekule} does not match {s.Smiles} ({s.Smarts})");
                    if (g.AtomCount > scaffold.AtomCount) grown++;
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(grown > total / 4, $"only {grown} of {total} samples grew beyond the scaffold");
    }

    /// <summary>Property: any valid graph the masks can build, used as the scaffold under any heavy-atom budget from
    /// its own size up, is replayed without an exception and kept (as a Kekulé subgraph) in every sample.</summary>
    [FsCheck.Xunit.Property(MaxTest = 60)]
    public bool Random_scaffolds_are_replayed_under_any_atom_budget(int seed, byte slack)
    {
        var random = new Random(seed);
        var scaffold = RandomGraph(random, 2 + random.Next(15));
        var maxAtoms = scaffold.AtomCount + slack % 6;
        var graphs = new Sampler(TestData.TinyModel).Sample(4, new SamplingOptions { Seed = seed, Scaffold = scaffold, MaxAtoms = maxAtoms, BatchSize = 4 });
        return graphs.All(g => g.AtomCount <= maxAtoms && g.ValencesValid() && g.IsConnected() && SubgraphMatcher.Contains(g, scaffold));
    }

    /// <summary>A random valid graph: allowed actions picked at random (ADD and RING favoured) up to a size.</summary>
    private static MolGraph RandomGraph(Random random, int atoms)
    {
        var space = TestData.TinyModel.Space;
        var st = new GraphBuildState(space, atoms);
        var mask = new bool[space.Count];
        while (!st.IsFinished)
        {
            st.FillMask(mask);
            var allowed = Enumerable.Range(0, space.Count).Where(i => mask[i] && i != space.PopId).ToArray();
            var pop = mask[space.PopId] && (allowed.Length == 0 || random.NextDouble() < (st.Graph.AtomCount >= atoms ? 0.7 : 0.15));
            st.Apply(pop ? space.PopId : allowed[random.Next(allowed.Length)]);
        }
        return st.Graph;
    }

    [Fact]
    public void Every_scaffold_fits_the_action_space()
    {
        var space = TestData.TinyModel.Space;
        foreach (var s in Scaffolds.Value)
            Assert.True(DfsSequencer.SequenceWithRetries(KekuleSmiles.Read(s.Kekule), space, new Random(1), 64) is not null, s.Kekule);
    }
}
