using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using MolForge.Chem.Fingerprints;
using MolForge.Chem.Tests.Descriptors;
using Xunit.Abstractions;

namespace MolForge.Chem.Tests.Fingerprints;

/// <summary>Morgan fingerprints against RDKit 2022.09.3 (GetMorganFingerprintAsBitVect radius 2, 2048 and 1024
/// bits; GetHashedMorganFingerprint radius 2, 2048) on the whole reference set.</summary>
public class MorganReferenceTests(ITestOutputHelper output)
{
    private static int[] Ints(string field) =>
        field.Length == 0 ? [] : [.. field.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    [Fact]
    public void Bits_and_counts_equal_RDKit()
    {
        int total = 0, same2048 = 0, same1024 = 0, sameCounts = 0;
        var firstFailures = new List<string>();
        foreach (var r in DescriptorReferenceTests.References.Value)
        {
            var mol = DescriptorReferenceTests.TryParse(r.Smiles);
            Assert.NotNull(mol);
            total++;
            var b2048 = MorganFingerprint.Bits(mol, 2, 2048).OnBits().ToArray();
            var b1024 = MorganFingerprint.Bits(mol, 2, 1024).OnBits().ToArray();
            var counts = string.Join(' ', MorganFingerprint.Counts(mol, 2, 2048).NonZero().Select(kv => $"{kv.Key}:{kv.Value}"));
            var ok = true;
            if (b2048.SequenceEqual(Ints(r.Fields[18]))) same2048++; else ok = false;
            if (b1024.SequenceEqual(Ints(r.Fields[19]))) same1024++; else ok = false;
            if (counts == r.Fields[20]) sameCounts++; else ok = false;
            if (!ok && firstFailures.Count < 10) firstFailures.Add(r.Smiles);
        }
        output.WriteLine($"{total} molecules: identical 2048-bit {same2048}, 1024-bit {same1024}, counts {sameCounts}");
        Assert.True(same2048 == total && same1024 == total && sameCounts == total,
            $"2048: {same2048}/{total}, 1024: {same1024}/{total}, counts: {sameCounts}/{total}; e.g. {string.Join(", ", firstFailures)}");
    }

    private static Gen<BitFingerprint> Fingerprints(int length) =>
        Gen.ListOf(Gen.Choose(0, length - 1)).Select(bits =>
        {
            var fp = new BitFingerprint(length);
            foreach (var b in bits) fp.Set(b);
            return fp;
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Tanimoto_on_bits_is_symmetric_bounded_and_one_on_self() =>
        Prop.ForAll(Gen.Two(Fingerprints(130)).ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            var ab = BitFingerprint.Tanimoto(a, b);
            var ba = BitFingerprint.Tanimoto(b, a);
            var self = BitFingerprint.Tanimoto(a, a);
            return ab == ba && ab >= 0 && ab <= 1 && (a.Count == 0 ? self == 0 : self == 1);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Tanimoto_on_counts_is_symmetric_bounded_and_one_on_self() =>
        Prop.ForAll(Gen.Two(Gen.ListOf(Gen.Choose(0, 63))).ToArbitrary(), pair =>
        {
            CountFingerprint Make(IEnumerable<int> xs)
            {
                var fp = new CountFingerprint(64);
                foreach (var x in xs) fp.Increment(x);
                return fp;
            }
            var a = Make(pair.Item1);
            var b = Make(pair.Item2);
            var ab = CountFingerprint.Tanimoto(a, b);
            var self = CountFingerprint.Tanimoto(a, a);
            return ab == CountFingerprint.Tanimoto(b, a) && ab >= 0 && ab <= 1 && (pair.Item1.Count == 0 ? self == 0 : self == 1);
        });

    [Fact]
    public void Tanimoto_of_known_pair_matches_the_definition()
    {
        var a = new BitFingerprint(2048);
        var b = new BitFingerprint(2048);
        foreach (var i in new[] { 1, 5, 64, 700, 2047 }) a.Set(i);
        foreach (var i in new[] { 5, 64, 701 }) b.Set(i);
        Assert.Equal(2.0 / 6.0, BitFingerprint.Tanimoto(a, b), 12);
        Assert.Throws<ArgumentException>(() => BitFingerprint.Tanimoto(a, new BitFingerprint(1024)));
    }
}
