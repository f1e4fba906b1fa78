using System.Globalization;
using MolForge.Chem.Smiles;
using MolForge.Generation.Metrics;

namespace MolForge.Generation.Tests.Graphs;

public sealed class BertzComplexityTests
{
    /// <summary>References/bertz_ct.csv: RDKit 2022.09.3 GraphDescriptors.BertzCT (tools/references/make_bertz_references.py).</summary>
    [Fact]
    public void Matches_RDKit_on_308_molecules()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "References", "bertz_ct.csv");
        var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(308, rows.Count);
        foreach (var r in rows)
        {
            var expected = double.Parse(r[1], CultureInfo.InvariantCulture);
            var actual = BertzComplexity.Compute(SmilesReader.Parse(r[0]));
            Assert.True(Math.Abs(expected - actual) <= 1e-4 * Math.Max(1, expected), $"{r[0]}: RDKit {expected}, ours {actual}");
        }
    }
}
