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
    }

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
        var all = (_bonds, _angles, _stbns, _oops, _torsions, _pairs);
        var f = new MmffForceField(AtomCount, (int[])AtomTypes, (double[])PartialCharges,
            (mask & 1) != 0 ? _bonds : [], (mask & 2) != 0 ? _angles : [], (mask & 4) != 0 ? _stbns : [],
            (mask & 8) != 0 ? _oops : [], (mask & 16) != 0 ? _torsions : [], (mask & 32) != 0 ? _pairs : []);
        _ = all;
        g.Clear();
        return f.Evaluate(x, g);
    }

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
        foreach (var t in _torsions)
        {
            var phi = Geometry.Dihedral(x, t.I, t.J, t.K, t.L, out var b1, out var b2, out var b3, out var m, out var n);
            var c = Math.Cos(phi);
            var c2 = (2.0 * c * c) - 1.0;
            var c3 = c * ((2.0 * c2) - 1.0);
            eTors += 0.5 * ((t.V1 * (1.0 + c)) + (t.V2 * (1.0 - c2)) + (t.V3 * (1.0 + c3)));
            var dEdPhi = 0.5 * ((-t.V1 * Math.Sin(phi)) + (2.0 * t.V2 * Math.Sin(2.0 * phi)) - (3.0 * t.V3 * Math.Sin(3.0 * phi)));
            Geometry.AddDihedralGradient(g, t.I, t.J, t.K, t.L, b1, b2, b3, m, n, dEdPhi);
        }
        foreach (var t in _pairs)
        {
            var r = Geometry.Distance(x, 3, t.I, t.J);
            var rs = t.RStar;
            var a = 1.07 * rs / (r + (0.07 * rs));
            var a2 = a * a;
            var a7 = a2 * a2 * a2 * a;
            var rs2 = rs * rs;
            var rs7 = rs2 * rs2 * rs2 * rs;
            var r2 = r * r;
            var r6 = r2 * r2 * r2;
            var r7 = r6 * r;
            var den = r7 + (0.12 * rs7);
            var b = (1.12 * rs7 / den) - 2.0;
            eVdw += t.Epsilon * a7 * b;
            var dEdr = t.Epsilon * ((-7.0 * a7 / (r + (0.07 * rs)) * b) + (a7 * (-1.12 * rs7 * 7.0 * r6 / (den * den))));
            if (t.ChargeTerm != 0.0)
            {
                var e = Coulomb * t.ChargeTerm / (r + 0.05);
                eEle += e;
                dEdr -= e / (r + 0.05);
            }
            Geometry.AddDistanceGradient(x, g, t.I, t.J, r, dEdr);
        }
        return new MmffEnergyTerms(eBond, eAngle, eStbn, eOop, eTors, eVdw, eEle);
    }

    /// <summary>Wilson out-of-plane angle χ of bond J-L from plane I-J-K; E = 0.5 C2 koop χ² (χ in degrees).</summary>
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
