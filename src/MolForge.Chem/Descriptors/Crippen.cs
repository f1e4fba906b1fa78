using System.Globalization;
using MolForge.Chem.Core;
using MolForge.Chem.Smarts;
using MolForge.Chem.Substructure;

namespace MolForge.Chem.Descriptors;

/// <summary>One Wildman–Crippen atom type: label (C1…HS), SMARTS and contributions.</summary>
/// <param name="Label">Type label from the table.</param>
/// <param name="Pattern">The compiled SMARTS; its first atom is the typed atom.</param>
/// <param name="LogP">logP contribution.</param>
/// <param name="MR">Molar refractivity contribution.</param>
public sealed record CrippenType(string Label, SmartsQuery Pattern, double LogP, double MR);

/// <summary>Per-atom Crippen contributions of a molecule with explicit hydrogens.</summary>
/// <param name="Molecule">The hydrogen-expanded molecule the contributions refer to (hydrogens appended after the
/// original atoms, which keep their indices).</param>
/// <param name="Types">Type index per atom (-1 when no type matched).</param>
/// <param name="LogP">Sum of the logP contributions.</param>
/// <param name="MR">Sum of the MR contributions.</param>
public sealed record CrippenResult(Molecule Molecule, int[] Types, double LogP, double MR);

/// <summary>Wildman &amp; Crippen atom-contribution logP and molar refractivity (J. Chem. Inf. Comput. Sci. 1999,
/// 39, 868), as RDKit's MolLogP/MolMR: hydrogens are made explicit, every atom gets the first type in table order
/// whose SMARTS matches with the atom as the pattern's first atom, and the contributions are summed. Table:
/// data/chem/Crippen.txt.</summary>
public static class Crippen
{
    private static readonly Lazy<CrippenType[]> LazyTypes = new(Load);

    // For each atomic number, the indices of the types whose first atom can be that element, in table order.
    private static readonly Lazy<int[][]> LazyByElement = new(() =>
    {
        var table = LazyTypes.Value;
        var result = new int[Elements.MaxAtomicNumber + 1][];
        for (var z = 0; z < result.Length; z++)
        {
            var list = new List<int>();
            for (var t = 0; t < table.Length; t++)
            {
                var rz = table[t].Pattern.Atoms[0].RequiredAtomicNumber;
                if (rz < 0 || rz == z) list.Add(t);
            }
            result[z] = [.. list];
        }
        return result;
    });

    /// <summary>The atom types in priority order.</summary>
    public static IReadOnlyList<CrippenType> Types => LazyTypes.Value;

    /// <summary>Crippen logP.</summary>
    public static double LogP(Molecule molecule) => Contributions(molecule, RingPerception.Of(molecule)).LogP;

    /// <summary>Crippen molar refractivity.</summary>
    public static double MolarRefractivity(Molecule molecule) => Contributions(molecule, RingPerception.Of(molecule)).MR;

    /// <summary>Types and contributions of every atom (hydrogens included).</summary>
    public static CrippenResult Contributions(Molecule molecule, RingInfo rings)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(rings);
        var (withH, ringsH) = ExplicitHydrogens.Add(molecule, rings);
        var target = new SubstructureTarget(withH, ringsH);
        var n = withH.AtomCount;
        var types = new int[n];
        Array.Fill(types, -1);
        var table = LazyTypes.Value;
        var byElement = LazyByElement.Value;
        double logp = 0, mr = 0;
        for (var a = 0; a < n; a++)
        {
            // Candidate types for this element in table order; the first whose pattern matches at the atom wins.
            foreach (var t in byElement[target.AtomicNumber(a)])
            {
                if (!SubstructureMatcher.MatchesAt(table[t].Pattern, target, a)) continue;
                types[a] = t;
                logp += table[t].LogP;
                mr += table[t].MR;
                break;
            }
        }
        return new CrippenResult(withH, types, logp, mr);
    }

    private static CrippenType[] Load()
    {
        var list = new List<CrippenType>();
        foreach (var line in EmbeddedData.ReadLines("Crippen.txt"))
        {
            var f = line.Split('\t');
            if (f.Length < 2 || f[0].Length == 0 || f[1].Length == 0) continue;
            var logp = f.Length > 2 && f[2].Length > 0 ? double.Parse(f[2], CultureInfo.InvariantCulture) : 0;
            var mr = f.Length > 3 && double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : 0;
            list.Add(new CrippenType(f[0], SmartsQuery.Parse(f[1]), logp, mr));
        }
        return [.. list];
    }
}
