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
    private readonly double[] _vrr;
    private readonly double[] _contracted;
    private readonly double[] _hrr;
    private readonly double[] _hrr2;
    private readonly double[] _boys = new double[Boys.MaxM + 1];

    /// <summary>Scratch sized for shells up to <paramref name="maxShellL"/>.</summary>
    public EriEngine(int maxShellL)
    {
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
        var sliceM = nE * nF;

        for (var p = 0; p < ab.Count; p++)
        {
            double zeta = ab.Zeta[p], px = ab.Px[p], py = ab.Py[p], pz = ab.Pz[p], kab = ab.K[p];
            double pax = px - ab.A.X, pay = py - ab.A.Y, paz = pz - ab.A.Z;
            for (var q = 0; q < cd.Count; q++)
            {
                double eta = cd.Zeta[q], qx = cd.Px[q], qy = cd.Py[q], qz = cd.Pz[q];
                var sum = zeta + eta;
                var rho = zeta * eta / sum;
                double pqx = px - qx, pqy = py - qy, pqz = pz - qz;
                var t = rho * (pqx * pqx + pqy * pqy + pqz * pqz);
                var pref = TwoPiToFiveHalves * kab * cd.K[q] / Math.Sqrt(sum);
                if (lTot == 0)
                {
                    contracted[0] += pref * Boys.F0(t);
                    continue;
                }
                Boys.Evaluate(lTot, t, boys);
                for (var m = 0; m <= lTot; m++) vrr[m * sliceM] = pref * boys[m];
                // W = (ζP + ηQ)/(ζ+η)
                double wx = (zeta * px + eta * qx) / sum, wy = (zeta * py + eta * qy) / sum, wz = (zeta * pz + eta * qz) / sum;
                double o2z = 0.5 / zeta, o2e = 0.5 / eta, o2ze = 0.5 / sum, rz = rho / zeta, re = rho / eta;
                // bra build: [e+1i,0|00]^m = PA_i [e]^m + WP_i [e]^{m+1} + N_i(e)/(2ζ) ([e-1i]^m - ρ/ζ [e-1i]^{m+1})
                for (var tIdx = 1; tIdx < nE; tIdx++)
                {
                    var i = dirs[tIdx];
                    var s = minus[tIdx * 3 + i];
                    var s2 = minus[s * 3 + i];
                    var pa = i == 0 ? pax : i == 1 ? pay : paz;
                    var wp = i == 0 ? wx - px : i == 1 ? wy - py : wz - pz;
                    var mMax = lTot - level[tIdx];
                    if (s2 < 0)
                    {
                        for (var m = 0; m <= mMax; m++)
                            vrr[m * sliceM + tIdx * nF] = pa * vrr[m * sliceM + s * nF] + wp * vrr[(m + 1) * sliceM + s * nF];
                    }
                    else
                    {
                        var f = power[s * 3 + i] * o2z;
                        for (var m = 0; m <= mMax; m++)
                            vrr[m * sliceM + tIdx * nF] = pa * vrr[m * sliceM + s * nF] + wp * vrr[(m + 1) * sliceM + s * nF]
                                + f * (vrr[m * sliceM + s2 * nF] - rz * vrr[(m + 1) * sliceM + s2 * nF]);
                    }
                }
                // ket build: [e0|f+1i,0]^m = QC_i [e|f]^m + WQ_i [e|f]^{m+1} + N_i(f)/(2η)([e|f-1i]^m - ρ/η [e|f-1i]^{m+1})
                //                            + N_i(e)/(2(ζ+η)) [e-1i|f]^{m+1}
                for (var u = 1; u < nF; u++)
                {
                    var i = dirs[u];
                    var s = minus[u * 3 + i];
                    var s2 = minus[s * 3 + i];
                    var qc = i == 0 ? qx - cd.A.X : i == 1 ? qy - cd.A.Y : qz - cd.A.Z;
                    var wq = i == 0 ? wx - qx : i == 1 ? wy - qy : wz - qz;
                    var fN = s2 >= 0 ? power[s * 3 + i] * o2e : 0.0;
                    var lu = level[u];
                    var eMax = CartesianTables.Cumulative(Math.Min(lab, lTot - lu));
                    for (var e = 0; e < eMax; e++)
                    {
                        var mMax = lTot - lu - level[e];
                        var em = minus[e * 3 + i];
                        var fe = em >= 0 ? power[e * 3 + i] * o2ze : 0.0;
                        var baseT = e * nF + u;
                        var baseS = e * nF + s;
                        for (var m = 0; m <= mMax; m++)
                        {
                            var v = qc * vrr[m * sliceM + baseS] + wq * vrr[(m + 1) * sliceM + baseS];
                            if (s2 >= 0) v += fN * (vrr[m * sliceM + e * nF + s2] - re * vrr[(m + 1) * sliceM + e * nF + s2]);
                            if (em >= 0) v += fe * vrr[(m + 1) * sliceM + em * nF + s];
                            vrr[m * sliceM + baseT] = v;
                        }
                    }
                }
                for (var e = eStart; e < nE; e++)
                {
                    var row = e * nF;
                    for (var f = fStart; f < nF; f++) contracted[row + f] += vrr[row + f];
                }
            }
        }
        Transfer(ab, cd, contracted, nE, nF, output);
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
