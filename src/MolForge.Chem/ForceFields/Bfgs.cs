namespace MolForge.Chem.ForceFields;

/// <summary>Dense BFGS with the inverse-Hessian update (Nocedal &amp; Wright 2006, eq. 6.17) and the same capped
/// backtracking line search as <see cref="Lbfgs"/>. O(n²) memory and work per step: for force fields of drug-like
/// molecules (a few hundred coordinates) it converges in far fewer steps than L-BFGS on the stiff bond terms.</summary>
public static class Bfgs
{
    /// <summary>Dense BFGS up to this many variables, L-BFGS above (memory and O(n²) work per step).</summary>
    public const int DenseLimit = 900;

    /// <summary>Dense BFGS for small problems, L-BFGS for large ones.</summary>
    public static MinimizationResult MinimizeAuto(IEnergyFunction f, Span<double> x, LbfgsOptions? options = null) =>
        x.Length <= DenseLimit ? Minimize(f, x, options) : Lbfgs.Minimize(f, x, options);

    /// <summary>Minimises <paramref name="f"/> starting from (and overwriting) <paramref name="x"/>.</summary>
    public static MinimizationResult Minimize(IEnergyFunction f, Span<double> x, LbfgsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var o = options ?? new LbfgsOptions();
        var n = x.Length;
        var h = new double[n * n];
        var g = new double[n];
        var gNew = new double[n];
        var d = new double[n];
        var xNew = new double[n];
        var s = new double[n];
        var y = new double[n];
        var hy = new double[n];
        var e = f.EnergyAndGradient(x, g);
        var initialised = false;
        ResetIdentity(h, n, 1.0);
        for (var iter = 1; iter <= o.MaxIterations; iter++)
        {
            if (LineSearch.MaxAbs(g) < o.GradientTolerance) return new MinimizationResult(e, iter - 1, true);
            // d = -H g
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                var row = i * n;
                for (var j = 0; j < n; j++) sum += h[row + j] * g[j];
                d[i] = -sum;
            }
            var slope = LineSearch.Dot(d, g);
            if (slope >= 0.0)
            {
                ResetIdentity(h, n, 1.0);
                initialised = false;
                for (var i = 0; i < n; i++) d[i] = -g[i];
                slope = LineSearch.Dot(d, g);
            }
            var accepted = LineSearch.Backtrack(f, x, d, e, slope, o.MaxStep, xNew, gNew, out var eNew);
            if (!accepted)
            {
                if (!initialised) return new MinimizationResult(e, iter, LineSearch.MaxAbs(g) < 10 * o.GradientTolerance);
                ResetIdentity(h, n, 1.0);
                initialised = false;
                continue;
            }
            for (var i = 0; i < n; i++)
            {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            var sy = LineSearch.Dot(s, y);
            if (sy > 1e-12)
            {
                if (!initialised)
                {
                    // Shanno-Phua scaling of the first inverse Hessian.
                    ResetIdentity(h, n, sy / LineSearch.Dot(y, y));
                    initialised = true;
                }
                // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, with Hy = H y (H symmetric).
                var rho = 1.0 / sy;
                for (var i = 0; i < n; i++)
                {
                    var sum = 0.0;
                    var row = i * n;
                    for (var j = 0; j < n; j++) sum += h[row + j] * y[j];
                    hy[i] = sum;
                }
                var yhy = LineSearch.Dot(y, hy);
                var c = (1.0 + (rho * yhy)) * rho;
                for (var i = 0; i < n; i++)
                {
                    var row = i * n;
                    var si = s[i];
                    var hyi = hy[i];
                    for (var j = 0; j < n; j++)
                        h[row + j] += (c * si * s[j]) - (rho * ((hyi * s[j]) + (si * hy[j])));
                }
            }
            xNew.CopyTo(x);
            gNew.CopyTo(g, 0);
            var converged = Math.Abs(e - eNew) <= o.EnergyTolerance * Math.Max(1.0, Math.Abs(eNew));
            e = eNew;
            if (converged && LineSearch.MaxAbs(g) < 10 * o.GradientTolerance) return new MinimizationResult(e, iter, true);
        }
        return new MinimizationResult(e, o.MaxIterations, LineSearch.MaxAbs(g) < o.GradientTolerance);
    }

    private static void ResetIdentity(double[] h, int n, double scale)
    {
        Array.Clear(h);
        for (var i = 0; i < n; i++) h[(i * n) + i] = scale;
    }
}
