using MolForge.Chem.Smiles;

namespace MolForge.Chem.Tests.Sanitization;

public class SanitizationReferenceTests
{
    [Fact]
    public void Every_reference_molecule_agrees_with_RDKit_atom_by_atom()
    {
        var failures = new List<string>();
        foreach (var r in ReferenceData.Molecules)
        {
            if (!SmilesReader.TryParse(r.Smiles, out var m, out var error))
            {
                failures.Add($"{r.Smiles}: rejected ({error})");
                continue;
            }
            if (m.AtomCount != r.H.Length)
            {
                failures.Add($"{r.Smiles}: {m.AtomCount} atoms, RDKit {r.H.Length}");
                continue;
            }
            for (var i = 0; i < m.AtomCount; i++)
            {
                var a = m.GetAtom(i);
                if (a.TotalHydrogensOnAtom != r.H[i] || (a.IsAromatic ? 1 : 0) != r.Aromatic[i] || a.FormalCharge != r.Charge[i])
                {
                    failures.Add($"{r.Smiles}: atom {i} ({a.Symbol}) H {a.TotalHydrogensOnAtom}/{r.H[i]} aromatic {a.IsAromatic}/{r.Aromatic[i]} charge {a.FormalCharge}/{r.Charge[i]}");
                    break;
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {ReferenceData.Molecules.Count} disagree:\n" + string.Join('\n', failures.Take(60)));
    }

    [Fact]
    public void Ring_counts_agree_with_RDKit()
    {
        var failures = new List<string>();
        foreach (var r in ReferenceData.Molecules)
        {
            if (!SmilesReader.TryParse(r.Smiles, out var m, out _)) continue;
            if (m.RingInfo.RingCount != r.Rings) failures.Add($"{r.Smiles}: {m.RingInfo.RingCount} rings, RDKit {r.Rings}");
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(40)));
    }

    [Fact]
    public void Inputs_are_accepted_or_rejected_as_RDKit_does()
    {
        var failures = new List<string>();
        foreach (var r in ReferenceData.Invalid)
        {
            var ok = SmilesReader.TryParse(r.Smiles, out _, out var error);
            if (ok != r.RdkitValid) failures.Add($"{r.Smiles}: ours {(ok ? "valid" : "invalid: " + error)}, RDKit {(r.RdkitValid ? "valid" : "invalid")}");
            else if (!ok) Assert.False(string.IsNullOrWhiteSpace(error));
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
