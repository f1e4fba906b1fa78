using MolForge.Chem.Core;

namespace MolForge.Chem.Formats;

/// <summary>Tetrahedral and double-bond stereo from coordinates (3D positions, or 2D positions lifted by wedge/hash
/// bonds), expressed in the model's conventions. Sanitisation later drops marks on atoms that are not stereocentres.</summary>
internal static class StereoFromCoordinates
{
    /// <summary>Sets chiral tags and cis/trans marks. <paramref name="wedge"/>: per bond +1 wedge, -1 hash, 0 plain
    /// (begin atom is the stereocentre); <paramref name="eitherDouble"/>: double bonds drawn as unspecified.</summary>
    public static void Assign(Atom[] atoms, Bond[] bonds, Point3D[] positions, bool is3D, sbyte[]? wedge, bool[]? eitherDouble)
    {
        var n = atoms.Length;
        var nbrs = new List<int>[n];
        var nbrBonds = new List<int>[n];
        for (var i = 0; i < n; i++) { nbrs[i] = []; nbrBonds[i] = []; }
        for (var b = 0; b < bonds.Length; b++)
        {
            nbrs[bonds[b].Begin].Add(bonds[b].End); nbrBonds[bonds[b].Begin].Add(b);
            nbrs[bonds[b].End].Add(bonds[b].Begin); nbrBonds[bonds[b].End].Add(b);
        }
        Span<Point3D> p = stackalloc Point3D[4];
        for (var i = 0; i < n; i++)
        {
            var deg = nbrs[i].Count;
            if (deg is < 3 or > 4) continue;
            var hasDouble = false;
            foreach (var b in nbrBonds[i]) if (bonds[b].Order is not BondOrder.Single) { hasDouble = atoms[i].AtomicNumber is 6 or 7; }
            if (hasDouble) continue;
            var c = positions[i];
            var anyWedge = false;
            for (var k = 0; k < deg; k++)
            {
                var q = positions[nbrs[i][k]];
                if (!is3D)
                {
                    var z = 0.0;
                    var b = nbrBonds[i][k];
                    if (wedge is not null && wedge[b] != 0 && bonds[b].Begin == i) { z = wedge[b]; anyWedge = true; }
                    q = new Point3D(q.X, q.Y, z);
                }
                p[k] = q;
            }
            if (!is3D && !anyWedge) continue;
            if (!is3D) c = new Point3D(c.X, c.Y, 0);
            if (deg == 3)
            {
                // Implicit fourth neighbour (H or lone pair) opposite the others.
                var s = new Point3D(0, 0, 0);
                for (var k = 0; k < 3; k++) s += Unit(p[k] - c);
                var len = Math.Sqrt((s.X * s.X) + (s.Y * s.Y) + (s.Z * s.Z));
                if (len < 1e-3)
                {
                    // Planar in 2D: put the implicit neighbour out of plane opposite the wedges.
                    var zsum = p[0].Z + p[1].Z + p[2].Z;
                    s = new Point3D(0, 0, zsum == 0 ? 1 : zsum);
                }
                p[3] = c - Unit(s);
            }
            var a = p[1] - c;
            var bb = p[2] - c;
            var d = p[3] - c;
            var normal = Cross(bb - a, d - a);
            var view = p[0] - c;
            var vol = Dot(normal, view);
            if (Math.Abs(vol) < 1e-6) continue;
            atoms[i] = atoms[i] with { Chirality = vol > 0 ? ChiralTag.CounterClockwise : ChiralTag.Clockwise };
        }
        for (var b = 0; b < bonds.Length; b++)
        {
            if (bonds[b].Order != BondOrder.Double || (eitherDouble is not null && eitherDouble[b])) continue;
            int x = bonds[b].Begin, y = bonds[b].End;
            var nx = FirstOther(nbrs[x], y);
            var ny = FirstOther(nbrs[y], x);
            if (nx < 0 || ny < 0) continue;
            var axis = positions[y] - positions[x];
            var cx = Cross(axis, positions[nx] - positions[x]);
            var cy = Cross(axis, positions[ny] - positions[y]);
            var dot = Dot(cx, cy);
            if (Math.Abs(dot) < 1e-6) continue;
            bonds[b] = bonds[b] with { Stereo = dot > 0 ? BondStereo.Cis : BondStereo.Trans, StereoAtomBegin = nx, StereoAtomEnd = ny };
        }
    }

    private static int FirstOther(List<int> list, int exclude)
    {
        foreach (var v in list) if (v != exclude) return v;
        return -1;
    }

    private static Point3D Unit(Point3D v)
    {
        var len = Math.Sqrt((v.X * v.X) + (v.Y * v.Y) + (v.Z * v.Z));
        return len < 1e-12 ? v : v * (1.0 / len);
    }

    private static Point3D Cross(Point3D a, Point3D b) => new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));

    private static double Dot(Point3D a, Point3D b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);
}
