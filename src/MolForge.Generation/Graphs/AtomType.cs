using MolForge.Chem.Core;

namespace MolForge.Generation.Graphs;

/// <summary>A heavy-atom type of the generator: element and formal charge. Hydrogens are implicit and fill the
/// smallest allowed valence that is at least the sum of heavy-atom bond orders (RDKit's rule).</summary>
public sealed record AtomType(byte AtomicNumber, sbyte Charge)
{
    /// <summary>Element symbol.</summary>
    public string Symbol => Elements.Symbol(AtomicNumber);

    /// <summary>Allowed total valences (bonds plus H) in increasing order, following RDKit: the element's list shifted
    /// by the charge as for the isoelectronic element (N+ 4, O- 1, N- 2, S- 1/3/5, O+ 3); carbon ions 3.</summary>
    public IReadOnlyList<int> Valences { get; } = ComputeValences(AtomicNumber, Charge);

    /// <summary>Largest sum of heavy-atom bond orders this atom can carry.</summary>
    public int MaxValence => Valences[^1];

    /// <summary>Implicit hydrogens for a given sum of heavy-atom bond orders, or -1 when over the maximum.</summary>
    public int HydrogensFor(int heavyValence)
    {
        foreach (var v in Valences)
            if (v >= heavyValence) return v - heavyValence;
        return -1;
    }

    /// <summary>True when a Kekulé SMILES can write this type without brackets (neutral organic subset).</summary>
    public bool IsOrganicSubset => Charge == 0 && AtomicNumber is 5 or 6 or 7 or 8 or 9 or 15 or 16 or 17 or 35 or 53;

    /// <inheritdoc />
    public override string ToString() => Charge switch
    {
        0 => Symbol,
        > 0 => Symbol + new string('+', Charge),
        _ => Symbol + new string('-', -Charge),
    };

    private static int[] ComputeValences(byte z, sbyte charge)
    {
        var list = Elements.Valences(z);
        if (list.Count == 0 || list[0] < 0) throw new ArgumentException($"Element {z} has no fixed valence.", nameof(z));
        if (charge == 0) return list.ToArray();
        if (z == 6) return [4 - Math.Abs(charge)];
        // Isoelectronic rule: a cation of group 15/16 behaves like its left neighbour, an anion like its right one.
        var shifted = list.Select(v => v + charge).Where(v => v >= 0).ToArray();
        return shifted.Length == 0 ? [0] : shifted;
    }
}
