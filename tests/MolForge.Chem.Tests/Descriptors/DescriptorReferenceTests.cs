using System.Globalization;
using System.Text;
using MolForge.Chem.Core;
using MolForge.Chem.Descriptors;
using MolForge.Chem.Smiles;
using MolForge.Chem.Tests.Smarts;
using Xunit.Abstractions;

namespace MolForge.Chem.Tests.Descriptors;

/// <summary>Every descriptor against RDKit 2022.09.3 on the reference set (tools/references/make_descriptor_references.py:
/// approved drugs with salts, ZINC250k, QM9 and hand-picked hard cases).</summary>
public class DescriptorReferenceTests(ITestOutputHelper output)
{
    internal sealed record Reference(string Smiles, string Name, string[] Fields)
    {
        public double D(int i) => double.Parse(Fields[i], CultureInfo.InvariantCulture);
        public int I(int i) => int.Parse(Fields[i], CultureInfo.InvariantCulture);
    }

    internal static readonly Lazy<List<Reference>> References = new(() =>
        [.. PropsReferenceFiles.ReadTsv("descriptors.tsv.gz").Select(f => new Reference(f[0], f[1], f))]);

    internal static Molecule? TryParse(string smiles) => SmilesReader.TryParse(smiles, out var m, out _) ? m : null;

    /// <summary>Caged QM9 molecules where the shared RingInfo's symmetrised SSSR has another size than RDKit's
    /// (reported to the RingInfo owner); every other descriptor of them is checked.</summary>
    private static readonly HashSet<string> KnownRingInfoDifferences = ["CC1OC2C3CC(O3)C12", "O=C1C2OCC3OC2C13"];

    [Fact]
    public void All_descriptors_agree_with_RDKit()
    {
        var refs = References.Value;
        Assert.True(refs.Count >= 1000, $"only {refs.Count} reference molecules");
        var failures = new StringBuilder();
        int unreadable = 0, mismatched = 0;
        foreach (var r in refs)
        {
            var mol = TryParse(r.Smiles);
            if (mol is null)
            {
                unreadable++;
                failures.AppendLine($"{r.Name} {r.Smiles}: SMILES not read");
                continue;
            }
            var d = MolecularDescriptors.Compute(mol);
            var bad = new List<string>();
            void Num(string what, double mine, double theirs, double tol)
            {
                if (Math.Abs(mine - theirs) > tol) bad.Add($"{what} {mine:G6} vs {theirs:G6}");
            }
            void Int(string what, int mine, int theirs)
            {
                if (mine != theirs) bad.Add($"{what} {mine} vs {theirs}");
            }
            if (d.Formula != r.Fields[2]) bad.Add($"formula {d.Formula} vs {r.Fields[2]}");
            Num("mol_weight", d.MolWt, r.D(3), 0.01);
            Num("exact_mass", d.ExactMolWt, r.D(4), 0.01);
            Int("heavy_atoms", d.HeavyAtoms, r.I(5));
            Num("clogp", d.LogP, r.D(6), 0.01);
            Num("mr", d.MR, r.D(7), 0.01);
            Num("tpsa", d.Tpsa, r.D(8), 0.01);
            Int("hbd", d.Hbd, r.I(9));
            Int("hba", d.Hba, r.I(10));
            Int("rotatable_bonds", d.RotatableBonds, r.I(11));
            if (KnownRingInfoDifferences.Contains(r.Smiles))
            {
                // Documented: RingInfo (branch chem-smiles) gives another symmetrised-SSSR size here; must still differ,
                // so this list is emptied once RingInfo is fixed.
                Assert.NotEqual(r.I(12), d.Rings);
            }
            else Int("rings", d.Rings, r.I(12));
            Int("aromatic_rings", d.AromaticRings, r.I(13));
            Num("fraction_csp3", d.FractionCSP3, r.D(14), 0.01);
            Num("qed", d.Qed, r.D(15), 0.005);
            var qp = r.Fields[16].Split(' ');
            var p = d.QedProperties;
            Int("qed.HBA", p.HBA, int.Parse(qp[2], CultureInfo.InvariantCulture));
            Int("qed.AROM", p.Arom, int.Parse(qp[6], CultureInfo.InvariantCulture));
            Int("qed.ALERTS", p.Alerts, int.Parse(qp[7], CultureInfo.InvariantCulture));
            if (bad.Count > 0)
            {
                mismatched++;
                failures.AppendLine($"{r.Name} {r.Smiles}: {string.Join("; ", bad)}");
            }
        }
        output.WriteLine($"{refs.Count} molecules, {unreadable} unreadable, {mismatched} with a descriptor outside tolerance");
        output.WriteLine(failures.ToString());
        Assert.True(unreadable == 0 && mismatched == 0, failures.ToString());
    }

    [Fact]
    public void Crippen_atom_types_agree_with_RDKit()
    {
        var failures = new StringBuilder();
        var count = 0;
        foreach (var r in References.Value)
        {
            var mol = TryParse(r.Smiles);
            if (mol is null) continue;
            var c = Crippen.Contributions(mol, mol.RingInfo);
            var labels = c.Types.Select(t => t < 0 ? "" : Crippen.Types[t].Label).ToArray();
            var expected = r.Fields[17].Split(' ');
            // Heavy atoms keep their indices; hydrogens follow in both (RDKit AddHs appends them by heavy atom).
            if (!labels.SequenceEqual(expected))
            {
                count++;
                if (count <= 20) failures.AppendLine($"{r.Smiles}: {string.Join(' ', labels)} | rdkit {r.Fields[17]}");
            }
        }
        Assert.True(count == 0, $"{count} molecules differ:\n{failures}");
    }
}
