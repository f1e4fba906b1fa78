using System.Runtime.CompilerServices;

namespace MolForge.QChem.Integrals;

/// <summary>Electron-repulsion integrals (ab|cd) over contracted Cartesian shells by the Head-Gordon–Pople scheme
/// (J. Chem. Phys. 89, 5777 (1988)): Obara–Saika vertical recurrences (J. Chem. Phys. 84, 3963 (1986)) build
/// [e0|f0]^(m) per primitive quartet, the sum over primitives is taken, and horizontal recurrences move angular
/// momentum to b and d on the contracted integrals. One engine per thread; it owns its scratch buffers and does not
/// allocate per quartet.</summary>
internal sealed class EriEngine
{
    private const double TwoPiToFiveHalves = 34.986836655249725;
    /// <summary>Primitive quartets whose prefactor bound 2π^{5/2}|K_ab K_cd|/sqrt(ζ+η) is below this are skipped.</summary>
    public const double PrimitiveQuartetThreshold = 1e-20;
    private readonly double[] _vrr;
    private readonly double[] _contracted;
    private readonly double[] _hrr;
    private readonly double[] _hrr2;
    private readonly double[] _boys = new double[Boys.MaxM + 1];

    private readonly double _primitiveThreshold;

    /// <summary>Testing aid: route the classes with written-out recurrences (<see cref="Order4"/>) through the
    /// general loop instead.</summary>
    internal bool GeneralRecurrenceOnly { get; init; }

    /// <summary>Scratch sized for shells up to <paramref name="maxShellL"/>; primitive quartets whose prefactor bound
    /// is below <paramref name="primitiveThreshold"/> are skipped.</summary>
    public EriEngine(int maxShellL, double primitiveThreshold = PrimitiveQuartetThreshold)
    {
        _primitiveThreshold = primitiveThreshold;
        var lPair = 2 * maxShellL;
        var nE = CartesianTables.Cumulative(lPair);
        var nS = CartesianTables.Cumulative(maxShellL);
        _vrr = new double[(2 * lPair + 1) * nE * nE];
        _contracted = new double[nE * nE];
        _hrr = new double[nE * nS * nE];
        _hrr2 = new double[nS * nS * nE * nS];
    }

    /// <summary>Computes (ab|cd) for the shells of the two pairs into <paramref name="output"/> in the order
    /// [ia][ib][ic][id] over pair.A, pair.B components.</summary>
    [SkipLocalsInit]
    public void Compute(ShellPair ab, ShellPair cd, Span<double> output)
    {
        int la = ab.A.L, lb = ab.B.L, lc = cd.A.L, ld = cd.B.L;
        int lab = la + lb, lcd = lc + ld, lTot = lab + lcd;
        var nE = CartesianTables.Cumulative(lab);
        var nF = CartesianTables.Cumulative(lcd);
        var contracted = _contracted.AsSpan(0, nE * nF);
        contracted.Clear();
        var vrr = _vrr;
        var boys = _boys;
        var eStart = CartesianTables.Offset(la);
        var fStart = CartesianTables.Offset(lc);
        var level = CartesianTables.Level;
        var dirs = CartesianTables.BuildDirection;
        var minus = CartesianTables.Minus;
        var power = CartesianTables.Power;

        var mStride = lTot + 1;
        var cdAbsK = cd.AbsK;
        var outerBound = TwoPiToFiveHalves * (cd.Count > 0 ? cdAbsK[0] : 0) / Math.Sqrt(ab.MinZeta + cd.MinZeta);
        double cAx = cd.A.X, cAy = cd.A.Y, cAz = cd.A.Z;
        for (var p = 0; p < ab.Count; p++)
        {
            double zeta = ab.Zeta[p], px = ab.Px[p], py = ab.Py[p], pz = ab.Pz[p], kab = ab.K[p];
            if (ab.AbsK[p] * outerBound < _primitiveThreshold) break;
            double pax = ab.PAx[p], pay = ab.PAy[p], paz = ab.PAz[p], o2z = ab.HalfInvZeta[p];
            var innerBound = TwoPiToFiveHalves * ab.AbsK[p] / Math.Sqrt(zeta + cd.MinZeta);
            for (var q = 0; q < cd.Count; q++)
            {
                if (cdAbsK[q] * innerBound < _primitiveThreshold) break;
                double eta = cd.Zeta[q], qx = cd.Px[q], qy = cd.Py[q], qz = cd.Pz[q];
                var inv = 1.0 / (zeta + eta);
                var rho = zeta * eta * inv;
                double pqx = px - qx, pqy = py - qy, pqz = pz - qz;
                var t = rho * (pqx * pqx + pqy * pqy + pqz * pqz);
                var pref = TwoPiToFiveHalves * kab * cd.K[q] * Math.Sqrt(inv);
                if (lTot == 0)
                {
                    contracted[0] += pref * Boys.F0(t);
                    continue;
                }
                Boys.Evaluate(lTot, t, boys);
                if (lTot == 3 && (lab == 1 || lcd == 1))
                {
                    Order3(lab, pref, boys, zeta, eta, inv, pqx, pqy, pqz, pax, pay, paz, qx - cAx, qy - cAy, qz - cAz, o2z, cd.HalfInvZeta[q], contracted, nF);
                    continue;
                }
                if (lTot == 4 && lab == 2 && !GeneralRecurrenceOnly)
                {
                    Order4(pref, boys, zeta, eta, inv, pqx, pqy, pqz, pax, pay, paz, qx - cAx, qy - cAy, qz - cAz, o2z, cd.HalfInvZeta[q], contracted, nF);
                    continue;
                }
                if (lTot <= 2)
                {
                    LowOrder(lab, lcd, pref, boys, zeta, eta, inv, pqx, pqy, pqz, pax, pay, paz, qx - cAx, qy - cAy, qz - cAz, o2z, cd.HalfInvZeta[q], contracted, nF);
                    continue;
                }
                for (var m = 0; m <= lTot; m++) vrr[m] = pref * boys[m];
                // W − P = η(Q − P)/(ζ+η), W − Q = ζ(P − Q)/(ζ+η)
                double wpx = -eta * inv * pqx, wpy = -eta * inv * pqy, wpz = -eta * inv * pqz;
                double wqx = zeta * inv * pqx, wqy = zeta * inv * pqy, wqz = zeta * inv * pqz;
                double o2e = cd.HalfInvZeta[q], o2ze = 0.5 * inv, rz = eta * inv, re = zeta * inv;
                // bra build: [e+1i,0|00]^m = PA_i [e]^m + WP_i [e]^{m+1} + N_i(e)/(2ζ) ([e-1i]^m - ρ/ζ [e-1i]^{m+1})
                for (var tIdx = 1; tIdx < nE; tIdx++)
                {
                    var i = dirs[tIdx];
                    var s = minus[tIdx * 3 + i];
                    var s2 = minus[s * 3 + i];
                    var pa = i == 0 ? pax : i == 1 ? pay : paz;
                    var wp = i == 0 ? wpx : i == 1 ? wpy : wpz;
                    var mMax = lTot - level[tIdx];
                    var dst = tIdx * nF * mStride;
                    var src = s * nF * mStride;
                    if (s2 < 0)
                    {
                        for (var m = 0; m <= mMax; m++)
                            vrr[dst + m] = pa * vrr[src + m] + wp * vrr[src + m + 1];
                    }
                    else
                    {
                        var f = power[s * 3 + i] * o2z;
                        var src2 = s2 * nF * mStride;
                        for (var m = 0; m <= mMax; m++)
                            vrr[dst + m] = pa * vrr[src + m] + wp * vrr[src + m + 1] + f * (vrr[src2 + m] - rz * vrr[src2 + m + 1]);
                    }
                }
                // ket build: [e0|f+1i,0]^m = QC_i [e|f]^m + WQ_i [e|f]^{m+1} + N_i(f)/(2η)([e|f-1i]^m - ρ/η [e|f-1i]^{m+1})
                //                            + N_i(e)/(2(ζ+η)) [e-1i|f]^{m+1}
                for (var u = 1; u < nF; u++)
                {
                    var i = dirs[u];
                    var s = minus[u * 3 + i];
                    var s2 = minus[s * 3 + i];
                    var qc = i == 0 ? qx - cAx : i == 1 ? qy - cAy : qz - cAz;
                    var wq = i == 0 ? wqx : i == 1 ? wqy : wqz;
                    var fN = s2 >= 0 ? power[s * 3 + i] * o2e : 0.0;
                    var lu = level[u];
                    var eMax = CartesianTables.Cumulative(Math.Min(lab, lTot - lu));
                    for (var e = 0; e < eMax; e++)
                    {
                        var mMax = lTot - lu - level[e];
                        var em = minus[e * 3 + i];
                        var dst = (e * nF + u) * mStride;
                        var src = (e * nF + s) * mStride;
                        for (var m = 0; m <= mMax; m++)
                            vrr[dst + m] = qc * vrr[src + m] + wq * vrr[src + m + 1];
                        if (s2 >= 0)
                        {
                            var src2 = (e * nF + s2) * mStride;
                            for (var m = 0; m <= mMax; m++)
                                vrr[dst + m] += fN * (vrr[src2 + m] - re * vrr[src2 + m + 1]);
                        }
                        if (em >= 0)
                        {
                            var fe = power[e * 3 + i] * o2ze;
                            var srcE = (em * nF + s) * mStride + 1;
                            for (var m = 0; m <= mMax; m++)
                                vrr[dst + m] += fe * vrr[srcE + m];
                        }
                    }
                }
                for (var e = eStart; e < nE; e++)
                {
                    var row = e * nF;
                    for (var f = fStart; f < nF; f++) contracted[row + f] += vrr[(row + f) * mStride];
                }
            }
        }
        Transfer(ab, cd, contracted, nE, nF, output);
    }

    /// <summary>The vertical recurrences written out for total angular momentum 1 and 2 (classes (ps|ss), (ss|ps),
    /// (ps|ps), (pp|ss), (ds|ss), (ss|pp), (ss|ds)), the bulk of the work in 6-31G; same formulas as the general
    /// loop, accumulated straight into the contracted [e0|f0].</summary>
    private static void LowOrder(int lab, int lcd, double pref, double[] boys, double zeta, double eta, double inv,
        double pqx, double pqy, double pqz, double pax, double pay, double paz, double qcx, double qcy, double qcz,
        double o2z, double o2e, Span<double> c, int nF)
    {
        var f0 = pref * boys[0];
        var f1 = pref * boys[1];
        // W − P = −η/(ζ+η) (P − Q), W − Q = ζ/(ζ+η) (P − Q)
        double wpx = -eta * inv * pqx, wpy = -eta * inv * pqy, wpz = -eta * inv * pqz;
        double wqx = zeta * inv * pqx, wqy = zeta * inv * pqy, wqz = zeta * inv * pqz;
        if (lab + lcd == 1)
        {
            if (lab == 1)
            {
                c[1 * nF] += pax * f0 + wpx * f1;
                c[2 * nF] += pay * f0 + wpy * f1;
                c[3 * nF] += paz * f0 + wpz * f1;
            }
            else
            {
                c[1] += qcx * f0 + wqx * f1;
                c[2] += qcy * f0 + wqy * f1;
                c[3] += qcz * f0 + wqz * f1;
            }
            return;
        }
        var f2 = pref * boys[2];
        if (lab == 1)
        {
            // (p|p): [p_i|p_j]^0 = QC_j [p_i|s]^0 + WQ_j [p_i|s]^1 + δ_ij/(2(ζ+η)) [s|s]^1
            Span<double> p0 = [pax * f0 + wpx * f1, pay * f0 + wpy * f1, paz * f0 + wpz * f1];
            Span<double> p1 = [pax * f1 + wpx * f2, pay * f1 + wpy * f2, paz * f1 + wpz * f2];
            var d = 0.5 * inv * f1;
            for (var i = 0; i < 3; i++)
            {
                var row = (1 + i) * nF;
                c[row + 1] += qcx * p0[i] + wqx * p1[i] + (i == 0 ? d : 0);
                c[row + 2] += qcy * p0[i] + wqy * p1[i] + (i == 1 ? d : 0);
                c[row + 3] += qcz * p0[i] + wqz * p1[i] + (i == 2 ? d : 0);
            }
            return;
        }
        if (lab == 2)
        {
            // bra only: p and d components (global indices 1..3 and 4..9: xx xy xz yy yz zz)
            double rz = eta * inv;
            double x0 = pax * f0 + wpx * f1, y0 = pay * f0 + wpy * f1, z0 = paz * f0 + wpz * f1;
            double x1 = pax * f1 + wpx * f2, y1 = pay * f1 + wpy * f2, z1 = paz * f1 + wpz * f2;
            var s = o2z * (f0 - rz * f1);
            c[1] += x0; c[2] += y0; c[3] += z0;
            c[4] += pax * x0 + wpx * x1 + s;
            c[5] += pay * x0 + wpy * x1;
            c[6] += paz * x0 + wpz * x1;
            c[7] += pay * y0 + wpy * y1 + s;
            c[8] += paz * y0 + wpz * y1;
            c[9] += paz * z0 + wpz * z1 + s;
            return;
        }
        {
            // ket only (lab = 0, lcd = 2)
            double re = zeta * inv;
            double x0 = qcx * f0 + wqx * f1, y0 = qcy * f0 + wqy * f1, z0 = qcz * f0 + wqz * f1;
            double x1 = qcx * f1 + wqx * f2, y1 = qcy * f1 + wqy * f2, z1 = qcz * f1 + wqz * f2;
            var s = o2e * (f0 - re * f1);
            c[1] += x0; c[2] += y0; c[3] += z0;
            c[4] += qcx * x0 + wqx * x1 + s;
            c[5] += qcy * x0 + wqy * x1;
            c[6] += qcz * x0 + wqz * x1;
            c[7] += qcy * y0 + wqy * y1 + s;
            c[8] += qcz * y0 + wqz * y1;
            c[9] += qcz * z0 + wqz * z1 + s;
        }
    }

    private static readonly int[] DI = [0, 0, 0, 1, 1, 2];
    private static readonly int[] DJ = [0, 1, 2, 1, 2, 2];

    /// <summary>Total angular momentum 3 with one side p: (ps|pp), (ps|ds) (lab = 1, lcd = 2) and (pp|ps), (ds|ps)
    /// (lab = 2, lcd = 1), the Obara–Saika recurrences written out. d components (global 4..9) are built as
    /// d_ij = p_i + 1_j over (i, j) = xx xy xz yy yz zz.</summary>
    private static void Order3(int lab, double pref, double[] boys, double zeta, double eta, double inv,
        double pqx, double pqy, double pqz, double pax, double pay, double paz, double qcx, double qcy, double qcz,
        double o2z, double o2e, Span<double> c, int nF)
    {
        Span<double> f = [pref * boys[0], pref * boys[1], pref * boys[2], pref * boys[3]];
        Span<double> pa = [pax, pay, paz];
        Span<double> qc = [qcx, qcy, qcz];
        Span<double> wp = [-eta * inv * pqx, -eta * inv * pqy, -eta * inv * pqz];
        Span<double> wq = [zeta * inv * pqx, zeta * inv * pqy, zeta * inv * pqz];
        var o2ze = 0.5 * inv;
        if (lab == 1)
        {
            // [p_i|s]^m, m = 0..2 at ps[m*3+i]; [s|p_j]^1 at sp1[j]
            Span<double> ps = stackalloc double[9];
            for (var m = 0; m < 3; m++)
                for (var i = 0; i < 3; i++) ps[m * 3 + i] = pa[i] * f[m] + wp[i] * f[m + 1];
            Span<double> sp1 = stackalloc double[3];
            for (var j = 0; j < 3; j++) sp1[j] = qc[j] * f[1] + wq[j] * f[2];
            // [p_i|p_j]^m, m = 0..1 at pp[m*9+i*3+j]
            Span<double> pp = stackalloc double[18];
            for (var m = 0; m < 2; m++)
                for (var i = 0; i < 3; i++)
                    for (var j = 0; j < 3; j++)
                        pp[m * 9 + i * 3 + j] = qc[j] * ps[m * 3 + i] + wq[j] * ps[(m + 1) * 3 + i] + (i == j ? o2ze * f[m + 1] : 0);
            var re = zeta * inv;
            for (var i = 0; i < 3; i++)
            {
                var row = (1 + i) * nF;
                for (var j = 0; j < 3; j++) c[row + 1 + j] += pp[i * 3 + j];
                for (var d = 0; d < 6; d++)
                {
                    int j = DI[d], k = DJ[d];
                    var v = qc[k] * pp[i * 3 + j] + wq[k] * pp[9 + i * 3 + j];
                    if (j == k) v += o2e * (ps[i] - re * ps[3 + i]);
                    if (i == k) v += o2ze * sp1[j];
                    c[row + 4 + d] += v;
                }
            }
        }
        else
        {
            // bra p and d with ket p: [p_i|s]^m m = 0..2, [d|s]^m m = 0..1
            Span<double> ps = stackalloc double[9];
            for (var m = 0; m < 3; m++)
                for (var i = 0; i < 3; i++) ps[m * 3 + i] = pa[i] * f[m] + wp[i] * f[m + 1];
            var rz = eta * inv;
            Span<double> ds = stackalloc double[12];
            for (var m = 0; m < 2; m++)
                for (var d = 0; d < 6; d++)
                {
                    int i = DI[d], j = DJ[d];
                    ds[m * 6 + d] = pa[j] * ps[m * 3 + i] + wp[j] * ps[(m + 1) * 3 + i] + (i == j ? o2z * (f[m] - rz * f[m + 1]) : 0);
                }
            for (var i = 0; i < 3; i++)
                for (var k = 0; k < 3; k++)
                    c[(1 + i) * nF + 1 + k] += qc[k] * ps[i] + wq[k] * ps[3 + i] + (i == k ? o2ze * f[1] : 0);
            for (var d = 0; d < 6; d++)
            {
                int i = DI[d], j = DJ[d];
                var row = (4 + d) * nF;
                for (var k = 0; k < 3; k++)
                {
                    var v = qc[k] * ds[d] + wq[k] * ds[6 + d];
                    // N_k(d_ij) [d_ij − 1_k | s]^1
                    if (i == k) v += o2ze * ps[3 + j];
                    if (j == k) v += o2ze * ps[3 + i];
                    c[row + 1 + k] += v;
                }
            }
        }
    }

    /// <summary>Total angular momentum 4 with two on each side: (pp|pp), (pp|ds), (ds|pp), (ds|ds), the classes
    /// that cost most per quartet in STO-3G and 6-31G(*) (the general loop spends ~1 µs per primitive quartet on
    /// them). The Obara–Saika vertical recurrences (J. Chem. Phys. 84, 3963 (1986)) written out for [e0|f0], e, f
    /// in p and d, as in the general loop: bra [p]^m, [d]^m from [s]^m = F_m, then the ket side
    /// [e|f+1_k]^m = QC_k [e|f]^m + WQ_k [e|f]^(m+1) + N_k(f)/(2η)([e|f−1_k]^m − ζ/(ζ+η) [e|f−1_k]^(m+1))
    /// + N_k(e)/(2(ζ+η)) [e−1_k|f]^(m+1). d_kl = p_k + 1_l over (k, l) = xx xy xz yy yz zz (global 4..9).</summary>
    [SkipLocalsInit]
    private static void Order4(double pref, double[] boys, double zeta, double eta, double inv,
        double pqx, double pqy, double pqz, double pax, double pay, double paz, double qcx, double qcy, double qcz,
        double o2z, double o2e, Span<double> c, int nF)
    {
        Span<double> f = stackalloc double[5];
        for (var m = 0; m < 5; m++) f[m] = pref * boys[m];
        Span<double> pa = stackalloc double[3];
        Span<double> qc = stackalloc double[3];
        Span<double> wp = stackalloc double[3];
        Span<double> wq = stackalloc double[3];
        pa[0] = pax; pa[1] = pay; pa[2] = paz;
        qc[0] = qcx; qc[1] = qcy; qc[2] = qcz;
        double ez = eta * inv, re = zeta * inv, o2ze = 0.5 * inv;
        wp[0] = -ez * pqx; wp[1] = -ez * pqy; wp[2] = -ez * pqz;
        wq[0] = re * pqx; wq[1] = re * pqy; wq[2] = re * pqz;
        // [p_i|s]^m, m = 0..3 at ps[m*3+i]
        Span<double> ps = stackalloc double[12];
        for (var m = 0; m < 4; m++)
            for (var i = 0; i < 3; i++) ps[m * 3 + i] = pa[i] * f[m] + wp[i] * f[m + 1];
        // [d_ij|s]^m, m = 0..2 at ds[m*6+d]
        Span<double> ds = stackalloc double[18];
        for (var m = 0; m < 3; m++)
        {
            var delta = o2z * (f[m] - ez * f[m + 1]);
            for (var d = 0; d < 6; d++)
            {
                int i = DI[d], j = DJ[d];
                ds[m * 6 + d] = pa[j] * ps[m * 3 + i] + wp[j] * ps[(m + 1) * 3 + i] + (i == j ? delta : 0);
            }
        }
        // [s|p_k]^1
        Span<double> sp1 = stackalloc double[3];
        for (var k = 0; k < 3; k++) sp1[k] = qc[k] * f[1] + wq[k] * f[2];
        // [p_i|p_k]^m, m = 0..1 at pp[m*9+i*3+k]
        Span<double> pp = stackalloc double[18];
        for (var m = 0; m < 2; m++)
            for (var i = 0; i < 3; i++)
                for (var k = 0; k < 3; k++)
                    pp[m * 9 + i * 3 + k] = qc[k] * ps[m * 3 + i] + wq[k] * ps[(m + 1) * 3 + i] + (i == k ? o2ze * f[m + 1] : 0);
        // [d_ij|p_k]^m, m = 0..1 at dp[m*18+d*3+k]
        Span<double> dp = stackalloc double[36];
        for (var m = 0; m < 2; m++)
            for (var d = 0; d < 6; d++)
            {
                int i = DI[d], j = DJ[d];
                for (var k = 0; k < 3; k++)
                {
                    var v = qc[k] * ds[m * 6 + d] + wq[k] * ds[(m + 1) * 6 + d];
                    if (i == k) v += o2ze * ps[(m + 1) * 3 + j];
                    if (j == k) v += o2ze * ps[(m + 1) * 3 + i];
                    dp[m * 18 + d * 3 + k] = v;
                }
            }
        // [p|p], [p|d]
        for (var i = 0; i < 3; i++)
        {
            var row = (1 + i) * nF;
            for (var k = 0; k < 3; k++) c[row + 1 + k] += pp[i * 3 + k];
            var deltaP = o2e * (ps[i] - re * ps[3 + i]);
            for (var e = 0; e < 6; e++)
            {
                int k = DI[e], l = DJ[e];
                var v = qc[l] * pp[i * 3 + k] + wq[l] * pp[9 + i * 3 + k];
                if (k == l) v += deltaP;
                if (i == l) v += o2ze * sp1[k];
                c[row + 4 + e] += v;
            }
        }
        // [d|p], [d|d]
        for (var d = 0; d < 6; d++)
        {
            int i = DI[d], j = DJ[d];
            var row = (4 + d) * nF;
            for (var k = 0; k < 3; k++) c[row + 1 + k] += dp[d * 3 + k];
            var deltaD = o2e * (ds[d] - re * ds[6 + d]);
            for (var e = 0; e < 6; e++)
            {
                int k = DI[e], l = DJ[e];
                var v = qc[l] * dp[d * 3 + k] + wq[l] * dp[18 + d * 3 + k];
                if (k == l) v += deltaD;
                // N_l(d_ij) [d_ij − 1_l | p_k]^1
                if (i == l) v += o2ze * pp[9 + j * 3 + k];
                if (j == l) v += o2ze * pp[9 + i * 3 + k];
                c[row + 4 + e] += v;
            }
        }
    }

    /// <summary>Horizontal recurrences (a,b+1i| = (a+1i,b| + AB_i (a,b| on both sides, then the final block.</summary>
    private void Transfer(ShellPair ab, ShellPair cd, Span<double> c, int nE, int nF, Span<double> output)
    {
        int la = ab.A.L, lb = ab.B.L, lc = cd.A.L, ld = cd.B.L;
        int sa = ab.A.Size, sb = ab.B.Size, sc = cd.A.Size, sd = cd.B.Size;
        var oa = CartesianTables.Offset(la);
        var ob = CartesianTables.Offset(lb);
        var oc = CartesianTables.Offset(lc);
        var od = CartesianTables.Offset(ld);
        var fStart = oc;
        var nFUsed = nF - fStart;
        var plus = CartesianTables.Plus;
        var minus = CartesianTables.Minus;
        var dirs = CartesianTables.BuildDirection;
        var level = CartesianTables.Level;

        // Bra: h[e][b][f'] with f' = f - fStart
        Span<double> braOut;
        if (lb == 0)
        {
            braOut = _hrr2.AsSpan(0, sa * nFUsed);
            for (var ia = 0; ia < sa; ia++)
                c.Slice((oa + ia) * nF + fStart, nFUsed).CopyTo(braOut.Slice(ia * nFUsed, nFUsed));
        }
        else
        {
            var nB = CartesianTables.Cumulative(lb);
            var h = _hrr.AsSpan(0, nE * nB * nFUsed);
            for (var e = oa; e < nE; e++) c.Slice(e * nF + fStart, nFUsed).CopyTo(h.Slice(e * nB * nFUsed, nFUsed));
            Span<double> abv = [ab.ABx, ab.ABy, ab.ABz];
            for (var b = 1; b < nB; b++)
            {
                var i = dirs[b];
                var bm = minus[b * 3 + i];
                var x = abv[i];
                var eEnd = CartesianTables.Cumulative(la + lb - level[b]);
                for (var e = oa; e < eEnd; e++)
                {
                    var target = h.Slice((e * nB + b) * nFUsed, nFUsed);
                    var up = h.Slice((plus[e * 3 + i] * nB + bm) * nFUsed, nFUsed);
                    var same = h.Slice((e * nB + bm) * nFUsed, nFUsed);
                    for (var f = 0; f < nFUsed; f++) target[f] = up[f] + x * same[f];
                }
            }
            braOut = _hrr2.AsSpan(0, sa * sb * nFUsed);
            for (var ia = 0; ia < sa; ia++)
                for (var ib = 0; ib < sb; ib++)
                    h.Slice(((oa + ia) * nB + ob + ib) * nFUsed, nFUsed).CopyTo(braOut.Slice((ia * sb + ib) * nFUsed, nFUsed));
        }

        var nAB = sa * sb;
        if (ld == 0)
        {
            for (var k = 0; k < nAB; k++)
                braOut.Slice(k * nFUsed, sc).CopyTo(output.Slice(k * sc, sc));
            return;
        }
        // Ket: for each ab, g[f][d] over f in [lc, lc+ld], d ≤ ld
        var nD = CartesianTables.Cumulative(ld);
        var g = _hrr.AsSpan(0, nF * nD);
        Span<double> cdv = [cd.ABx, cd.ABy, cd.ABz];
        for (var k = 0; k < nAB; k++)
        {
            var src = braOut.Slice(k * nFUsed, nFUsed);
            for (var f = fStart; f < nF; f++) g[f * nD] = src[f - fStart];
            for (var d = 1; d < nD; d++)
            {
                var i = dirs[d];
                var dm = minus[d * 3 + i];
                var x = cdv[i];
                var fEnd = CartesianTables.Cumulative(lc + ld - level[d]);
                for (var f = fStart; f < fEnd; f++)
                    g[f * nD + d] = g[plus[f * 3 + i] * nD + dm] + x * g[f * nD + dm];
            }
            var o = output.Slice(k * sc * sd, sc * sd);
            for (var ic = 0; ic < sc; ic++)
                for (var id = 0; id < sd; id++) o[ic * sd + id] = g[(oc + ic) * nD + od + id];
        }
    }
}
