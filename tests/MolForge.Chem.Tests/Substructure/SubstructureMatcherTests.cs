using MolForge.Chem.Core;
using MolForge.Chem.Smarts;
using MolForge.Chem.Smiles;
using MolForge.Chem.Substructure;

namespace MolForge.Chem.Tests.Substructure;

/// <summary>Matcher behaviour with RDKit's semantics (values checked with RDKit 2022.09.3 GetSubstructMatches).</summary>
public class SubstructureMatcherTests
{
    private static SubstructureTarget T(string smiles, bool keepH = false) =>
        new(SmilesReader.Parse(smiles, new SmilesReaderOptions { RemoveHydrogens = !keepH }));

    private static int Count(string smarts, string smiles, bool unique = true) =>
        SubstructureMatcher.CountMatches(SmartsQuery.Parse(smarts), T(smiles), unique);

    [Theory]
    // RDKit: len(m.GetSubstructMatches(q)) / with uniquify=False
    [InlineData("c1ccccc1", "c1ccccc1", 1, 12)]
    [InlineData("CC", "CCC", 2, 4)]
    [InlineData("C(C)(C)C", "CC(C)(C)C", 4, 24)]
    [InlineData("*~*", "C1CC1", 3, 6)]
    [InlineData("C.C", "CC", 1, 2)]
    [InlineData("C.C", "C", 0, 0)]
    [InlineData("[OH]C=O", "OC(=O)CC(=O)O", 2, 2)]
    public void Unique_and_all_matches(string smarts, string smiles, int unique, int all)
    {
        Assert.Equal(unique, Count(smarts, smiles));
        Assert.Equal(all, Count(smarts, smiles, unique: false));
    }

    [Fact]
    public void Matches_map_query_atoms_to_molecule_atoms()
    {
        var target = T("OCC(=O)N");
        var matches = SubstructureMatcher.Matches(SmartsQuery.Parse("C(=O)N"), target);
        var m = Assert.Single(matches);
        Assert.Equal([2, 3, 4], m);
        Assert.Equal(2, SubstructureMatcher.Matches(SmartsQuery.Parse("CC"), T("CCCC"), new MatchOptions(MaxMatches: 2)).Count);
    }

    [Theory]
    // Ring and valence primitives (RDKit semantics: R = SSSR ring count, r = smallest SSSR ring, x = ring bonds,
    // v = total valence, X = total connections, H = total H, h = implicit H, D = explicit connections).
    [InlineData("[R2]", "c1ccc2ccccc2c1", 2)]
    [InlineData("[R1]", "c1ccc2ccccc2c1", 8)]
    [InlineData("[r5]", "C1CCC2(C1)CCCC2", 9)]
    [InlineData("[x3]", "C12CCCC1CCC2", 2)]
    [InlineData("[x]", "CC1CC1", 3)]
    [InlineData("[R0]", "CC1CC1", 1)]
    [InlineData("[v4]", "C[N+](C)(C)C", 5)]
    [InlineData("[v3]", "c1cc[nH]c1", 1)]
    [InlineData("[X4]", "CC(=O)O", 1)]
    [InlineData("[D1]", "CC(=O)O", 3)]
    [InlineData("[H3]", "CC(=O)O", 1)]
    [InlineData("[h1]", "CC(=O)O", 1)]
    [InlineData("[h]", "C[NH3+]", 2)]
    [InlineData("[z3]", "OC(=O)N", 1)]
    [InlineData("[+1]", "C[N+](C)(C)C.[Cl-]", 1)]
    [InlineData("[-]", "C[N+](C)(C)C.[Cl-]", 1)]
    [InlineData("[13C]", "[13CH3]C", 1)]
    [InlineData("[#6;!$(C=O)]", "CC(=O)C", 2)]
    [InlineData("[D{2-3}]", "CC(C)CC", 2)]
    public void Atom_primitives(string smarts, string smiles, int expected) =>
        Assert.Equal(expected, Count(smarts, smiles));

    [Theory]
    [InlineData("C-C", "c1ccccc1C", 0)]
    [InlineData("c-C", "c1ccccc1C", 1)]
    [InlineData("c:c", "c1ccccc1", 6)]
    [InlineData("cc", "c1ccccc1", 6)]
    [InlineData("c=c", "c1ccccc1", 0)]
    [InlineData("C@C", "CC1CC1", 3)]
    [InlineData("C!@C", "CC1CC1", 1)]
    [InlineData("C=,#C", "C=CC#C", 2)]
    [InlineData("C~C", "C=CC#C", 3)]
    public void Bond_primitives(string smarts, string smiles, int expected) =>
        Assert.Equal(expected, Count(smarts, smiles));

    [Fact]
    public void Hydrogen_atoms_match_only_as_graph_nodes()
    {
        var q = SmartsQuery.Parse("[#1]O");
        Assert.Equal(0, SubstructureMatcher.CountMatches(q, T("CO")));
        Assert.Equal(0, SubstructureMatcher.CountMatches(q, T("C[OH]")));
        Assert.Equal(1, SubstructureMatcher.CountMatches(q, T("C([H])([H])([H])O[H]", keepH: true)));
        // Total-H counts include hydrogen neighbours.
        Assert.Equal(1, SubstructureMatcher.CountMatches(SmartsQuery.Parse("[CH3]"), T("C([H])([H])([H])O[H]", keepH: true)));
    }

    [Fact]
    public void Recursive_SMARTS_results_are_anchored_and_cached_per_target()
    {
        var target = T("CC(=O)OCC(=O)N");
        var ester = SmartsQuery.Parse("[$(C(=O)O[#6])]");
        var amideCarbon = SmartsQuery.Parse("[$(C(=O)N)]");
        Assert.Equal(1, SubstructureMatcher.CountMatches(ester, target));
        Assert.Equal(1, SubstructureMatcher.CountMatches(amideCarbon, target));
        // Same results when asked again (from the cache) and atom by atom.
        Assert.Equal(1, SubstructureMatcher.CountMatches(ester, target));
        Assert.True(SubstructureMatcher.MatchesAt(ester, target, 1));
        Assert.False(SubstructureMatcher.MatchesAt(ester, target, 5));
        Assert.True(SubstructureMatcher.MatchesAt(amideCarbon, target, 5));
    }

    [Fact]
    public void Has_match_and_no_match()
    {
        Assert.True(SubstructureMatcher.HasMatch(SmartsQuery.Parse("[N+](=O)[O-]"), SmilesReader.Parse("c1ccccc1[N+](=O)[O-]")));
        Assert.False(SubstructureMatcher.HasMatch(SmartsQuery.Parse("[S]"), SmilesReader.Parse("c1ccccc1")));
        Assert.False(SubstructureMatcher.HasMatch(SmartsQuery.Parse("CCCCCCC"), SmilesReader.Parse("CCC")));
        Assert.Empty(SubstructureMatcher.Matches(SmartsQuery.Parse("C"), Molecule.Empty));
    }
}
