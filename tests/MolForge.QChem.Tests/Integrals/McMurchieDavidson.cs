using MolForge.QChem.Basis;

namespace MolForge.QChem.Tests.Integrals;

/// <summary>The slow, independent route: textbook McMurchie–Davidson (J. Comput. Phys. 26, 218 (1978)) with
/// Hermite expansion coefficients and Hermite Coulomb integrals by plain recursion, and the Boys function from
/// its series. Used only to check the fast integrals on small cases.</summary>
internal static class McMurchieDavidson
{
    private static double E(int i, int j, int t, double qx, double a, double b)
    {
        var p = a + b;
        var q = a * b / p;
        if (t < 0 || t > i + j) return 0;
        if (i == 0 && j == 0 && t == 0) return Math.Exp(-q * qx * qx);
        if (j == 0)
            return 1 / (2 * p) * E(i - 1, j, t - 1, qx, a, b) - q * qx / a * E(i - 1, j, t, qx, a, b) + (t + 1) * E(i - 1, j, t + 1, qx, a, b);
        return 1 / (2 * p) * E(i, j - 1, t - 1, qx, a, b) + q * qx / b * E(i, j - 1, t, qx, a, b) + (t + 1) * E(i, j - 1, t + 1, qx, a, b);
    }

    private static double R(int t, int u, int v, int n, double p, double x, double y, double z)
    {
        var r2 = x * x + y * y + z * z;
        if (t == 0 && u == 0 && v == 0) return Math.Pow(-2 * p, n) * QChem.Integrals.Boys.Series(n, p * r2);
        if (t == 0 && u == 0)
        {
            var val = 0.0;
            if (v > 1) val += (v - 1) * R(t, u, v - 2, n + 1, p, x, y, z);
            return val + z * R(t, u, v - 1, n + 1, p, x, y, z);
        }
        if (t == 0)
        {
            var val = 0.0;
            if (u > 1) val += (u - 1) * R(t, u - 2, v, n + 1, p, x, y, z);
            return val + y * R(t, u - 1, v, n + 1, p, x, y, z);
        }
        var w = 0.0;
        if (t > 1) w += (t - 1) * R(t - 2, u, v, n + 1, p, x, y, z);
        return w + x * R(t - 1, u, v, n + 1, p, x, y, z);
    }

    public static double Overlap(Shell a, int ia, Shell b, int ib)
    {
        var (ax, ay, az) = CartesianOrder.Component(a.L, ia);
        var (bx, by, bz) = CartesianOrder.Component(b.L, ib);
        double s = 0;
        for (var p = 0; p < a.Primitives; p++)
            for (var q = 0; q < b.Primitives; q++)
            {
                double al = a.Exponents[p], be = b.Exponents[q];
                s += a.Coefficients[p] * b.Coefficients[q] * E(ax, bx, 0, a.X - b.X, al, be) * E(ay, by, 0, a.Y - b.Y, al, be)
                    * E(az, bz, 0, a.Z - b.Z, al, be) * Math.Pow(Math.PI / (al + be), 1.5);
            }
        return s;
    }

    public static double Nuclear(Shell a, int ia, Shell b, int ib, double cx, double cy, double cz)
    {
        var (ax, ay, az) = CartesianOrder.Component(a.L, ia);
        var (bx, by, bz) = CartesianOrder.Component(b.L, ib);
        double s = 0;
        for (var p = 0; p < a.Primitives; p++)
            for (var q = 0; q < b.Primitives; q++)
            {
                double al = a.Exponents[p], be = b.Exponents[q], pp = al + be;
                double px = (al * a.X + be * b.X) / pp, py = (al * a.Y + be * b.Y) / pp, pz = (al * a.Z + be * b.Z) / pp;
                double v = 0;
                for (var t = 0; t <= ax + bx; t++)
                    for (var u = 0; u <= ay + by; u++)
                        for (var w = 0; w <= az + bz; w++)
                            v += E(ax, bx, t, a.X - b.X, al, be) * E(ay, by, u, a.Y - b.Y, al, be) * E(az, bz, w, a.Z - b.Z, al, be)
                                * R(t, u, w, 0, pp, px - cx, py - cy, pz - cz);
                s += a.Coefficients[p] * b.Coefficients[q] * 2 * Math.PI / pp * v;
            }
        return s;
    }

    public static double Eri(Shell a, int ia, Shell b, int ib, Shell c, int ic, Shell d, int id)
    {
        var (ax, ay, az) = CartesianOrder.Component(a.L, ia);
        var (bx, by, bz) = CartesianOrder.Component(b.L, ib);
        var (cx, cy, cz) = CartesianOrder.Component(c.L, ic);
        var (dx, dy, dz) = CartesianOrder.Component(d.L, id);
        double total = 0;
        for (var i1 = 0; i1 < a.Primitives; i1++)
            for (var i2 = 0; i2 < b.Primitives; i2++)
                for (var i3 = 0; i3 < c.Primitives; i3++)
                    for (var i4 = 0; i4 < d.Primitives; i4++)
                    {
                        double a1 = a.Exponents[i1], a2 = b.Exponents[i2], a3 = c.Exponents[i3], a4 = d.Exponents[i4];
                        double p = a1 + a2, q = a3 + a4, alpha = p * q / (p + q);
                        double px = (a1 * a.X + a2 * b.X) / p, py = (a1 * a.Y + a2 * b.Y) / p, pz = (a1 * a.Z + a2 * b.Z) / p;
                        double qx = (a3 * c.X + a4 * d.X) / q, qy = (a3 * c.Y + a4 * d.Y) / q, qz = (a3 * c.Z + a4 * d.Z) / q;
                        double v = 0;
                        for (var t = 0; t <= ax + bx; t++)
                            for (var u = 0; u <= ay + by; u++)
                                for (var w = 0; w <= az + bz; w++)
                                {
                                    var e1 = E(ax, bx, t, a.X - b.X, a1, a2) * E(ay, by, u, a.Y - b.Y, a1, a2) * E(az, bz, w, a.Z - b.Z, a1, a2);
                                    if (e1 == 0) continue;
                                    for (var tau = 0; tau <= cx + dx; tau++)
                                        for (var nu = 0; nu <= cy + dy; nu++)
                                            for (var phi = 0; phi <= cz + dz; phi++)
                                            {
                                                var e2 = E(cx, dx, tau, c.X - d.X, a3, a4) * E(cy, dy, nu, c.Y - d.Y, a3, a4) * E(cz, dz, phi, c.Z - d.Z, a3, a4);
                                                v += e1 * e2 * ((tau + nu + phi) % 2 == 0 ? 1 : -1)
                                                    * R(t + tau, u + nu, w + phi, 0, alpha, px - qx, py - qy, pz - qz);
                                            }
                                }
                        total += a.Coefficients[i1] * b.Coefficients[i2] * c.Coefficients[i3] * d.Coefficients[i4]
                            * 2 * Math.Pow(Math.PI, 2.5) / (p * q * Math.Sqrt(p + q)) * v;
                    }
        return total;
    }
}
