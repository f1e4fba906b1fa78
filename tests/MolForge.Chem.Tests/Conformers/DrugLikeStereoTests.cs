using System.Collections.Concurrent;
using MolForge.Chem.Conformers;
using MolForge.Chem.Core;
using MolForge.Chem.Smiles;

namespace MolForge.Chem.Tests.Conformers;

/// <summary>200 ZINC250k molecules with stereo (References/conformer_inputs.smi, made by
/// tools/references/make_conformer_inputs.py): every generated conformer has hydrogens, the input's tetrahedral
/// and double-bond stereo as perceived from its 3D coordinates, and sensible bond lengths.</summary>
public class DrugLikeStereoTests
{
    [Fact]
    public void Every_drug_like_conformer_keeps_the_input_stereo()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "References", "conformer_inputs.smi")).Take(200).ToArray();
        Assert.True(lines.Length >= 200);
        var failures = new ConcurrentBag<string>();
        var stereoElements = 0;
        Parallel.ForEach(lines, line =>
        {
            var input = SmilesReader.Parse(line);
            var conf = ConformerGenerator.Generate(input, new ConformerOptions(Seed: 42))[0].Molecule;
            var count = 0;
            for (var a = 0; a < input.AtomCount; a++)
            {
                var tag = input.GetAtom(a).Chirality;
                if (tag == ChiralTag.None) continue;
                count++;
                var got = StereoCheck.ChiralTagFromCoordinates(conf, a);
                if (got != tag) failures.Add($"{input.Name}: atom {a} {tag} came out {got}");
            }
            for (var b = 0; b < input.BondCount; b++)
            {
                var st = input.GetBond(b).Stereo;
                if (st is not (BondStereo.Cis or BondStereo.Trans)) continue;
                count++;
                var got = StereoCheck.BondStereoFromCoordinates(conf, b);
                if (got != st) failures.Add($"{input.Name}: bond {b} {st} came out {got}");
            }
            foreach (var bond in conf.Bonds)
            {
                var d = conf.Conformer![bond.Begin].DistanceTo(conf.Conformer[bond.End]);
                if (d is < 0.9 or > 2.0) failures.Add($"{input.Name}: bond {bond.Begin}-{bond.End} length {d:F2}");
            }
            Interlocked.Add(ref stereoElements, count);
        });
        Assert.True(stereoElements > 200, $"only {stereoElements} stereo elements");
        Assert.Empty(failures);
    }
}
