using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MolForge.Chem.Canonical;
using MolForge.Chem.Formats;
using MolForge.Chem.Smiles;

namespace MolForge.Chem.Tests.Smiles;

public class SmilesPropertyTests
{
    private static readonly string[] Pool = ReferenceData.Molecules.Select(r => r.Smiles).ToArray();

    private static Arbitrary<int> MoleculeIndex() => Gen.Choose(0, Pool.Length - 1).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Parse_of_write_is_the_same_molecule() =>
        Prop.ForAll(MoleculeIndex(), i =>
        {
            var m = SmilesReader.Parse(Pool[i]);
            var written = SmilesWriter.Write(m, new SmilesWriterOptions { Canonical = false });
            var back = SmilesReader.Parse(written);
            return back.AtomCount == m.AtomCount && back.BondCount == m.BondCount && SmilesWriter.Write(back) == SmilesWriter.Write(m);
        });

    [Property(MaxTest = 300)]
    public Property Canonical_string_is_invariant_under_atom_permutation() =>
        Prop.ForAll(MoleculeIndex(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (i, seed) =>
        {
            var m = SmilesReader.Parse(Pool[i]);
            return SmilesWriter.Write(Renumbering.Shuffle(m, new Random(seed))) == SmilesWriter.Write(m);
        });

    private static readonly char[] SmilesAlphabet = "CNOSPFIBrclnosp[]()=#$:/\\@+-.%0123456789H*".ToCharArray();

    [Property(MaxTest = 2000)]
    public Property Random_smiles_like_strings_never_crash_the_reader() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements(SmilesAlphabet)).Select(a => new string(a)).ToArbitrary(), s =>
        {
            var ok = SmilesReader.TryParse(s, out var m, out var error);
            if (ok) _ = SmilesWriter.Write(m!);
            return ok || !string.IsNullOrEmpty(error);
        });

    [Property(MaxTest = 500)]
    public Property Random_bytes_never_crash_any_reader(byte[] bytes)
    {
        var text = System.Text.Encoding.Latin1.GetString(bytes ?? []);
        SmilesReader.TryParse(text, out _, out _);
        var sdf = new SdfReader(new StringReader(text)).ReadAll().ToList();
        var xyz = XyzFormat.Read(new StringReader(text), perceiveBonds: true).ToList();
        return (sdf.TrueForAll(r => r.IsValid || r.Error is not null) && xyz.TrueForAll(r => r.IsValid || r.Error is not null)).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property Mutated_sd_records_never_crash_the_reader() =>
        Prop.ForAll(MoleculeIndex(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (i, seed) =>
        {
            var sw = new StringWriter();
            SdfWriter.Write(sw, SmilesReader.Parse(Pool[i]));
            var chars = sw.ToString().ToCharArray();
            var rng = new Random(seed);
            for (var k = 0; k < 5; k++) chars[rng.Next(chars.Length)] = (char)rng.Next(32, 127);
            var records = new SdfReader(new StringReader(new string(chars))).ReadAll().ToList();
            return records.TrueForAll(r => r.IsValid || r.Error is not null);
        });

    [Property(MaxTest = 1500)]
    public Property Mutated_smiles_are_rejected_cleanly_or_round_trip() =>
        Prop.ForAll(MoleculeIndex(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (i, seed) =>
        {
            var rng = new Random(seed);
            var chars = Pool[i].ToList();
            for (var k = rng.Next(1, 4); k > 0; k--)
            {
                var pos = rng.Next(chars.Count);
                switch (rng.Next(3))
                {
                    case 0: chars.RemoveAt(pos); break;
                    case 1: chars.Insert(pos, SmilesAlphabet[rng.Next(SmilesAlphabet.Length)]); break;
                    default: chars[pos] = SmilesAlphabet[rng.Next(SmilesAlphabet.Length)]; break;
                }
                if (chars.Count == 0) break;
            }
            var text = new string([.. chars]);
            if (!SmilesReader.TryParse(text, out var m, out var error)) return !string.IsNullOrEmpty(error);
            var written = SmilesWriter.Write(m);
            return SmilesReader.TryParse(written, out var back, out _) && SmilesWriter.Write(back) == written;
        });
}
