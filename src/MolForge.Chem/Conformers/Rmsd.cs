namespace MolForge.Chem.Conformers;

/// <summary>RMSD after optimal superposition (Horn 1987 quaternion method: the largest eigenvalue of the 4×4
/// key matrix gives the minimal RMSD without building the rotation).</summary>
public static class Rmsd
{
    /// <summary>Minimal RMSD between two flat coordinate sets (x0, y0, z0, ...) over the atoms
    /// <paramref name="atoms"/> (all atoms when empty).</summary>
    public static double Superposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<int> atoms)
    {
        var count = atoms.Length == 0 ? a.Length / 3 : atoms.Length;
        if (count == 0) return 0.0;
        double cax = 0, cay = 0, caz = 0, cbx = 0, cby = 0, cbz = 0;
        for (var k = 0; k < count; k++)
        {
            var i = atoms.Length == 0 ? k : atoms[k];
            cax += a[3 * i]; cay += a[(3 * i) + 1]; caz += a[(3 * i) + 2];
            cbx += b[3 * i]; cby += b[(3 * i) + 1]; cbz += b[(3 * i) + 2];
        }
        cax /= count; cay /= count; caz /= count; cbx /= count; cby /= count; cbz /= count;
        double sxx = 0, sxy = 0, sxz = 0, syx = 0, syy = 0, syz = 0, szx = 0, szy = 0, szz = 0, ga = 0, gb = 0;
        for (var k = 0; k < count; k++)
        {
            var i = atoms.Length == 0 ? k : atoms[k];
            double ax = a[3 * i] - cax, ay = a[(3 * i) + 1] - cay, az = a[(3 * i) + 2] - caz;
            double bx = b[3 * i] - cbx, by = b[(3 * i) + 1] - cby, bz = b[(3 * i) + 2] - cbz;
            ga += (ax * ax) + (ay * ay) + (az * az);
            gb += (bx * bx) + (by * by) + (bz * bz);
            sxx += ax * bx; sxy += ax * by; sxz += ax * bz;
            syx += ay * bx; syy += ay * by; syz += ay * bz;
            szx += az * bx; szy += az * by; szz += az * bz;
        }
        double[,] k4 =
        {
            { sxx + syy + szz, syz - szy, szx - sxz, sxy - syx },
            { syz - szy, sxx - syy - szz, sxy + syx, szx + sxz },
            { szx - sxz, sxy + syx, -sxx + syy - szz, syz + szy },
            { sxy - syx, szx + sxz, syz + szy, -sxx - syy + szz },
        };
        var lambda = LargestEigenvalue(k4);
        var msd = Math.Max(0.0, (ga + gb - (2.0 * lambda)) / count);
        return Math.Sqrt(msd);
    }

    /// <summary>Largest eigenvalue of a symmetric 4×4 matrix by cyclic Jacobi rotations.</summary>
    private static double LargestEigenvalue(double[,] m)
    {
        for (var sweep = 0; sweep < 50; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < 4; p++)
                for (var q = p + 1; q < 4; q++) off += m[p, q] * m[p, q];
            if (off < 1e-22) break;
            for (var p = 0; p < 4; p++)
            {
                for (var q = p + 1; q < 4; q++)
                {
                    if (Math.Abs(m[p, q]) < 1e-300) continue;
                    var theta = (m[q, q] - m[p, p]) / (2.0 * m[p, q]);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1.0));
                    if (theta == 0.0) t = 1.0;
                    var c = 1.0 / Math.Sqrt((t * t) + 1.0);
                    var s = t * c;
                    for (var r = 0; r < 4; r++)
                    {
                        double mrp = m[r, p], mrq = m[r, q];
                        m[r, p] = (c * mrp) - (s * mrq);
                        m[r, q] = (s * mrp) + (c * mrq);
                    }
                    for (var r = 0; r < 4; r++)
                    {
                        double mpr = m[p, r], mqr = m[q, r];
                        m[p, r] = (c * mpr) - (s * mqr);
                        m[q, r] = (s * mpr) + (c * mqr);
                    }
                }
            }
        }
        return Math.Max(Math.Max(m[0, 0], m[1, 1]), Math.Max(m[2, 2], m[3, 3]));
    }
}
