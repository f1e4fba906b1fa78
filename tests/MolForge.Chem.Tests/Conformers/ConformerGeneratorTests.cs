using MolForge.Chem.Conformers;
using MolForge.Chem.Core;
using MolForge.Chem.ForceFields.Mmff;
using MolForge.Chem.Smiles;

namespace MolForge.Chem.Tests.Conformers;

/// <summary>Conformer generation: hydrogens added, stereo kept, MMFF-minimised, deterministic, several
/// conformers pruned by RMSD.</summary>
public class ConformerGeneratorTests
{
    [Theory]
    [InlineData("CCO")]
    [InlineData("c1ccccc1")]
    [InlineData("C[C@H](N)C(=O)O")]
    [InlineData("C[C@@H](N)C(=O)O")]
    [InlineData("F/C=C/F")]
    [InlineData("F/C=C\\F")]
    [InlineData("CN1CCC[C@H]1c1cccnc1")]
    [InlineData("CC(=O)Oc1ccccc1C(=O)O")]
    [InlineData("C1CC2CCC1C2")]
    [InlineData("O=C1NC(=O)C(c2ccccc2)(c2ccccc2)N1")]
    [InlineData("C[C@H]1CC[C@@H](C(C)C)[C@@H](O)C1")]
    public void Generates_minimised_conformer_with_input_stereo(string smiles)
    {
        var input = SmilesReader.Parse(smiles);
        var result = ConformerGenerator.Generate(input, new ConformerOptions(Seed: 7));
        var conf = Assert.Single(result);
        var mol = conf.Molecule;
        Assert.NotNull(mol.Conformer);
        Assert.True(mol.Conformer!.Is3D);
        var heavy = input.Atoms.ToArray().Count(a => a.AtomicNumber != 1);
        var hydrogens = input.Atoms.ToArray().Sum(a => a.TotalHydrogensOnAtom);
        Assert.Equal(heavy + hydrogens, mol.AtomCount);
        for (var a = 0; a < input.AtomCount; a++)
        {
            if (input.GetAtom(a).Chirality == ChiralTag.None) continue;
            Assert.Equal(input.GetAtom(a).Chirality, StereoCheck.ChiralTagFromCoordinates(mol, a));
        }
        for (var b = 0; b < input.BondCount; b++)
        {
            var bond = input.GetBond(b);
            if (bond.Stereo is not (BondStereo.Cis or BondStereo.Trans)) continue;
            Assert.Equal(bond.Stereo, StereoCheck.BondStereoFromCoordinates(mol, b));
        }
        // Minimised: the MMFF gradient is (close to) zero.
        var ff = MmffForceField.Create(mol);
        var x = StereoCheck.Flatten(mol.Conformer);
        var g = new double[x.Length];
        var e = ff.EnergyAndGradient(x, g);
        Assert.Equal(conf.Energy, e, 6);
        Assert.True(g.Max(Math.Abs) < 1e-3, $"max gradient {g.Max(Math.Abs)}");
        // Bonded atoms at bonded distances.
        foreach (var bond in mol.Bonds)
        {
            var d = mol.Conformer[bond.Begin].DistanceTo(mol.Conformer[bond.End]);
            Assert.InRange(d, 0.9, 2.0);
        }
    }

    [Fact]
    public void Same_seed_same_coordinates_other_seed_other_coordinates()
    {
        var input = SmilesReader.Parse("CCCCC(=O)NCc1ccccc1");
        var a = ConformerGenerator.Generate(input, new ConformerOptions(Seed: 3))[0].Molecule.Conformer!;
        var b = ConformerGenerator.Generate(input, new ConformerOptions(Seed: 3))[0].Molecule.Conformer!;
        var c = ConformerGenerator.Generate(input, new ConformerOptions(Seed: 4))[0].Molecule.Conformer!;
        Assert.Equal(a.Positions.ToArray(), b.Positions.ToArray());
        Assert.NotEqual(a.Positions.ToArray(), c.Positions.ToArray());
    }

    [Fact]
    public void Several_conformers_are_distinct_and_sorted_by_energy()
    {
        var input = SmilesReader.Parse("CCCCCCOC(=O)c1ccccc1");
        var result = ConformerGenerator.Generate(input, new ConformerOptions(Seed: 11, Conformers: 5));
        Assert.InRange(result.Count, 2, 5);
        for (var i = 1; i < result.Count; i++) Assert.True(result[i - 1].Energy <= result[i].Energy);
        var heavy = Enumerable.Range(0, result[0].Molecule.AtomCount).Where(i => result[0].Molecule.GetAtom(i).AtomicNumber != 1).ToArray();
        for (var i = 0; i < result.Count; i++)
            for (var j = i + 1; j < result.Count; j++)
                Assert.True(Rmsd.Superposed(StereoCheck.Flatten(result[i].Molecule.Conformer!), StereoCheck.Flatten(result[j].Molecule.Conformer!), heavy) >= 0.5);
    }
}
