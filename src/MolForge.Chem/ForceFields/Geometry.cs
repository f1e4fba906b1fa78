using System.Runtime.CompilerServices;

namespace MolForge.Chem.ForceFields;

/// <summary>Internal coordinates and their Cartesian derivatives over a flat coordinate array
/// (x0, y0, z0, x1, ...; <c>dim</c> = 3 or 4 values per atom, only the first three used here).</summary>
internal static class Geometry
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Distance(ReadOnlySpan<double> x, int dim, int i, int j)
    {
        double dx = x[(i * dim)] - x[(j * dim)], dy = x[(i * dim) + 1] - x[(j * dim) + 1], dz = x[(i * dim) + 2] - x[(j * dim) + 2];
        return Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
    }

    /// <summary>Adds dE/dr * dr/dx for the distance i-j. Returns the distance.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddDistanceGradient(ReadOnlySpan<double> x, Span<double> g, int i, int j, double r, double dEdr)
    {
        if (r <= 0.0) return;
        var f = dEdr / r;
        for (var c = 0; c < 3; c++)
        {
            var d = (x[(3 * i) + c] - x[(3 * j) + c]) * f;
            g[(3 * i) + c] += d;
            g[(3 * j) + c] -= d;
        }
    }

    /// <summary>Bond angle i-j-k in radians, and the unit vectors from j and bond lengths.</summary>
    public static double Angle(ReadOnlySpan<double> x, int i, int j, int k, out V3 u, out V3 v, out double r1, out double r2)
    {
        var a = V3.At(x, i) - V3.At(x, j);
        var b = V3.At(x, k) - V3.At(x, j);
        r1 = a.Length;
        r2 = b.Length;
        u = a / r1;
        v = b / r2;
        var c = Math.Clamp(V3.Dot(u, v), -1.0, 1.0);
        return Math.Acos(c);
    }

    /// <summary>Adds dE/dθ * dθ/dx for the angle i-j-k (θ from <see cref="Angle"/>).</summary>
    public static void AddAngleGradient(Span<double> g, int i, int j, int k, V3 u, V3 v, double r1, double r2, double theta, double dEdTheta)
    {
        var cos = Math.Cos(theta);
        var sin = Math.Max(Math.Sin(theta), 1e-8);
        var gi = (v - (u * cos)) * (-dEdTheta / (sin * r1));
        var gk = (u - (v * cos)) * (-dEdTheta / (sin * r2));
        gi.AddTo(g, i);
        gk.AddTo(g, k);
        (-(gi + gk)).AddTo(g, j);
    }

    /// <summary>Dihedral angle i-j-k-l in radians (IUPAC sign), with the pieces its gradient needs.</summary>
    public static double Dihedral(ReadOnlySpan<double> x, int i, int j, int k, int l, out V3 b1, out V3 b2, out V3 b3, out V3 m, out V3 n)
    {
        b1 = V3.At(x, j) - V3.At(x, i);
        b2 = V3.At(x, k) - V3.At(x, j);
        b3 = V3.At(x, l) - V3.At(x, k);
        m = V3.Cross(b1, b2);
        n = V3.Cross(b2, b3);
        var y = b2.Length * V3.Dot(b1, n);
        var xx = V3.Dot(m, n);
        return Math.Atan2(y, xx);
    }

    /// <summary>Adds dE/dφ * dφ/dx for the dihedral (Blondel &amp; Karplus 1996, J. Comput. Chem. 17, 1132).</summary>
    public static void AddDihedralGradient(Span<double> g, int i, int j, int k, int l, V3 b1, V3 b2, V3 b3, V3 m, V3 n, double dEdPhi)
    {
        var m2 = V3.Dot(m, m);
        var n2 = V3.Dot(n, n);
        if (m2 < 1e-16 || n2 < 1e-16) return;
        var lb2 = b2.Length;
        var gi = m * (-lb2 / m2);
        var gl = n * (lb2 / n2);
        var lb22 = lb2 * lb2;
        var f1 = V3.Dot(b1, b2) / lb22;
        var f3 = V3.Dot(b3, b2) / lb22;
        var gj = (gl * f3) - (gi * (1.0 + f1));
        var gk = -(gi + gj + gl);
        (gi * dEdPhi).AddTo(g, i);
        (gj * dEdPhi).AddTo(g, j);
        (gk * dEdPhi).AddTo(g, k);
        (gl * dEdPhi).AddTo(g, l);
    }
}

/// <summary>A small 3-vector for the geometry kernels.</summary>
internal readonly record struct V3(double X, double Y, double Z)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V3 At(ReadOnlySpan<double> x, int atom) => new(x[3 * atom], x[(3 * atom) + 1], x[(3 * atom) + 2]);
    public static V3 operator +(V3 a, V3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static V3 operator -(V3 a, V3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static V3 operator -(V3 a) => new(-a.X, -a.Y, -a.Z);
    public static V3 operator *(V3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);
    public static V3 operator /(V3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);
    public static double Dot(V3 a, V3 b) => (a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z);
    public static V3 Cross(V3 a, V3 b) => new((a.Y * b.Z) - (a.Z * b.Y), (a.Z * b.X) - (a.X * b.Z), (a.X * b.Y) - (a.Y * b.X));
    public double Length => Math.Sqrt(Dot(this, this));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddTo(Span<double> g, int atom)
    {
        g[3 * atom] += X;
        g[(3 * atom) + 1] += Y;
        g[(3 * atom) + 2] += Z;
    }
}
