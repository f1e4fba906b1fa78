using MolForge.Generation.Graphs;

namespace MolForge.Generation.Tests.Graphs;

public sealed class KekuleSmilesTests
{
    [Fact]
    public void Reads_zinc_rows_and_round_trips_the_graph()
    {
        foreach (var s in TestData.KekuleZinc)
        {
            var g = KekuleSmiles.Read(s);
            var again = KekuleSmiles.Read(KekuleSmiles.Write(g));
            Assert.Equal(g.AtomCount, again.AtomCount);
            Assert.Equal(g.BondCount, again.BondCount);
            Assert.Equal(g.MolecularWeight(), again.MolecularWeight(), 6);
            Assert.True(g.ValencesValid());
        }
    }

    [Theory]
    [InlineData("CCO", 46.069)] // RDKit Descriptors.MolWt
    [InlineData("C[NH+](C)C", 60.120)]
    [InlineData("CC(=O)[O-]", 59.044)]
    [InlineData("CC(C)(C)C1=CC=C2OC=C(CC(=O)NC3=CC=CC=C3F)C2=C1", 325.383)]
    public void Molecular_weight_matches_RDKit(string smiles, double molWt) =>
        Assert.Equal(molWt, KekuleSmiles.Read(smiles).MolecularWeight(), 2);

    [Theory]
    [InlineData("c1ccccc1", "aromatic")]
    [InlineData("CC.O", "fragments")]
    [InlineData("C1CC", "unclosed ring")]
    [InlineData("CC(C", "unclosed branch")]
    [InlineData("C(C)(C)(C)(C)C", "valence")]
    [InlineData("[NH2+]C", "H")]
    [InlineData("[Xe]", "vocabulary")]
    [InlineData("C)C", "unbalanced")]
    public void Rejects_malformed_input_with_a_reason(string smiles, string reason)
    {
        var e = Assert.Throws<GraphFormatException>(() => KekuleSmiles.Read(smiles));
        Assert.Contains(reason, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(smiles, e.Message, StringComparison.Ordinal);
    }
}
