using MolForge.Chem.Canonical;
using MolForge.Chem.Smiles;

namespace MolForge.Chem.Tests.Canonical;

public class CanonicalReferenceTests
{
    [Fact]
    public void Canonical_string_is_invariant_under_ten_random_atom_orders_and_reads_back_to_itself()
    {
        var failures = new List<string>();
        var random = new Random(20260101);
        foreach (var r in ReferenceData.Molecules)
        {
            var m = SmilesReader.Parse(r.Smiles);
            var canon = SmilesWriter.Write(m);
            if (!SmilesReader.TryParse(canon, out var back, out var error)) { failures.Add($"{r.Smiles} -> {canon}: unreadable ({error})"); continue; }
            var again = SmilesWriter.Write(back);
            if (again != canon) { failures.Add($"{r.Smiles}: {canon} re-reads as {again}"); continue; }
            for (var k = 0; k < 10; k++)
            {
                var shuffled = SmilesWriter.Write(Renumbering.Shuffle(m, random));
                if (shuffled != canon) { failures.Add($"{r.Smiles}: order {k} gives {shuffled}, expected {canon}"); break; }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {ReferenceData.Molecules.Count} fail:\n" + string.Join('\n', failures.Take(50)));
    }

    [Fact]
    public void Our_canonical_form_of_RDKits_canonical_string_equals_our_canonical_form_of_the_input()
    {
        var failures = new List<string>();
        foreach (var r in ReferenceData.Molecules)
        {
            var ours = SmilesWriter.Write(SmilesReader.Parse(r.Smiles));
            if (!SmilesReader.TryParse(r.Canonical, out var rd, out var error)) { failures.Add($"{r.Canonical}: rejected ({error})"); continue; }
            var fromRdkit = SmilesWriter.Write(rd);
            if (ours != fromRdkit) failures.Add($"{r.Smiles}: {ours} but RDKit's {r.Canonical} gives {fromRdkit}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {ReferenceData.Molecules.Count} fail:\n" + string.Join('\n', failures.Take(50)));
    }

    [Fact]
    public void Kekule_and_no_stereo_forms_read_back_to_the_same_molecule()
    {
        var failures = new List<string>();
        foreach (var r in ReferenceData.Molecules)
        {
            var m = SmilesReader.Parse(r.Smiles);
            var canon = SmilesWriter.Write(m);
            var kek = SmilesWriter.Write(m, new SmilesWriterOptions { Kekule = true });
            if (!SmilesReader.TryParse(kek, out var k2, out var e1) || SmilesWriter.Write(k2) != canon) { failures.Add($"{r.Smiles}: kekule {kek} ({e1})"); continue; }
            var flat = SmilesWriter.Write(m, new SmilesWriterOptions { IncludeStereo = false });
            if (!SmilesReader.TryParse(flat, out var f2, out var e2)) { failures.Add($"{r.Smiles}: no-stereo {flat} ({e2})"); continue; }
            if (!flat.Contains("[H]", StringComparison.Ordinal) && SmilesWriter.Write(f2, new SmilesWriterOptions { IncludeStereo = false }) != flat) failures.Add($"{r.Smiles}: no-stereo not stable {flat}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {ReferenceData.Molecules.Count} fail:\n" + string.Join('\n', failures.Take(50)));
    }
}
