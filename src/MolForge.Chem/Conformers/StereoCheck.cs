using MolForge.Chem.Core;

namespace MolForge.Chem.Conformers;

/// <summary>Stereo perceived from 3D coordinates: tetrahedral handedness from the signed volume of the first
/// three neighbours (RDKit's chiral-tag convention: positive volume (n0−c)·((n1−c)×(n2−c)) is @ /
/// counter-clockwise) and double-bond cis/trans from the dihedral of the stereo atoms.</summary>
public static class StereoCheck
{
    /// <summary>The chiral tag that the coordinates of <paramref name="molecule"/> give atom
    /// <paramref name="atom"/> (None for fewer than three neighbours or a flat centre).</summary>
    public static ChiralTag ChiralTagFromCoordinates(Molecule molecule, int atom)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var conf = molecule.Conformer ?? throw new ArgumentException("The molecule has no coordinates.", nameof(molecule));
        var nb = molecule.NeighborsOf(atom);
        if (nb.Length < 3) return ChiralTag.None;
        var x = Flatten(conf);
        var v = DistanceGeometryError.Volume(x, 3, atom, nb[0], nb[1], nb[2]);
        if (Math.Abs(v) < 1e-3) return ChiralTag.None;
        return v > 0 ? ChiralTag.CounterClockwise : ChiralTag.Clockwise;
    }

    /// <summary>Cis or Trans of a double bond with stereo reference atoms, from the coordinates.</summary>
    public static BondStereo BondStereoFromCoordinates(Molecule molecule, int bondIndex)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var conf = molecule.Conformer ?? throw new ArgumentException("The molecule has no coordinates.", nameof(molecule));
        var bond = molecule.GetBond(bondIndex);
        if (bond.StereoAtomBegin < 0 || bond.StereoAtomEnd < 0) return BondStereo.None;
        var x = Flatten(conf);
        var phi = ForceFields.Geometry.Dihedral(x, bond.StereoAtomBegin, bond.Begin, bond.End, bond.StereoAtomEnd, out _, out _, out _, out _, out _);
        return Math.Abs(phi) < Math.PI / 2 ? BondStereo.Cis : BondStereo.Trans;
    }

    /// <summary>True when every tetrahedral centre and every cis/trans double bond of the embedding graph comes
    /// out as required in the coordinates <paramref name="x"/> (stride <paramref name="dim"/>).</summary>
    internal static bool Matches(EmbeddingGraph g, ReadOnlySpan<double> x, int dim, double minVolume = 0.05)
    {
        if (!MatchesChirality(g, x, dim, minVolume)) return false;
        if (g.StereoBonds.Count == 0) return true;
        Span<double> p = stackalloc double[12];
        foreach (var (a, b, c, d, cis) in g.StereoBonds)
        {
            int[] idx = [a, b, c, d];
            for (var k = 0; k < 4; k++)
                for (var q = 0; q < 3; q++) p[(3 * k) + q] = x[(idx[k] * dim) + q];
            var phi = ForceFields.Geometry.Dihedral(p, 0, 1, 2, 3, out _, out _, out _, out _, out _);
            var isCis = Math.Abs(phi) < Math.PI / 2;
            if (isCis != (cis > 0)) return false;
        }
        return true;
    }

    /// <summary>True when every tetrahedral centre has the required handedness.</summary>
    internal static bool MatchesChirality(EmbeddingGraph g, ReadOnlySpan<double> x, int dim, double minVolume = 0.05)
    {
        foreach (var (c, n0, n1, n2, sign) in g.ChiralCentres)
        {
            var v = DistanceGeometryError.Volume(x, dim, c, n0, n1, n2);
            if (v * sign < minVolume) return false;
        }
        return true;
    }

    internal static double[] Flatten(Conformer conf)
    {
        var x = new double[3 * conf.Count];
        for (var i = 0; i < conf.Count; i++)
        {
            x[3 * i] = conf[i].X;
            x[(3 * i) + 1] = conf[i].Y;
            x[(3 * i) + 2] = conf[i].Z;
        }
        return x;
    }
}
