using System.Globalization;
using System.Text;
using MolForge.Chem.Smarts;
using MolForge.Chem.Substructure;
using MolForge.Chem.Tests.Descriptors;
using MolForge.Chem.Tests.Smarts;
using Xunit.Abstractions;

namespace MolForge.Chem.Tests.Substructure;

/// <summary>Unique match counts of ~750 SMARTS (Crippen, QED acceptors and alerts, 480 PAINS, Lipinski, rotatable
/// bonds, hand-made primitives) on ~360 molecules against RDKit's GetSubstructMatches.</summary>
public class SmartsCountReferenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Match_counts_equal_RDKit()
    {
        var patterns = PropsReferenceFiles.Patterns.Select(p => (p.Id, Query: SmartsQuery.Parse(p.Smarts))).ToList();
        var failures = new StringBuilder();
        int molecules = 0, checks = 0, wrong = 0, nonzero = 0;
        foreach (var f in PropsReferenceFiles.ReadTsv("smarts_counts.tsv.gz"))
        {
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            if (f.Length > 1 && f[1].Length > 0)
                foreach (var kv in f[1].Split(' '))
                {
                    var colon = kv.LastIndexOf(':');
                    expected[kv[..colon]] = int.Parse(kv[(colon + 1)..], CultureInfo.InvariantCulture);
                }
            var mol = DescriptorReferenceTests.TryParse(f[0]);
            Assert.NotNull(mol);
            molecules++;
            var target = new SubstructureTarget(mol);
            foreach (var (id, q) in patterns)
            {
                checks++;
                var mine = SubstructureMatcher.CountMatches(q, target, unique: true, maxMatches: 100000);
                var theirs = expected.GetValueOrDefault(id);
                if (theirs > 0) nonzero++;
                if (mine != theirs)
                {
                    wrong++;
                    if (wrong <= 30) failures.AppendLine($"{id} {q.Smarts} on {f[0]}: {mine} vs RDKit {theirs}");
                }
            }
        }
        output.WriteLine($"{molecules} molecules x {patterns.Count} patterns = {checks} counts ({nonzero} non-zero in RDKit), {wrong} differ");
        Assert.True(wrong == 0, failures.ToString());
    }
}
