namespace MolForge.Quantum.Variational;

/// <summary>Options for <see cref="Lbfgs"/>.</summary>
/// <param name="MaxIterations">Iteration limit.</param>
/// <param name="GradientTolerance">Stop when max |g_i| falls below this.</param>
/// <param name="EnergyTolerance">Stop when the decrease in one iteration falls below this.</param>
/// <param name="History">Number of (s, y) pairs kept.</param>
public sealed record LbfgsOptions(int MaxIterations = 1000, double GradientTolerance = 1e-6, double EnergyTolerance = 1e-12, int History = 20);

/// <summary>Result of a minimisation.</summary>
public sealed record LbfgsResult(double Value, double[] X, int Iterations, int Evaluations, bool Converged, string StopReason)
{
    /// <summary>f at the start and after every iteration (the convergence trace; length Iterations + 1).</summary>
    public IReadOnlyList<double> Trace { get; init; } = [];
}

/// <summary>
/// Limited-memory BFGS (Liu &amp; Nocedal 1989): two-loop recursion for the search direction, a line search
/// satisfying the strong Wolfe conditions (Nocedal &amp; Wright 2006, Algorithms 3.5 and 3.6, cubic interpolation).
/// </summary>
public static class Lbfgs
{
    /// <summary>f(x, g) returns f and writes ∇f into g.</summary>
    public delegate double Objective(ReadOnlySpan<double> x, Span<double> gradient);

    /// <summary>Minimises from <paramref name="x0"/>.</summary>
    public static LbfgsResult Minimize(Objective f, double[] x0, LbfgsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x0);
        var o = options ?? new LbfgsOptions();
        int n = x0.Length;
        var x = (double[])x0.Clone();
        var g = new double[n];
        int evals = 0;
        double fx = f(x, g); evals++;
        var trace = new List<double> { fx };
        if (n == 0) return new LbfgsResult(fx, x, 0, evals, true, "no parameters") { Trace = trace };
        var s = new List<double[]>();
        var y = new List<double[]>();
        var rho = new List<double>();
        var d = new double[n];
        var xNew = new double[n];
        var gNew = new double[n];
        var alphaBuf = new double[o.History];
        for (int iter = 0; iter < o.MaxIterations; iter++)
        {
            if (MaxAbs(g) < o.GradientTolerance) return new LbfgsResult(fx, x, iter, evals, true, "gradient") { Trace = trace };
            // two-loop recursion: d = −H g
            for (int i = 0; i < n; i++) d[i] = -g[i];
            for (int k = s.Count - 1; k >= 0; k--)
            {
                alphaBuf[k] = rho[k] * Dot(s[k], d);
                Axpy(-alphaBuf[k], y[k], d);
            }
            double gamma = s.Count > 0 ? Dot(s[^1], y[^1]) / Dot(y[^1], y[^1]) : 1.0 / Math.Max(1.0, Math.Sqrt(Dot(g, g)));
            for (int i = 0; i < n; i++) d[i] *= gamma;
            for (int k = 0; k < s.Count; k++)
            {
                double beta = rho[k] * Dot(y[k], d);
                Axpy(alphaBuf[k] - beta, s[k], d);
            }
            double dg = Dot(d, g);
            if (dg >= 0)
            {
                // not a descent direction: restart with steepest descent
                s.Clear(); y.Clear(); rho.Clear();
                for (int i = 0; i < n; i++) d[i] = -g[i] / Math.Max(1.0, Math.Sqrt(Dot(g, g)));
                dg = Dot(d, g);
            }
            double step = LineSearch(f, x, fx, g, d, dg, xNew, gNew, ref evals, out double fNew);
            if (step == 0) return new LbfgsResult(fx, x, iter, evals, MaxAbs(g) < 100 * o.GradientTolerance, "line search made no progress (rounding level)") { Trace = trace };
            var sk = new double[n];
            var yk = new double[n];
            for (int i = 0; i < n; i++) { sk[i] = xNew[i] - x[i]; yk[i] = gNew[i] - g[i]; }
            double sy = Dot(sk, yk);
            if (sy > 1e-16)
            {
                if (s.Count == o.History) { s.RemoveAt(0); y.RemoveAt(0); rho.RemoveAt(0); }
                s.Add(sk); y.Add(yk); rho.Add(1 / sy);
            }
            double decrease = fx - fNew;
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            trace.Add(fx);
            if (decrease >= 0 && decrease < o.EnergyTolerance && MaxAbs(g) < 1e3 * o.GradientTolerance)
                return new LbfgsResult(fx, x, iter + 1, evals, true, "energy change") { Trace = trace };
        }
        return new LbfgsResult(fx, x, o.MaxIterations, evals, MaxAbs(g) < o.GradientTolerance, "iteration limit") { Trace = trace };
    }

    private static double LineSearch(Objective f, double[] x, double f0, double[] g0, double[] d, double dg0,
        double[] xNew, double[] gNew, ref int evals, out double fNew)
    {
        const double c1 = 1e-4, c2 = 0.9;
        double aPrev = 0, fPrev = f0, dgPrev = dg0;
        double a = 1;
        for (int i = 0; i < 30; i++)
        {
            double fa = Eval(f, x, d, a, xNew, gNew, ref evals);
            double dga = Dot(gNew, d);
            if (fa > f0 + c1 * a * dg0 || (i > 0 && fa >= fPrev))
                return Zoom(f, x, f0, dg0, d, aPrev, fPrev, dgPrev, a, fa, dga, xNew, gNew, ref evals, out fNew);
            if (Math.Abs(dga) <= -c2 * dg0) { fNew = fa; return a; }
            if (dga >= 0)
                return Zoom(f, x, f0, dg0, d, a, fa, dga, aPrev, fPrev, dgPrev, xNew, gNew, ref evals, out fNew);
            aPrev = a; fPrev = fa; dgPrev = dga;
            a *= 2.5;
        }
        fNew = Eval(f, x, d, aPrev, xNew, gNew, ref evals);
        return aPrev;
    }

    private static double Zoom(Objective f, double[] x, double f0, double dg0, double[] d,
        double aLo, double fLo, double dgLo, double aHi, double fHi, double dgHi,
        double[] xNew, double[] gNew, ref int evals, out double fNew)
    {
        const double c1 = 1e-4, c2 = 0.9;
        for (int i = 0; i < 12; i++)
        {
            double a = Cubic(aLo, fLo, dgLo, aHi, fHi, dgHi);
            double lo = Math.Min(aLo, aHi), hi = Math.Max(aLo, aHi);
            if (!(a > lo + 0.1 * (hi - lo) && a < hi - 0.1 * (hi - lo))) a = 0.5 * (aLo + aHi);
            double fa = Eval(f, x, d, a, xNew, gNew, ref evals);
            double dga = Dot(gNew, d);
            if (fa > f0 + c1 * a * dg0 || fa >= fLo)
            {
                aHi = a; fHi = fa; dgHi = dga;
            }
            else
            {
                if (Math.Abs(dga) <= -c2 * dg0) { fNew = fa; return a; }
                if (dga * (aHi - aLo) >= 0) { aHi = aLo; fHi = fLo; dgHi = dgLo; }
                aLo = a; fLo = fa; dgLo = dga;
            }
            if (Math.Abs(aHi - aLo) < 1e-14) break;
        }
        if (aLo == 0) { fNew = f0; Eval(f, x, d, 0, xNew, gNew, ref evals); return 0; }
        fNew = Eval(f, x, d, aLo, xNew, gNew, ref evals);
        return aLo;
    }

    private static double Cubic(double a, double fa, double ga, double b, double fb, double gb)
    {
        double d1 = ga + gb - 3 * (fa - fb) / (a - b);
        double disc = d1 * d1 - ga * gb;
        if (disc < 0 || a == b) return 0.5 * (a + b);
        double d2 = Math.Sign(b - a) * Math.Sqrt(disc);
        return b - (b - a) * (gb + d2 - d1) / (gb - ga + 2 * d2);
    }

    private static double Eval(Objective f, double[] x, double[] d, double a, double[] xNew, double[] gNew, ref int evals)
    {
        for (int i = 0; i < x.Length; i++) xNew[i] = x[i] + a * d[i];
        evals++;
        return f(xNew, gNew);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++) y[i] += a * x[i];
    }

    private static double MaxAbs(double[] g)
    {
        double m = 0;
        foreach (var v in g) m = Math.Max(m, Math.Abs(v));
        return m;
    }
}
