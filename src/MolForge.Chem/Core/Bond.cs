namespace MolForge.Chem.Core;

/// <summary>A bond of a <see cref="Molecule"/>: an immutable value.</summary>
/// <param name="Begin">Index of the first atom.</param>
/// <param name="End">Index of the second atom.</param>
/// <param name="Order">Bond order.</param>
/// <param name="IsAromatic">Aromatic flag (input or perceived). Kekulé forms keep the flag with a
/// Single/Double order.</param>
/// <param name="Stereo">Double-bond stereo relative to the stereo atoms.</param>
/// <param name="StereoAtomBegin">Reference neighbour of <paramref name="Begin"/> for <paramref name="Stereo"/>,
/// -1 when none.</param>
/// <param name="StereoAtomEnd">Reference neighbour of <paramref name="End"/> for <paramref name="Stereo"/>,
/// -1 when none.</param>
public readonly record struct Bond(
    int Begin,
    int End,
    BondOrder Order,
    bool IsAromatic = false,
    BondStereo Stereo = BondStereo.None,
    int StereoAtomBegin = -1,
    int StereoAtomEnd = -1)
{
    /// <summary>The atom at the other end from <paramref name="atom"/>.</summary>
    public int OtherAtom(int atom) => atom == Begin ? End : Begin;

    /// <summary>True if the bond joins <paramref name="a"/> and <paramref name="b"/> (either way round).</summary>
    public bool Joins(int a, int b) => (Begin == a && End == b) || (Begin == b && End == a);
}
