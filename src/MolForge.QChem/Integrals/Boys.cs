namespace MolForge.QChem.Integrals;

/// <summary>The Boys function F_m(T) = ∫_0^1 t^(2m) exp(-T t²) dt, by a 7-term Taylor expansion around tabulated
/// points (spacing 0.05, T &lt; 40; the table itself from the convergent series
/// F_m(T) = e^(-T) Σ_k (2T)^k / ((2m+1)(2m+3)…(2m+2k+1))) and, for T ≥ 40, the asymptotic form with upward
/// recursion (Helgaker, Jørgensen, Olsen, Molecular Electronic-Structure Theory, §9.8). Relative accuracy ~1e-14.</summary>
public static class Boys
{
    /// <summary>Highest m supported.</summary>
    public const int MaxM = 24;
    private const int Terms = 7;
    private const double Step = 0.05;
    private const double TMax = 40.0;
    private const int Points = (int)(TMax / Step) + 2;
    private const int Stride = MaxM + Terms + 1;
    private static readonly double[] Table = BuildTable();
    private static readonly double[] InvFactorial = [1.0, 1.0, 1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040];

    private static double[] BuildTable()
    {
        var t = new double[Points * Stride];
        for (var p = 0; p < Points; p++)
        {
            var x = p * Step;
            for (var m = 0; m < Stride; m++) t[p * Stride + m] = Series(m, x);
        }
        return t;
    }

    /// <summary>F_m(T) from the series (slow; exact to rounding for moderate T).</summary>
    public static double Series(int m, double t)
    {
        double term = 1.0 / (2 * m + 1), sum = term;
        for (var k = 1; k < 2000; k++)
        {
            term *= 2 * t / (2 * m + 2 * k + 1);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return Math.Exp(-t) * sum;
    }

    /// <summary>Fills <paramref name="f"/>[0..mMax] with F_m(T).</summary>
    public static void Evaluate(int mMax, double t, Span<double> f)
    {
        if (t < TMax)
        {
            var p = (int)(t * (1.0 / Step) + 0.5);
            var d = p * Step - t; // F_m(T) = Σ_k F_{m+k}(T0) (T0-T)^k / k!
            var row = p * Stride;
            for (var m = 0; m <= mMax; m++)
            {
                var b = row + m;
                var v = Table[b + 6] * InvFactorial[6];
                v = v * d + Table[b + 5] * InvFactorial[5];
                v = v * d + Table[b + 4] * InvFactorial[4];
                v = v * d + Table[b + 3] * InvFactorial[3];
                v = v * d + Table[b + 2] * InvFactorial[2];
                v = v * d + Table[b + 1];
                v = v * d + Table[b];
                f[m] = v;
            }
        }
        else
        {
            var inv2t = 0.5 / t;
            var v = 0.5 * Math.Sqrt(Math.PI / t);
            f[0] = v;
            for (var m = 1; m <= mMax; m++)
            {
                v *= (2 * m - 1) * inv2t;
                f[m] = v;
            }
        }
    }

    /// <summary>F_0(T) alone.</summary>
    public static double F0(double t)
    {
        if (t >= TMax) return 0.5 * Math.Sqrt(Math.PI / t);
        var p = (int)(t * (1.0 / Step) + 0.5);
        var d = p * Step - t;
        var b = p * Stride;
        var v = Table[b + 6] * InvFactorial[6];
        v = v * d + Table[b + 5] * InvFactorial[5];
        v = v * d + Table[b + 4] * InvFactorial[4];
        v = v * d + Table[b + 3] * InvFactorial[3];
        v = v * d + Table[b + 2] * InvFactorial[2];
        v = v * d + Table[b + 1];
        return v * d + Table[b];
    }
}
