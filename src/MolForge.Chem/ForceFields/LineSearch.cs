namespace MolForge.Chem.ForceFields;

/// <summary>The step rule shared by <see cref="Lbfgs"/> and <see cref="Bfgs"/>: the first trial step is capped so no
/// coordinate moves more than MaxStep, then Armijo backtracking (sufficient decrease c₁ = 1e-4, halving, at most
/// 30 halvings; Nocedal &amp; Wright 2006, Algorithm 3.1), plus the small vector helpers both minimisers use.</summary>
internal static class LineSearch
{
    /// <summary>Tries x + step·d with step halved until the energy drops enough; on success <paramref name="xNew"/>,
    /// <paramref name="gNew"/> and <paramref name="eNew"/> hold the accepted point. <paramref name="slope"/> = d·g &lt; 0.</summary>
    public static bool Backtrack(IEnergyFunction f, ReadOnlySpan<double> x, ReadOnlySpan<double> d, double e, double slope,
        double maxStep, Span<double> xNew, Span<double> gNew, out double eNew)
    {
        var dMax = MaxAbs(d);
        var step = dMax > maxStep ? maxStep / dMax : 1.0;
        for (var tries = 0; ; tries++)
        {
            for (var i = 0; i < x.Length; i++) xNew[i] = x[i] + (step * d[i]);
            eNew = f.EnergyAndGradient(xNew, gNew);
            if (eNew <= e + (1e-4 * step * slope)) return true;
            if (tries >= 30) return false;
            step *= 0.5;
        }
    }

    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    public static double MaxAbs(ReadOnlySpan<double> a)
    {
        var m = 0.0;
        foreach (var v in a) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}
