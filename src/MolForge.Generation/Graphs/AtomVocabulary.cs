namespace MolForge.Generation.Graphs;

/// <summary>The atom types the generator can place: the elements of ZINC250k (C N O F S Cl Br I P) and the charged
/// forms ZINC uses for protonation states at pH 7 ([NH+]/[N+] as N+, [O-], [N-], [S-], [C-], [O+], [S+]); hydrogen
/// counts are implicit (so [nH] is a neutral N with one implicit H in the Kekulé graph).</summary>
public static class AtomVocabulary
{
    /// <summary>The fixed list; the index is the type id used by actions and the model.</summary>
    public static IReadOnlyList<AtomType> Types { get; } =
    [
        new(6, 0), new(7, 0), new(8, 0), new(9, 0), new(16, 0), new(17, 0), new(35, 0), new(53, 0), new(15, 0),
        new(7, 1), new(8, -1), new(7, -1), new(16, -1), new(6, -1), new(8, 1), new(16, 1),
    ];

    /// <summary>Number of types.</summary>
    public static int Count => Types.Count;

    /// <summary>Type id of an element/charge pair, or -1 when the generator cannot represent it.</summary>
    public static int IndexOf(int atomicNumber, int charge)
    {
        for (var i = 0; i < Types.Count; i++)
            if (Types[i].AtomicNumber == atomicNumber && Types[i].Charge == charge) return i;
        return -1;
    }

    /// <summary>Largest valence of any type (sizes the remaining-valence features).</summary>
    public static int MaxValence { get; } = Types.Max(t => t.MaxValence);
}
