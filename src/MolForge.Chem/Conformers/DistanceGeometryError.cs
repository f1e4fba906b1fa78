using MolForge.Chem.ForceFields;

namespace MolForge.Chem.Conformers;

/// <summary>Distance-geometry error function over 4D coordinates (Havel 1991; RDKit's DistViolationContribs,
/// ChiralViolationContribs and FourthDimContribs): squared relative violations of the distance bounds, squared
/// violations of the chiral-volume bounds (and zero volume at sp2 centres), and a penalty on the fourth
/// coordinate that squeezes the embedding into 3D.</summary>
internal sealed class DistanceGeometryError : IEnergyFunction
{
    private readonly int _n;
    private readonly int[] _pi;
    private readonly int[] _pj;
    private readonly double[] _lower2;
    private readonly double[] _upper2;
    private readonly EmbeddingGraph _graph;

    public DistanceGeometryError(EmbeddingGraph graph, BoundsMatrix bounds)
    {
        _graph = graph;
        _n = graph.AtomCount;
        var pi = new List<int>();
        var pj = new List<int>();
        var lo = new List<double>();
        var up = new List<double>();
        for (var i = 0; i < _n; i++)
        {
            for (var j = i + 1; j < _n; j++)
            {
                pi.Add(i);
                pj.Add(j);
                var l = bounds.Lower(i, j);
                var u = bounds.Upper(i, j);
                lo.Add(l * l);
                up.Add(u * u);
            }
        }
        _pi = [.. pi];
        _pj = [.. pj];
        _lower2 = [.. lo];
        _upper2 = [.. up];
    }

    public int Dimension => 4 * _n;

    /// <summary>Weight of the chiral and planarity volume terms.</summary>
    public double ChiralWeight { get; set; } = 1.0;

    /// <summary>Weight of the fourth-dimension penalty.</summary>
    public double FourthDimWeight { get; set; } = 0.1;

    /// <summary>Lower bound on |volume| at tetrahedral centres.</summary>
    public const double MinChiralVolume = 0.5;

    public double Energy(ReadOnlySpan<double> x)
    {
        Span<double> g = new double[x.Length];
        return EnergyAndGradient(x, g);
    }

    public double EnergyAndGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        g.Clear();
        var e = 0.0;
        for (var p = 0; p < _pi.Length; p++)
        {
            int i = 4 * _pi[p], j = 4 * _pj[p];
            double d0 = x[i] - x[j], d1 = x[i + 1] - x[j + 1], d2 = x[i + 2] - x[j + 2], d3 = x[i + 3] - x[j + 3];
            var r2 = (d0 * d0) + (d1 * d1) + (d2 * d2) + (d3 * d3);
            double f;
            if (r2 > _upper2[p])
            {
                var v = (r2 / _upper2[p]) - 1.0;
                e += v * v;
                f = 2.0 * v / _upper2[p];
            }
            else if (r2 < _lower2[p])
            {
                var l2 = _lower2[p];
                var den = l2 + r2;
                var v = (2.0 * l2 / den) - 1.0;
                e += v * v;
                f = 2.0 * v * (-2.0 * l2 / (den * den));
            }
            else
            {
                continue;
            }
            // dE/dx_i = f * d(r2)/dx_i = f * 2 (x_i - x_j)
            f *= 2.0;
            g[i] += f * d0;
            g[i + 1] += f * d1;
            g[i + 2] += f * d2;
            g[i + 3] += f * d3;
            g[j] -= f * d0;
            g[j + 1] -= f * d1;
            g[j + 2] -= f * d2;
            g[j + 3] -= f * d3;
        }
        foreach (var (c, n0, n1, n2, sign) in _graph.ChiralCentres)
            e += VolumeTerm(x, g, c, n0, n1, n2, sign > 0 ? MinChiralVolume : -100.0, sign > 0 ? 100.0 : -MinChiralVolume);
        foreach (var (c, n0, n1, n2) in _graph.PlanarCentres)
            e += VolumeTerm(x, g, c, n0, n1, n2, 0.0, 0.0);
        if (FourthDimWeight > 0)
        {
            for (var a = 0; a < _n; a++)
            {
                var w = x[(4 * a) + 3];
                e += FourthDimWeight * w * w;
                g[(4 * a) + 3] += 2.0 * FourthDimWeight * w;
            }
        }
        return e;
    }

    /// <summary>Signed volume (n0−c)·((n1−c)×(n2−c)) from the first three coordinates.</summary>
    public static double Volume(ReadOnlySpan<double> x, int dim, int c, int n0, int n1, int n2)
    {
        double ax = x[(n0 * dim)] - x[(c * dim)], ay = x[(n0 * dim) + 1] - x[(c * dim) + 1], az = x[(n0 * dim) + 2] - x[(c * dim) + 2];
        double bx = x[(n1 * dim)] - x[(c * dim)], by = x[(n1 * dim) + 1] - x[(c * dim) + 1], bz = x[(n1 * dim) + 2] - x[(c * dim) + 2];
        double cx = x[(n2 * dim)] - x[(c * dim)], cy = x[(n2 * dim) + 1] - x[(c * dim) + 1], cz = x[(n2 * dim) + 2] - x[(c * dim) + 2];
        return (ax * ((by * cz) - (bz * cy))) + (ay * ((bz * cx) - (bx * cz))) + (az * ((bx * cy) - (by * cx)));
    }

    private double VolumeTerm(ReadOnlySpan<double> x, Span<double> g, int c, int n0, int n1, int n2, double lo, double hi)
    {
        var v = Volume(x, 4, c, n0, n1, n2);
        double dev;
        if (v < lo) dev = v - lo;
        else if (v > hi) dev = v - hi;
        else return 0.0;
        var w = ChiralWeight;
        var f = 2.0 * w * dev;
        // a = n0 - c, b = n1 - c, d = n2 - c; dV/da = b×d, dV/db = d×a, dV/dd = a×b.
        double ax = x[4 * n0] - x[4 * c], ay = x[(4 * n0) + 1] - x[(4 * c) + 1], az = x[(4 * n0) + 2] - x[(4 * c) + 2];
        double bx = x[4 * n1] - x[4 * c], by = x[(4 * n1) + 1] - x[(4 * c) + 1], bz = x[(4 * n1) + 2] - x[(4 * c) + 2];
        double dx = x[4 * n2] - x[4 * c], dy = x[(4 * n2) + 1] - x[(4 * c) + 1], dz = x[(4 * n2) + 2] - x[(4 * c) + 2];
        double gax = (by * dz) - (bz * dy), gay = (bz * dx) - (bx * dz), gaz = (bx * dy) - (by * dx);
        double gbx = (dy * az) - (dz * ay), gby = (dz * ax) - (dx * az), gbz = (dx * ay) - (dy * ax);
        double gdx = (ay * bz) - (az * by), gdy = (az * bx) - (ax * bz), gdz = (ax * by) - (ay * bx);
        g[4 * n0] += f * gax;
        g[(4 * n0) + 1] += f * gay;
        g[(4 * n0) + 2] += f * gaz;
        g[4 * n1] += f * gbx;
        g[(4 * n1) + 1] += f * gby;
        g[(4 * n1) + 2] += f * gbz;
        g[4 * n2] += f * gdx;
        g[(4 * n2) + 1] += f * gdy;
        g[(4 * n2) + 2] += f * gdz;
        g[4 * c] -= f * (gax + gbx + gdx);
        g[(4 * c) + 1] -= f * (gay + gby + gdy);
        g[(4 * c) + 2] -= f * (gaz + gbz + gdz);
        return w * dev * dev;
    }
}
