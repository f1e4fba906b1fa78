using System.Globalization;
using MolForge.Chem.Core;

namespace MolForge.Chem.ForceFields.Mmff;

/// <summary>Properties of one MMFF atom type (mmffprop.par columns).</summary>
internal readonly record struct MmffProp(int AtomicNumber, int Crd, int Val, int Pilp, int Mltb, bool Arom, int Linh, bool Sbmb);

/// <summary>MMFF94 parameter tables (Halgren 1996, J. Comput. Chem. 17, 490-641), read once from the Merck tables
/// shipped in data/chem/mmff. Lookups follow MMFF's canonical ordering and step-down rules (MMFF.I p. 513).</summary>
internal sealed class MmffParameters
{
    private static readonly Lazy<MmffParameters> LazyInstance = new(() => new MmffParameters());

    /// <summary>The shared tables.</summary>
    public static MmffParameters Instance => LazyInstance.Value;

    private readonly MmffProp?[] _prop = new MmffProp?[256];
    private readonly int[][] _eqLevels = new int[256][];
    private readonly double[] _pbci = new double[256];
    private readonly double[] _fcadj = new double[256];
    private readonly bool[] _hasPbci = new bool[256];
    private readonly Dictionary<long, (double Kb, double R0)> _bond = [];
    private readonly Dictionary<long, (double R0, double Kb)> _bndk = [];
    private readonly Dictionary<long, (double Ka, double Theta0)> _angle = [];
    private readonly Dictionary<long, (double Kijk, double Kkji)> _stbn = [];
    private readonly Dictionary<long, (double Kijk, double Kkji)> _dfsb = [];
    private readonly Dictionary<long, double> _oop = [];
    private readonly Dictionary<long, (double V1, double V2, double V3)> _tor = [];
    private readonly Dictionary<long, double> _bci = [];
    private readonly (double Alpha, double N, double A, double G, char DA)?[] _vdw = new (double, double, double, double, char)?[256];

    // MMFF.V Table III (Halgren 1996, J. Comput. Chem. 17, 616): covalent radius r0 and Pauling electronegativity.
    private static readonly Dictionary<int, (double R0, double Chi)> CovRadPauEle = new()
    {
        [1] = (0.33, 2.20), [3] = (1.34, 0.97), [6] = (0.77, 2.50), [7] = (0.73, 3.07), [8] = (0.72, 3.50),
        [9] = (0.74, 4.12), [11] = (1.54, 1.01), [12] = (1.30, 1.23), [14] = (1.15, 1.74), [15] = (1.09, 2.06),
        [16] = (1.03, 2.44), [17] = (1.01, 2.83), [19] = (1.96, 0.91), [20] = (1.74, 1.04), [29] = (1.38, 1.75),
        [30] = (1.31, 1.66), [35] = (1.15, 2.74), [53] = (1.33, 2.21),
    };

    // Herschbach & Laurie 1961 (J. Chem. Phys. 35, 458) Table I, Badger's rule a_ij and d_ij by periodic row
    // (MMFF.V p. 627 uses it when mmffbndk.par has no pair).
    private static readonly Dictionary<(int, int), (double A, double D)> HerschbachLaurie = new()
    {
        [(0, 0)] = (1.26, 0.025), [(0, 1)] = (1.66, 0.30), [(0, 2)] = (1.84, 0.38), [(0, 3)] = (1.98, 0.49),
        [(0, 4)] = (2.03, 0.51), [(0, 5)] = (2.03, 0.25), [(0, 30)] = (1.85, 0.15), [(0, 40)] = (1.84, 0.61),
        [(0, 50)] = (1.78, 0.97), [(1, 1)] = (1.91, 0.68), [(1, 2)] = (2.28, 0.74), [(1, 3)] = (2.35, 0.85),
        [(1, 4)] = (2.33, 0.68), [(1, 5)] = (2.50, 0.97), [(1, 30)] = (2.08, 1.14), [(1, 40)] = (2.34, 1.17),
        [(2, 2)] = (2.41, 1.18), [(2, 3)] = (2.52, 1.02), [(2, 4)] = (2.61, 1.28), [(2, 5)] = (2.60, 0.84),
        [(3, 3)] = (2.58, 1.41), [(3, 4)] = (2.66, 0.86), [(3, 5)] = (2.75, 1.14), [(4, 4)] = (2.85, 1.62),
        [(4, 5)] = (2.76, 1.25),
    };

    // mmffvdw.par header: power, B, Beta, DARAD, DAEPS.
    public const double VdwPower = 0.25, VdwB = 0.2, VdwBeta = 12.0, VdwDarad = 0.8, VdwDaeps = 0.5;

    private MmffParameters()
    {
        foreach (var t in Rows("mmffprop.par"))
            _prop[I(t[0])] = new MmffProp(I(t[1]), I(t[2]), I(t[3]), I(t[4]), I(t[5]), I(t[6]) != 0, I(t[7]), I(t[8]) != 0);
        foreach (var t in Rows("mmffdef.par"))
        {
            var type = I(t[1]);
            _eqLevels[type] ??= [I(t[2]), I(t[3]), I(t[4]), I(t[5])];
        }
        foreach (var t in Rows("mmffpbci.par"))
        {
            _pbci[I(t[1])] = D(t[2]);
            _fcadj[I(t[1])] = D(t[3]);
            _hasPbci[I(t[1])] = true;
        }
        foreach (var t in Rows("mmffbond.par")) _bond[Key(I(t[0]), I(t[1]), I(t[2]))] = (D(t[3]), D(t[4]));
        foreach (var t in Rows("mmffbndk.par")) _bndk[Key(I(t[0]), I(t[1]))] = (D(t[2]), D(t[3]));
        foreach (var t in Rows("mmffang.par")) _angle[Key(I(t[0]), I(t[1]), I(t[2]), I(t[3]))] = (D(t[4]), D(t[5]));
        foreach (var t in Rows("mmffstbn.par")) _stbn[Key(I(t[0]), I(t[1]), I(t[2]), I(t[3]))] = (D(t[4]), D(t[5]));
        foreach (var t in Rows("mmffdfsb.par")) _dfsb[Key(I(t[0]), I(t[1]), I(t[2]))] = (D(t[3]), D(t[4]));
        foreach (var t in Rows("mmffoop.par")) _oop[Key(I(t[0]), I(t[1]), I(t[2]), I(t[3]))] = D(t[4]);
        foreach (var t in Rows("mmfftor.par")) _tor[Key(I(t[0]), I(t[1]), I(t[2]), I(t[3]), I(t[4]))] = (D(t[5]), D(t[6]), D(t[7]));
        foreach (var t in Rows("mmffchg.par")) _bci[Key(I(t[0]), I(t[1]), I(t[2]))] = D(t[3]);
        foreach (var t in Rows("mmffvdw.par")) _vdw[I(t[0])] = (D(t[1]), D(t[2]), D(t[3]), D(t[4]), t[5][0]);
    }

    private static IEnumerable<string[]> Rows(string file)
    {
        foreach (var line in EmbeddedData.ReadLines("mmff." + file))
        {
            if (line[0] == '*' || line[0] == '$') continue;
            var t = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (t.Length > 0) yield return t;
        }
    }

    private static int I(string s) => int.Parse(s, CultureInfo.InvariantCulture);
    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
    private static long Key(int a, int b, int c = 0, int d = 0, int e = 0) =>
        ((long)a << 32) | ((long)b << 24) | ((long)c << 16) | ((long)d << 8) | (long)e;

    /// <summary>Properties of an atom type, or null for an unknown type.</summary>
    public MmffProp? Prop(int type) => (uint)type < 256 ? _prop[type] : null;

    /// <summary>True for MMFF's aromatic atom types (37, 38, 39, 44, 58, 59, 63-66, 69, 76, 78-82).</summary>
    public static bool IsAromaticType(int type) => type is 37 or 38 or 39 or 44 or 58 or 59 or 63 or 64 or 65 or 66
        or 69 or 76 or 78 or 79 or 80 or 81 or 82;

    private int Eq(int type, int level) => _eqLevels[type] is { } l ? l[level] : (level == 3 ? 0 : type);

    /// <summary>Partial bond charge increment and formal-charge adjustment factor.</summary>
    public (double Pbci, double Fcadj) Pbci(int type) => (_pbci[type], _fcadj[type]);

    /// <summary>Bond charge increment for the bond i-j of the given MMFF bond type, as the charge atom i gains
    /// (sign convention of computeMMFFCharges: +bci when i > j in the table order); null when not tabulated.</summary>
    public double? Bci(int bondType, int iType, int jType)
    {
        if (iType <= jType)
            return _bci.TryGetValue(Key(bondType, iType, jType), out var v) ? -v : null;
        return _bci.TryGetValue(Key(bondType, jType, iType), out var w) ? w : null;
    }

    /// <summary>Tabulated bond stretch (kb, r0), or null.</summary>
    public (double Kb, double R0)? Bond(int bondType, int iType, int jType)
    {
        if (iType > jType) (iType, jType) = (jType, iType);
        return _bond.TryGetValue(Key(bondType, iType, jType), out var v) ? v : null;
    }

    /// <summary>Empirical bond parameters (MMFF.V eqs. 18-19; Herschbach-Laurie Badger's rule when no bndk pair).</summary>
    public (double Kb, double R0)? EmpiricalBond(int z1, int z2)
    {
        if (!CovRadPauEle.TryGetValue(z1, out var a) || !CovRadPauEle.TryGetValue(z2, out var b)) return null;
        var c = (z1 == 1 || z2 == 1) ? 0.050 : 0.085;
        var r0 = a.R0 + b.R0 - (c * Math.Pow(Math.Abs(a.Chi - b.Chi), 1.4));
        var (lo, hi) = z1 <= z2 ? (z1, z2) : (z2, z1);
        if (_bndk.TryGetValue(Key(lo, hi), out var refp))
        {
            var q = refp.R0 / r0;
            var q2 = q * q;
            return (refp.Kb * q2 * q2 * q2, r0);
        }
        var (r1, r2) = (RowHL(z1), RowHL(z2));
        if (r1 > r2) (r1, r2) = (r2, r1);
        if (!HerschbachLaurie.TryGetValue((r1, r2), out var hl)) return null;
        return (Math.Pow(10.0, -(r0 - hl.A) / hl.D), r0);
    }

    /// <summary>Tabulated angle (ka, theta0) with the step-down over equivalence levels of the outer atoms.</summary>
    public (double Ka, double Theta0)? Angle(int angleType, int iType, int jType, int kType)
    {
        for (var level = 0; level < 4; level++)
        {
            int ci = Eq(iType, level), ck = Eq(kType, level);
            if (ci > ck) (ci, ck) = (ck, ci);
            if (_angle.TryGetValue(Key(angleType, ci, jType, ck), out var v)) return v;
        }
        return null;
    }

    /// <summary>Tabulated stretch-bend constants, already oriented for i-j-k; null when not tabulated.</summary>
    public (double Kijk, double Kkji)? StretchBend(int sbType, int bondType1, int bondType2, int iType, int jType, int kType)
    {
        var swap = false;
        int ci = iType, ck = kType;
        if (iType > kType)
        {
            (ci, ck) = (kType, iType);
            swap = true;
        }
        else if (iType == kType)
        {
            swap = bondType1 < bondType2;
        }
        if (!_stbn.TryGetValue(Key(sbType, ci, jType, ck), out var v)) return null;
        return swap ? (v.Kkji, v.Kijk) : v;
    }

    /// <summary>Default stretch-bend constants by periodic-table rows (mmffdfsb.par), oriented for i-j-k.</summary>
    public (double Kijk, double Kkji)? DefaultStretchBend(int row1, int row2, int row3)
    {
        var swap = row1 > row3;
        var (a, c) = swap ? (row3, row1) : (row1, row3);
        if (!_dfsb.TryGetValue(Key(a, row2, c), out var v)) return null;
        return swap ? (v.Kkji, v.Kijk) : v;
    }

    /// <summary>Out-of-plane constant for centre j with neighbours i, k, l (step-down over their levels).</summary>
    public double? OutOfPlane(int iType, int jType, int kType, int lType)
    {
        Span<int> t = stackalloc int[3];
        for (var level = 0; level < 4; level++)
        {
            t[0] = Eq(iType, level);
            t[1] = Eq(kType, level);
            t[2] = Eq(lType, level);
            t.Sort();
            if (_oop.TryGetValue(Key(t[0], jType, t[1], t[2]), out var v)) return v;
        }
        return null;
    }

    /// <summary>Torsion (V1, V2, V3) for torsion types (primary, secondary), with MMFF's wildcard step-down
    /// (MMFF.IV): levels (i,l) = (1,1), (2,4), (4,2), (4,4) in the order RDKit uses.</summary>
    public (double V1, double V2, double V3)? Torsion(int torType, int secondType, int iType, int jType, int kType, int lType)
    {
        (double, double, double)? found = null;
        var foundAtLevel = -1;
        for (var iter = 0; iter < 4 && found is null; iter++)
        {
            found = TorsionLookup(torType, iter, iType, jType, kType, lType);
            if (found is not null) foundAtLevel = iter;
        }
        // Phase two (RDKit's getMMFFTorParams): when nothing was found, or a ring-5 torsion only matched with
        // both wildcards, try the secondary torsion type; a hit there wins.
        if (found is null || (torType == 5 && secondType != 0 && foundAtLevel == 3))
        {
            for (var iter = 0; iter < 4; iter++)
            {
                var second = TorsionLookup(secondType, iter, iType, jType, kType, lType);
                if (second is not null) return second;
            }
        }
        return found;
    }

    private (double, double, double)? TorsionLookup(int torType, int iter, int iType, int jType, int kType, int lType)
    {
        var (iw, lw) = iter switch { 0 => (0, 0), 1 => (1, 3), 2 => (3, 1), _ => (3, 3) };
        int ci = Eq(iType, iw), cj = jType, ck = kType, cl = Eq(lType, lw);
        if (cj > ck)
        {
            (cj, ck) = (ck, cj);
            (ci, cl) = (cl, ci);
        }
        else if (cj == ck && ci > cl)
        {
            (ci, cl) = (cl, ci);
        }
        return _tor.TryGetValue(Key(torType, ci, cj, ck, cl), out var v) ? v : null;
    }

    /// <summary>Van der Waals parameters of an atom type: alpha, N, A, G, donor/acceptor flag.</summary>
    public (double Alpha, double N, double A, double G, char DA)? Vdw(int type) => (uint)type < 256 ? _vdw[type] : null;

    /// <summary>Periodic-table row starting at 0 for H (RDKit's getPeriodicTableRow).</summary>
    public static int Row(int z) => z switch
    {
        >= 3 and <= 10 => 1,
        >= 11 and <= 18 => 2,
        >= 19 and <= 36 => 3,
        >= 37 and <= 54 => 4,
        _ => 0,
    };

    private static int RowHL(int z)
    {
        var row = z switch
        {
            2 => 1,
            >= 3 and <= 10 => 2,
            >= 11 and <= 18 => 3,
            >= 19 and <= 36 => 4,
            >= 37 and <= 54 => 5,
            _ => 0,
        };
        if (z is (>= 21 and <= 30) or (>= 39 and <= 48)) row *= 10;
        return row;
    }
}
