using MolForge.QChem.Basis;
using MolForge.QChem.LinearAlgebra;

namespace MolForge.QChem.Integrals;

/// <summary>Overlap, kinetic-energy, nuclear-attraction and dipole integrals over contracted Cartesian Gaussians
/// by the Obara–Saika recurrences (Obara &amp; Saika, J. Chem. Phys. 84, 3963 (1986)): 1D overlap recurrences for
/// S, T and the dipole; the vertical recurrence with auxiliary index m plus the horizontal recurrence
/// (Head-Gordon &amp; Pople 1988) for the nuclear attraction.</summary>
public static class OneElectronIntegrals
{
    /// <summary>Overlap matrix S.</summary>
    public static Matrix Overlap(BasisSet basis) => Build(basis, Kind.Overlap, 0);

    /// <summary>Kinetic-energy matrix T = -½∇².</summary>
    public static Matrix Kinetic(BasisSet basis) => Build(basis, Kind.Kinetic, 0);

    /// <summary>Dipole matrix &lt;μ|r_d|ν&gt; (origin at 0), d = 0 (x), 1 (y), 2 (z); electron charge not included.</summary>
    public static Matrix Dipole(BasisSet basis, int direction) => Build(basis, Kind.Dipole, direction);

    /// <summary>Nuclear-attraction matrix V = Σ_C -Z_C &lt;μ|1/|r-C||ν&gt; over the basis's atoms.</summary>
    public static Matrix NuclearAttraction(BasisSet basis)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var n = basis.FunctionCount;
        var m = new Matrix(n, n);
        var shells = basis.Shells;
        var charges = basis.AtomicNumbers;
        var coords = basis.Coordinates;
        var tasks = new List<(int, int)>();
        for (var i = 0; i < shells.Count; i++)
            for (var j = 0; j <= i; j++) tasks.Add((i, j));
        Parallel.For(0, tasks.Count, () => new double[16 * 1024],
            (t, _, buffer) =>
            {
                var (i, j) = tasks[t];
                NuclearShellPair(shells[i], shells[j], charges, coords, buffer, m);
                return buffer;
            }, _ => { });
        return m;
    }

    private enum Kind { Overlap, Kinetic, Dipole }

    private static Matrix Build(BasisSet basis, Kind kind, int direction)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var n = basis.FunctionCount;
        var m = new Matrix(n, n);
        var shells = basis.Shells;
        var maxL = basis.MaxL + 3;
        Span<double> sx = stackalloc double[maxL * maxL];
        Span<double> sy = stackalloc double[maxL * maxL];
        Span<double> sz = stackalloc double[maxL * maxL];
        Span<double> block = stackalloc double[32 * 32];
        Span<double> centreB = stackalloc double[3];
        for (var i = 0; i < shells.Count; i++)
            for (var j = 0; j <= i; j++)
            {
                var a = shells[i];
                var b = shells[j];
                block.Clear();
                centreB[0] = b.X; centreB[1] = b.Y; centreB[2] = b.Z;
                for (var p = 0; p < a.Primitives; p++)
                    for (var q = 0; q < b.Primitives; q++)
                    {
                        double alpha = a.Exponents[p], beta = b.Exponents[q];
                        var cc = a.Coefficients[p] * b.Coefficients[q];
                        Overlap1D(a.L, b.L + 2, alpha, beta, a.X, b.X, maxL, sx);
                        Overlap1D(a.L, b.L + 2, alpha, beta, a.Y, b.Y, maxL, sy);
                        Overlap1D(a.L, b.L + 2, alpha, beta, a.Z, b.Z, maxL, sz);
                        for (var ia = 0; ia < a.Size; ia++)
                            for (var ib = 0; ib < b.Size; ib++)
                            {
                                var (ax, ay, az) = CartesianOrder.Component(a.L, ia);
                                var (bx, by, bz) = CartesianOrder.Component(b.L, ib);
                                var ox = sx[ax * maxL + bx];
                                var oy = sy[ay * maxL + by];
                                var oz = sz[az * maxL + bz];
                                double v;
                                switch (kind)
                                {
                                    case Kind.Overlap:
                                        v = ox * oy * oz;
                                        break;
                                    case Kind.Kinetic:
                                        v = -0.5 * (Laplace1D(sx, maxL, ax, bx, beta) * oy * oz + ox * Laplace1D(sy, maxL, ay, by, beta) * oz
                                            + ox * oy * Laplace1D(sz, maxL, az, bz, beta));
                                        break;
                                    default:
                                        // <a|x|b> = S(i, j+1) + B_x S(i, j) in the chosen direction
                                        v = direction switch
                                        {
                                            0 => (sx[ax * maxL + bx + 1] + centreB[0] * ox) * oy * oz,
                                            1 => ox * (sy[ay * maxL + by + 1] + centreB[1] * oy) * oz,
                                            _ => ox * oy * (sz[az * maxL + bz + 1] + centreB[2] * oz),
                                        };
                                        break;
                                }
                                block[ia * 32 + ib] += cc * v;
                            }
                    }
                for (var ia = 0; ia < a.Size; ia++)
                    for (var ib = 0; ib < b.Size; ib++)
                    {
                        m[a.FirstFunction + ia, b.FirstFunction + ib] = block[ia * 32 + ib];
                        m[b.FirstFunction + ib, a.FirstFunction + ia] = block[ia * 32 + ib];
                    }
            }
        return m;
    }

    /// <summary>d²/dx² applied to the ket's 1D factor x^j e^{-βx²}: j(j-1)S(i,j-2) - 2β(2j+1)S(i,j) + 4β²S(i,j+2).</summary>
    private static double Laplace1D(Span<double> s, int stride, int i, int j, double beta)
    {
        var v = -2 * beta * (2 * j + 1) * s[i * stride + j] + 4 * beta * beta * s[i * stride + j + 2];
        if (j >= 2) v += j * (j - 1) * s[i * stride + j - 2];
        return v;
    }

    /// <summary>1D overlaps S(i,j) = ∫ (x-A)^i (x-B)^j exp(-α(x-A)² - β(x-B)²) dx for i ≤ la, j ≤ lb (Obara–Saika).</summary>
    internal static void Overlap1D(int la, int lb, double alpha, double beta, double a, double b, int stride, Span<double> s)
    {
        var p = alpha + beta;
        var px = (alpha * a + beta * b) / p;
        double pa = px - a, pb = px - b, o2p = 0.5 / p;
        s[0] = Math.Sqrt(Math.PI / p) * Math.Exp(-alpha * beta / p * (a - b) * (a - b));
        for (var i = 0; i <= la; i++)
        {
            if (i > 0)
            {
                var v = pa * s[(i - 1) * stride];
                if (i > 1) v += (i - 1) * o2p * s[(i - 2) * stride];
                s[i * stride] = v;
            }
            for (var j = 1; j <= lb; j++)
            {
                var v = pb * s[i * stride + j - 1];
                if (j > 1) v += (j - 1) * o2p * s[i * stride + j - 2];
                if (i > 0) v += i * o2p * s[(i - 1) * stride + j - 1];
                s[i * stride + j] = v;
            }
        }
    }

    private static void NuclearShellPair(Shell a, Shell b, IReadOnlyList<int> charges, IReadOnlyList<double> coords, double[] buffer, Matrix result)
    {
        int la = a.L, lb = b.L, lab = la + lb;
        var nE = CartesianTables.Cumulative(lab);
        var work = buffer.AsSpan(0, (lab + 1) * nE);
        var contracted = buffer.AsSpan((lab + 1) * nE, nE);
        contracted.Clear();
        Span<double> f = stackalloc double[lab + 1];
        double abx = a.X - b.X, aby = a.Y - b.Y, abz = a.Z - b.Z;
        var ab2 = abx * abx + aby * aby + abz * abz;
        for (var p = 0; p < a.Primitives; p++)
            for (var q = 0; q < b.Primitives; q++)
            {
                double alpha = a.Exponents[p], beta = b.Exponents[q], zeta = alpha + beta, o2z = 0.5 / zeta;
                double px = (alpha * a.X + beta * b.X) / zeta, py = (alpha * a.Y + beta * b.Y) / zeta, pz = (alpha * a.Z + beta * b.Z) / zeta;
                var pref = 2 * Math.PI / zeta * Math.Exp(-alpha * beta / zeta * ab2) * a.Coefficients[p] * b.Coefficients[q];
                for (var c = 0; c < charges.Count; c++)
                {
                    double cx = coords[3 * c], cy = coords[3 * c + 1], cz = coords[3 * c + 2];
                    double pcx = px - cx, pcy = py - cy, pcz = pz - cz;
                    Boys.Evaluate(lab, zeta * (pcx * pcx + pcy * pcy + pcz * pcz), f);
                    for (var m = 0; m <= lab; m++) work[m * nE] = -charges[c] * pref * f[m];
                    Span<double> paV = [px - a.X, py - a.Y, pz - a.Z];
                    Span<double> pcV = [pcx, pcy, pcz];
                    // (e+1i|0)^m = PA_i (e)^m - PC_i (e)^{m+1} + N_i(e)/(2ζ) [(e-1i)^m - (e-1i)^{m+1}]
                    for (var t = 1; t < nE; t++)
                    {
                        var lt = CartesianTables.Level[t];
                        var i = CartesianTables.BuildDirection[t];
                        var s = CartesianTables.Minus[t * 3 + i];
                        var s2 = CartesianTables.Minus[s * 3 + i];
                        var n = CartesianTables.Power[s * 3 + i];
                        for (var m = 0; m <= lab - lt; m++)
                        {
                            var v = paV[i] * work[m * nE + s] - pcV[i] * work[(m + 1) * nE + s];
                            if (s2 >= 0) v += n * o2z * (work[m * nE + s2] - work[(m + 1) * nE + s2]);
                            work[m * nE + t] = v;
                        }
                    }
                    for (var e = 0; e < nE; e++) contracted[e] += work[e];
                }
            }
        WriteWithHrr(a, b, contracted, nE, result);
    }

    /// <summary>Horizontal recurrence (a|b+1i) = (a+1i|b) + AB_i (a|b) from (e|0), e = la..la+lb, then store.</summary>
    private static void WriteWithHrr(Shell a, Shell b, Span<double> e0, int nE, Matrix result)
    {
        int la = a.L, lb = b.L;
        var nB = CartesianTables.Cumulative(lb);
        Span<double> h = stackalloc double[nE * nB];
        for (var e = 0; e < nE; e++) h[e * nB] = e0[e];
        Span<double> abV = [a.X - b.X, a.Y - b.Y, a.Z - b.Z];
        for (var bb = 1; bb < nB; bb++)
        {
            var lbb = CartesianTables.Level[bb];
            var i = CartesianTables.BuildDirection[bb];
            var bm = CartesianTables.Minus[bb * 3 + i];
            for (var e = CartesianTables.Offset(la); e < CartesianTables.Cumulative(la + lb - lbb); e++)
                h[e * nB + bb] = h[CartesianTables.Plus[e * 3 + i] * nB + bm] + abV[i] * h[e * nB + bm];
        }
        var oa = CartesianTables.Offset(la);
        var ob = CartesianTables.Offset(lb);
        for (var ia = 0; ia < a.Size; ia++)
            for (var ib = 0; ib < b.Size; ib++)
            {
                var v = h[(oa + ia) * nB + ob + ib];
                result[a.FirstFunction + ia, b.FirstFunction + ib] = v;
                result[b.FirstFunction + ib, a.FirstFunction + ia] = v;
            }
    }
}
