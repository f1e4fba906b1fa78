namespace MolForge.Chem.ForceFields;

/// <summary>Options for <see cref="Lbfgs"/>.</summary>
/// <param name="MaxIterations">Iteration limit.</param>
/// <param name="GradientTolerance">Stop when the largest gradient component is below this.</param>
/// <param name="EnergyTolerance">Stop when the relative energy change of a step is below this.</param>
/// <param name="History">Number of correction pairs kept (m).</param>
/// <param name="MaxStep">Largest move of any coordinate in one step.</param>
public sealed record LbfgsOptions(int MaxIterations = 2000, double GradientTolerance = 1e-4, double EnergyTolerance = 1e-12, int History = 8, double MaxStep = 0.3);

/// <summary>Outcome of a minimisation.</summary>
/// <param name="Energy">Final value.</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="Converged">True when a tolerance was met before the iteration limit.</param>
public readonly record struct MinimizationResult(double Energy, int Iterations, bool Converged);

/// <summary>Limited-memory BFGS (Liu &amp; Nocedal 1989, Math. Program. 45, 503) with the two-loop recursion and
/// a backtracking Armijo line search; steps are capped so no coordinate moves more than MaxStep.</summary>
public static class Lbfgs
{
    /// <summary>Minimises <paramref name="f"/> starting from (and overwriting) <paramref name="x"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static MinimizationResult Minimize(IEnergyFunction f, Span<double> x, LbfgsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        var o = options ?? new LbfgsOptions();
        var n = x.Length;
        var m = o.History;
        var s = new double[m][];
        var y = new double[m][];
        var rho = new double[m];
        var alpha = new double[m];
        for (var i = 0; i < m; i++)
        {
            s[i] = new double[n];
            y[i] = new double[n];
        }
        var g = new double[n];
        var gNew = new double[n];
        var d = new double[n];
        var xNew = new double[n];
        var e = f.EnergyAndGradient(x, g);
        int stored = 0, head = 0;
        for (var iter = 1; iter <= o.MaxIterations; iter++)
        {
            if (LineSearch.MaxAbs(g) < o.GradientTolerance) return new MinimizationResult(e, iter - 1, true);
            // Two-loop recursion: d = -H g.
            g.CopyTo(d, 0);
            for (var k = 0; k < stored; k++)
            {
                var idx = (head - 1 - k + m) % m;
                alpha[idx] = rho[idx] * LineSearch.Dot(s[idx], d);
                Axpy(-alpha[idx], y[idx], d);
            }
            if (stored > 0)
            {
                var last = (head - 1 + m) % m;
                var gamma = LineSearch.Dot(s[last], y[last]) / LineSearch.Dot(y[last], y[last]);
                for (var i = 0; i < n; i++) d[i] *= gamma;
            }
            for (var k = stored - 1; k >= 0; k--)
            {
                var idx = (head - 1 - k + m) % m;
                var beta = rho[idx] * LineSearch.Dot(y[idx], d);
                Axpy(alpha[idx] - beta, s[idx], d);
            }
            for (var i = 0; i < n; i++) d[i] = -d[i];
            var slope = LineSearch.Dot(d, g);
            if (slope >= 0.0)
            {
                // Not a descent direction: restart with steepest descent.
                for (var i = 0; i < n; i++) d[i] = -g[i];
                slope = LineSearch.Dot(d, g);
                stored = 0;
            }
            var accepted = LineSearch.Backtrack(f, x, d, e, slope, o.MaxStep, xNew, gNew, out var eNew);
            if (!accepted)
            {
                if (stored == 0) return new MinimizationResult(e, iter, LineSearch.MaxAbs(g) < 10 * o.GradientTolerance);
                stored = 0; // reset curvature pairs and retry from steepest descent
                continue;
            }
            var si = s[head];
            var yi = y[head];
            for (var i = 0; i < n; i++)
            {
                si[i] = xNew[i] - x[i];
                yi[i] = gNew[i] - g[i];
            }
            var sy = LineSearch.Dot(si, yi);
            if (sy > 1e-12)
            {
                rho[head] = 1.0 / sy;
                head = (head + 1) % m;
                if (stored < m) stored++;
            }
            xNew.CopyTo(x);
            gNew.CopyTo(g, 0);
            var converged = Math.Abs(e - eNew) <= o.EnergyTolerance * Math.Max(1.0, Math.Abs(eNew));
            e = eNew;
            if (converged && LineSearch.MaxAbs(g) < 10 * o.GradientTolerance) return new MinimizationResult(e, iter, true);
        }
        return new MinimizationResult(e, o.MaxIterations, LineSearch.MaxAbs(g) < o.GradientTolerance);
    }

    private static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < y.Length; i++) y[i] += a * x[i];
    }
}
