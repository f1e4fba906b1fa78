using System.Runtime.Intrinsics;
using MolForge.Chem.Core;

namespace MolForge.Chem.ForceFields.Mmff;

/// <summary>An MMFF94 force field set up for one molecule (Halgren 1996): energy and analytic gradient over a
/// flat coordinate array (x0, y0, z0, x1, ... in Ångström; kcal/mol). Build with <see cref="Create"/>.
/// Defaults as RDKit's MMFFGetMoleculeForceField: dielectric 1, constant (not distance-dependent), no cutoff,
/// no interactions between disconnected fragments.</summary>
public sealed class MmffForceField : IEnergyFunction
{
    private const double C1 = 143.9325; // mdyne/Å → kcal/mol/Å²
    private const double Rad2Deg = 180.0 / Math.PI;
    private const double C2 = C1 * (Math.PI / 180.0) * (Math.PI / 180.0); // 0.043844
    private const double Cb = -0.006981317; // angle cubic term, per degree
    private const double Cs = -2.0; // bond cubic term, per Å
    private const double C3 = 7.0 / 12.0;
    private const double C5 = C1 * Math.PI / 180.0; // 2.51210
    private const double Coulomb = 332.0716;

    private readonly MmffBondTerm[] _bonds;
    private readonly MmffAngleTerm[] _angles;
    private readonly MmffStretchBendTerm[] _stbns;
    private readonly MmffOopTerm[] _oops;
    private readonly MmffTorsionTerm[] _torsions;
    private readonly MmffPairTerm[] _pairs;

    internal MmffForceField(int atomCount, int[] types, double[] charges, MmffBondTerm[] bonds, MmffAngleTerm[] angles,
        MmffStretchBendTerm[] stbns, MmffOopTerm[] oops, MmffTorsionTerm[] torsions, MmffPairTerm[] pairs)
    {
        AtomCount = atomCount;
        AtomTypes = types;
        PartialCharges = charges;
        _bonds = bonds;
        _angles = angles;
        _stbns = stbns;
        _oops = oops;
        _torsions = torsions;
        _pairs = pairs;
        // Non-bonded parameters in row layout (atom i, then j = i+1..N-1) as separate arrays so the kernel can run
        // over contiguous j with SIMD; pairs without terms (1-2, 1-3, other fragments) get zero well depth and charge.
        var n = atomCount;
        _rowStart = new int[n + 1];
        for (var i = 0; i < n; i++) _rowStart[i + 1] = _rowStart[i] + (n - 1 - i);
        var total = _rowStart[n];
        _nbA = new double[total];
        _nbB = new double[total];
        _nbC = new double[total];
        _nbD = new double[total];
        _nbEps = new double[total];
        _nbQ = new double[total];
        Array.Fill(_nbB, 1.0);
        Array.Fill(_nbD, 1.0);
        foreach (var t in pairs)
        {
            var (i, j) = t.I < t.J ? (t.I, t.J) : (t.J, t.I);
            var k = _rowStart[i] + (j - i - 1);
            var rs = t.RStar;
            var rs2 = rs * rs;
            var rs7 = rs2 * rs2 * rs2 * rs;
            _nbA[k] = 1.07 * rs;
            _nbB[k] = 0.07 * rs;
            _nbC[k] = 1.12 * rs7;
            _nbD[k] = 0.12 * rs7;
            _nbEps[k] = t.Epsilon;
            _nbQ[k] = Coulomb * t.ChargeTerm;
        }
    }

    // Per pair (row layout): 1.07 R*, 0.07 R*, 1.12 R*^7, 0.12 R*^7, epsilon, 332.0716 q_i q_j (0.75 for 1-4).
    private readonly int[] _rowStart;
    private readonly double[] _nbA, _nbB, _nbC, _nbD, _nbEps, _nbQ;

    /// <summary>Sets up MMFF94 for a molecule whose hydrogens are all explicit atoms and whose bonds are in Kekulé
    /// form (single/double/triple).</summary>
    /// <exception cref="MmffTypingException">An atom MMFF94 cannot type.</exception>
    /// <exception cref="ArgumentException">Implicit hydrogens or aromatic bond orders.</exception>
    public static MmffForceField Create(Molecule molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        return MmffSetup.Build(molecule);
    }

    /// <summary>Number of atoms.</summary>
    public int AtomCount { get; }

    /// <summary>Number of coordinates (3 per atom).</summary>
    public int Dimension => 3 * AtomCount;

    /// <summary>MMFF94 numeric atom types.</summary>
    public IReadOnlyList<int> AtomTypes { get; }

    /// <summary>MMFF94 partial charges.</summary>
    public IReadOnlyList<double> PartialCharges { get; }

    /// <summary>Ideal length (r0) of each bond i-j, keyed by the ordered pair (min, max).</summary>
    internal Dictionary<(int, int), double> BondRestLengths()
    {
        var d = new Dictionary<(int, int), double>();
        foreach (var t in _bonds) d[(Math.Min(t.I, t.J), Math.Max(t.I, t.J))] = t.R0;
        return d;
    }

    /// <summary>Ideal angle (theta0, degrees) of each angle i-j-k, keyed by (min(i,k), j, max(i,k)).</summary>
    internal Dictionary<(int, int, int), double> AngleRestValues()
    {
        var d = new Dictionary<(int, int, int), double>();
        foreach (var t in _angles) d[(Math.Min(t.I, t.K), t.J, Math.Max(t.I, t.K))] = t.Theta0;
        return d;
    }

    /// <summary>Energy split by term.</summary>
    public MmffEnergyTerms EnergyTerms(ReadOnlySpan<double> x)
    {
        var g = new double[x.Length];
        return Evaluate(x, g);
    }

    /// <inheritdoc />
    public double Energy(ReadOnlySpan<double> x)
    {
        var g = new double[x.Length];
        return Evaluate(x, g).Total;
    }

    /// <inheritdoc />
    public double EnergyAndGradient(ReadOnlySpan<double> x, Span<double> gradient)
    {
        gradient.Clear();
        return Evaluate(x, gradient).Total;
    }

    /// <summary>Energy terms and gradient of only the terms selected by <paramref name="mask"/> (bit 0 bonds, 1 angles,
    /// 2 stretch-bend, 3 out-of-plane, 4 torsions, 5 non-bonded); for tests.</summary>
    internal MmffEnergyTerms Evaluate(ReadOnlySpan<double> x, Span<double> g, int mask)
    {
        g.Clear();
        return WithTerms(mask).Evaluate(x, g);
    }

    /// <summary>A force field with only the selected terms (mask as in <see cref="Evaluate(ReadOnlySpan{double}, Span{double}, int)"/>).</summary>
    internal MmffForceField WithTerms(int mask) => new(AtomCount, (int[])AtomTypes, (double[])PartialCharges,
        (mask & 1) != 0 ? _bonds : [], (mask & 2) != 0 ? _angles : [], (mask & 4) != 0 ? _stbns : [],
        (mask & 8) != 0 ? _oops : [], (mask & 16) != 0 ? _torsions : [], (mask & 32) != 0 ? _pairs : []);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private MmffEnergyTerms Evaluate(ReadOnlySpan<double> x, Span<double> g)
    {
        double eBond = 0, eAngle = 0, eStbn = 0, eOop = 0, eTors = 0, eVdw = 0, eEle = 0;
        foreach (var t in _bonds)
        {
            var r = Geometry.Distance(x, 3, t.I, t.J);
            var dr = r - t.R0;
            eBond += 0.5 * C1 * t.Kb * dr * dr * (1.0 + (Cs * dr) + (C3 * Cs * Cs * dr * dr));
            var dEdr = C1 * t.Kb * dr * (1.0 + (1.5 * Cs * dr) + (2.0 * C3 * Cs * Cs * dr * dr));
            Geometry.AddDistanceGradient(x, g, t.I, t.J, r, dEdr);
        }
        foreach (var t in _angles)
        {
            var theta = Geometry.Angle(x, t.I, t.J, t.K, out var u, out var v, out var r1, out var r2);
            double dEdTheta;
            if (t.Linear)
            {
                eAngle += C1 * t.Ka * (1.0 + Math.Cos(theta));
                dEdTheta = -C1 * t.Ka * Math.Sin(theta);
            }
            else
            {
                var d = (theta * Rad2Deg) - t.Theta0;
                eAngle += 0.5 * C2 * t.Ka * d * d * (1.0 + (Cb * d));
                dEdTheta = Rad2Deg * C2 * t.Ka * d * (1.0 + (1.5 * Cb * d));
            }
            Geometry.AddAngleGradient(g, t.I, t.J, t.K, u, v, r1, r2, theta, dEdTheta);
        }
        foreach (var t in _stbns)
        {
            var theta = Geometry.Angle(x, t.I, t.J, t.K, out var u, out var v, out var r1, out var r2);
            var dTheta = (theta * Rad2Deg) - t.Theta0;
            var dr1 = r1 - t.R0Ij;
            var dr2 = r2 - t.R0Kj;
            var stretch = (t.Kijk * dr1) + (t.Kkji * dr2);
            eStbn += C5 * dTheta * stretch;
            Geometry.AddAngleGradient(g, t.I, t.J, t.K, u, v, r1, r2, theta, C5 * stretch * Rad2Deg);
            (u * (C5 * dTheta * t.Kijk)).AddTo(g, t.I);
            (v * (C5 * dTheta * t.Kkji)).AddTo(g, t.K);
            (-((u * (C5 * dTheta * t.Kijk)) + (v * (C5 * dTheta * t.Kkji)))).AddTo(g, t.J);
        }
        foreach (var t in _oops) eOop += OutOfPlane(x, g, t);
        foreach (var t in _torsions) eTors += Torsion(x, g, t);
        NonBonded(x, g, out eVdw, out eEle);
        return new MmffEnergyTerms(eBond, eAngle, eStbn, eOop, eTors, eVdw, eEle);
    }

    /// <summary>Torsion energy from cos φ alone (cos 2φ, cos 3φ by Chebyshev recurrences, no atan2) with the
    /// gradient dE/dcosφ · dcosφ/dx.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double Torsion(ReadOnlySpan<double> x, Span<double> g, in MmffTorsionTerm t)
    {
        var b1 = V3.At(x, t.J) - V3.At(x, t.I);
        var b2 = V3.At(x, t.K) - V3.At(x, t.J);
        var b3 = V3.At(x, t.L) - V3.At(x, t.K);
        var m = V3.Cross(b1, b2);
        var n = V3.Cross(b2, b3);
        var m2 = V3.Dot(m, m);
        var n2 = V3.Dot(n, n);
        if (m2 < 1e-16 || n2 < 1e-16) return 0.0;
        var inv = 1.0 / Math.Sqrt(m2 * n2);
        var c = Math.Clamp(V3.Dot(m, n) * inv, -1.0, 1.0);
        var c2 = (2.0 * c * c) - 1.0;
        var c3 = c * ((2.0 * c2) - 1.0);
        var e = 0.5 * ((t.V1 * (1.0 + c)) + (t.V2 * (1.0 - c2)) + (t.V3 * (1.0 + c3)));
        // dE/dc with dcos2φ/dc = 4c and dcos3φ/dc = 12c² − 3.
        var dEdc = 0.5 * (t.V1 - (t.V2 * 4.0 * c) + (t.V3 * ((12.0 * c * c) - 3.0)));
        if (dEdc == 0.0) return e;
        // c = m·n / (|m||n|): dc/dm = (n/|n| − c m/|m|)/|m|, dc/dn = (m/|m| − c n/|n|)/|n|.
        var mm = Math.Sqrt(m2);
        var nn = Math.Sqrt(n2);
        var dm = ((n / nn) - (m * (c / mm))) * (dEdc / mm);
        var dn = ((m / mm) - (n * (c / nn))) * (dEdc / nn);
        // m = b1×b2, n = b2×b3 with b1 = J−I, b2 = K−J, b3 = L−K.
        var gb1 = V3.Cross(b2, dm);
        var gb2 = V3.Cross(dm, b1) + V3.Cross(b3, dn);
        var gb3 = V3.Cross(dn, b2);
        (-gb1).AddTo(g, t.I);
        (gb1 - gb2).AddTo(g, t.J);
        (gb2 - gb3).AddTo(g, t.K);
        gb3.AddTo(g, t.L);
        return e;
    }

    /// <summary>Buffered 14-7 van der Waals and buffered Coulomb over all pairs (MMFF.I eqs. 9, 13): for each atom
    /// i a contiguous run over j &gt; i on coordinates in separate x/y/z arrays, four pairs per step with
    /// Vector256 where the hardware has it, scalar for the rest.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void NonBonded(ReadOnlySpan<double> x, Span<double> g, out double eVdw, out double eEle)
    {
        var n = AtomCount;
        var buf = new double[6 * n];
        var xs = buf.AsSpan(0, n);
        var ys = buf.AsSpan(n, n);
        var zs = buf.AsSpan(2 * n, n);
        var gx = buf.AsSpan(3 * n, n);
        var gy = buf.AsSpan(4 * n, n);
        var gz = buf.AsSpan(5 * n, n);
        for (var i = 0; i < n; i++)
        {
            xs[i] = x[3 * i];
            ys[i] = x[(3 * i) + 1];
            zs[i] = x[(3 * i) + 2];
        }
        double ev = 0, ee = 0;
        for (var i = 0; i < n - 1; i++)
        {
            var row = _rowStart[i];
            var j = i + 1;
            double xi = xs[i], yi = ys[i], zi = zs[i];
            double gxi = 0, gyi = 0, gzi = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var vxi = Vector256.Create(xi);
                var vyi = Vector256.Create(yi);
                var vzi = Vector256.Create(zi);
                Vector256<double> vev = Vector256<double>.Zero, vee = Vector256<double>.Zero;
                Vector256<double> vgx = Vector256<double>.Zero, vgy = Vector256<double>.Zero, vgz = Vector256<double>.Zero;
                var two = Vector256.Create(2.0);
                var seven = Vector256.Create(7.0);
                var buffer = Vector256.Create(0.05);
                var one = Vector256.Create(1.0);
                for (; j + 4 <= n; j += 4)
                {
                    var k = row + (j - i - 1);
                    var dx = vxi - Vector256.Create(xs.Slice(j, 4));
                    var dy = vyi - Vector256.Create(ys.Slice(j, 4));
                    var dz = vzi - Vector256.Create(zs.Slice(j, 4));
                    var r2 = (dx * dx) + (dy * dy) + (dz * dz);
                    var r = Vector256.Sqrt(r2);
                    var t = r + Vector256.Create(_nbB.AsSpan(k, 4));
                    var a = Vector256.Create(_nbA.AsSpan(k, 4)) / t;
                    var a2 = a * a;
                    var a7 = a2 * a2 * a2 * a;
                    var r6 = r2 * r2 * r2;
                    var c = Vector256.Create(_nbC.AsSpan(k, 4));
                    var den = (r6 * r) + Vector256.Create(_nbD.AsSpan(k, 4));
                    var b = (c / den) - two;
                    var eps = Vector256.Create(_nbEps.AsSpan(k, 4));
                    vev += eps * a7 * b;
                    var dEdr = eps * a7 * (((-seven) * b / t) - (seven * c * r6 / (den * den)));
                    var tq = one / (r + buffer);
                    var e = Vector256.Create(_nbQ.AsSpan(k, 4)) * tq;
                    vee += e;
                    dEdr -= e * tq;
                    var f = dEdr / r;
                    var fx = f * dx;
                    var fy = f * dy;
                    var fz = f * dz;
                    vgx += fx;
                    vgy += fy;
                    vgz += fz;
                    (Vector256.Create(gx.Slice(j, 4)) - fx).CopyTo(gx.Slice(j, 4));
                    (Vector256.Create(gy.Slice(j, 4)) - fy).CopyTo(gy.Slice(j, 4));
                    (Vector256.Create(gz.Slice(j, 4)) - fz).CopyTo(gz.Slice(j, 4));
                }
                ev += Vector256.Sum(vev);
                ee += Vector256.Sum(vee);
                gxi += Vector256.Sum(vgx);
                gyi += Vector256.Sum(vgy);
                gzi += Vector256.Sum(vgz);
            }
            for (; j < n; j++)
            {
                var k = row + (j - i - 1);
                double dx = xi - xs[j], dy = yi - ys[j], dz = zi - zs[j];
                var r2 = (dx * dx) + (dy * dy) + (dz * dz);
                var r = Math.Sqrt(r2);
                var t = r + _nbB[k];
                var a = _nbA[k] / t;
                var a2 = a * a;
                var a7 = a2 * a2 * a2 * a;
                var r6 = r2 * r2 * r2;
                var c = _nbC[k];
                var den = (r6 * r) + _nbD[k];
                var b = (c / den) - 2.0;
                var eps = _nbEps[k];
                ev += eps * a7 * b;
                var dEdr = eps * a7 * ((-7.0 * b / t) - (7.0 * c * r6 / (den * den)));
                var tq = 1.0 / (r + 0.05);
                var e = _nbQ[k] * tq;
                ee += e;
                dEdr -= e * tq;
                var f = dEdr / r;
                gxi += f * dx;
                gyi += f * dy;
                gzi += f * dz;
                gx[j] -= f * dx;
                gy[j] -= f * dy;
                gz[j] -= f * dz;
            }
            gx[i] += gxi;
            gy[i] += gyi;
            gz[i] += gzi;
        }
        for (var i = 0; i < n; i++)
        {
            g[3 * i] += gx[i];
            g[(3 * i) + 1] += gy[i];
            g[(3 * i) + 2] += gz[i];
        }
        eVdw = ev;
        eEle = ee;
    }

    /// <summary>Wilson out-of-plane angle χ of bond J-L from plane I-J-K; E = 0.5 C2 koop χ² (χ in degrees).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static double OutOfPlane(ReadOnlySpan<double> x, Span<double> g, MmffOopTerm t)
    {
        var rji = V3.At(x, t.I) - V3.At(x, t.J);
        var rjk = V3.At(x, t.K) - V3.At(x, t.J);
        var rjl = V3.At(x, t.L) - V3.At(x, t.J);
        double dji = rji.Length, djk = rjk.Length, djl = rjl.Length;
        if (dji < 1e-12 || djk < 1e-12 || djl < 1e-12) return 0.0;
        var u = rji / dji;
        var v = rjk / djk;
        var w = rjl / djl;
        var cosTheta = Math.Clamp(V3.Dot(u, v), -1.0, 1.0);
        var sin2 = Math.Max(1.0 - (cosTheta * cosTheta), 1e-16);
        var sinTheta = Math.Sqrt(sin2);
        var s = Math.Clamp(V3.Dot(w, V3.Cross(u, v)) / sinTheta, -1.0, 1.0);
        var chi = Math.Asin(s) * Rad2Deg;
        var energy = 0.5 * C2 * t.Koop * chi * chi;
        var cosChi = Math.Max(Math.Sqrt(Math.Max(1.0 - (s * s), 0.0)), 1e-8);
        // dE/dχ(rad) / cos χ times ds/dx (derived from s = w·(u×v)/sinθ).
        var f = Rad2Deg * C2 * t.Koop * chi / cosChi;
        var gi = ((V3.Cross(v, w) / sinTheta) - ((u - (v * cosTheta)) * (s / sin2))) / dji;
        var gk = ((V3.Cross(w, u) / sinTheta) - ((v - (u * cosTheta)) * (s / sin2))) / djk;
        var gl = ((V3.Cross(u, v) / sinTheta) - (w * s)) / djl;
        (gi * f).AddTo(g, t.I);
        (gk * f).AddTo(g, t.K);
        (gl * f).AddTo(g, t.L);
        (-((gi + gk + gl) * f)).AddTo(g, t.J);
        return energy;
    }
}
