using System.Diagnostics;

namespace MolForge.Quantum.Variational;

/// <summary>
/// Nelder–Mead settings. <see cref="MaxEvaluations"/> is the budget (with a shot backend: the shot budget divided by
/// the shots per evaluation). The run stops early when the simplex has shrunk below <see cref="SimplexTolerance"/>
/// (largest vertex distance from the best vertex, in radians). With a noisy objective the best vertex is re-measured
/// every <see cref="ResampleEvery"/> iterations (0: every n+1) and its value kept as the running mean of its samples,
/// so that one lucky low estimate cannot anchor the simplex.
/// </summary>
public sealed record NelderMeadOptions(
    int MaxEvaluations = 400,
    double InitialStep = 0.1,
    double SimplexTolerance = 1e-3,
    int ResampleEvery = 0);

/// <summary>Nelder–Mead outcome: the best vertex, its (averaged) value, and the trace of the best value per iteration.</summary>
public sealed record NelderMeadResult(double[] Parameters, double Value, int Iterations, int Evaluations, bool Converged, double Seconds)
{
    /// <summary>The best vertex's value after every iteration.</summary>
    public IReadOnlyList<double> Trace { get; init; } = [];
}

/// <summary>
/// The downhill simplex method (Nelder &amp; Mead, Comput. J. 7, 308 (1965)) with the dimension-adapted coefficients
/// of Gao &amp; Han (Comput. Optim. Appl. 51, 259 (2012)): reflection 1, expansion 1 + 2/n, contraction 0.75 − 1/(2n),
/// shrink 1 − 1/n. Gradient-free, so usable on shot-noise objectives where finite differences fail; the best vertex
/// is re-sampled periodically (a simple guard against noise-induced false convergence; cf. Barton &amp; Ivey, Manage.
/// Sci. 42, 954 (1996)).
/// </summary>
public static class NelderMead
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="initial"/>.</summary>
    public static NelderMeadResult Minimize(Func<double[], double> f, double[] initial, NelderMeadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(initial);
        var o = options ?? new NelderMeadOptions();
        int n = initial.Length;
        if (o.MaxEvaluations < n + 2)
            throw new ArgumentOutOfRangeException(nameof(options), o.MaxEvaluations, $"Nelder–Mead needs at least {n + 2} evaluations for {n} parameters (the simplex plus one step).");
        if (!(o.InitialStep > 0)) throw new ArgumentOutOfRangeException(nameof(options), o.InitialStep, "The initial simplex step must be positive.");
        var sw = Stopwatch.StartNew();
        var trace = new List<double>();
        int evals = 0;
        double Eval(double[] x)
        {
            cancellationToken.ThrowIfCancellationRequested();
            evals++;
            return f(x);
        }

        if (n == 0)
        {
            double v0 = Eval([]);
            return new NelderMeadResult([], v0, 0, evals, true, sw.Elapsed.TotalSeconds) { Trace = [v0] };
        }
        double alpha = 1, beta = 1 + 2.0 / n, gamma = 0.75 - 1.0 / (2 * n), delta = 1 - 1.0 / n;
        if (n == 1) { beta = 2; gamma = 0.5; delta = 0.5; }
        int resample = o.ResampleEvery > 0 ? o.ResampleEvery : n + 1;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        var samples = new int[n + 1];
        for (int v = 0; v <= n; v++)
        {
            simplex[v] = (double[])initial.Clone();
            if (v > 0) simplex[v][v - 1] += o.InitialStep;
            values[v] = Eval(simplex[v]);
            samples[v] = 1;
        }
        var order = new int[n + 1];
        var centroid = new double[n];
        var xr = new double[n];
        var xe = new double[n];
        var xc = new double[n];
        int iterations = 0;
        bool converged = false;
        while (evals < o.MaxEvaluations)
        {
            for (int i = 0; i <= n; i++) order[i] = i;
            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[n], second = order[n - 1];
            trace.Add(values[best]);
            if (Diameter(simplex, best) < o.SimplexTolerance) { converged = true; break; }
            iterations++;
            if (iterations % resample == 0 && evals < o.MaxEvaluations)
            {
                // the running mean of the best vertex's samples: noise cannot keep a lucky value for long
                samples[best]++;
                values[best] += (Eval(simplex[best]) - values[best]) / samples[best];
                continue;
            }
            Array.Clear(centroid);
            for (int v = 0; v <= n; v++)
                if (v != worst)
                    for (int i = 0; i < n; i++) centroid[i] += simplex[v][i] / n;
            for (int i = 0; i < n; i++) xr[i] = centroid[i] + alpha * (centroid[i] - simplex[worst][i]);
            double fr = Eval(xr);
            if (fr < values[best])
            {
                if (evals >= o.MaxEvaluations) { Replace(worst, xr, fr); break; }
                for (int i = 0; i < n; i++) xe[i] = centroid[i] + beta * (xr[i] - centroid[i]);
                double fe = Eval(xe);
                if (fe < fr) Replace(worst, xe, fe); else Replace(worst, xr, fr);
                continue;
            }
            if (fr < values[second]) { Replace(worst, xr, fr); continue; }
            if (evals >= o.MaxEvaluations) break;
            bool outside = fr < values[worst];
            for (int i = 0; i < n; i++)
                xc[i] = outside ? centroid[i] + gamma * (xr[i] - centroid[i]) : centroid[i] - gamma * (centroid[i] - simplex[worst][i]);
            double fc = Eval(xc);
            if (fc < (outside ? fr : values[worst])) { Replace(worst, xc, fc); continue; }
            // shrink towards the best vertex
            for (int v = 0; v <= n && evals < o.MaxEvaluations; v++)
            {
                if (v == best) continue;
                for (int i = 0; i < n; i++) simplex[v][i] = simplex[best][i] + delta * (simplex[v][i] - simplex[best][i]);
                values[v] = Eval(simplex[v]);
                samples[v] = 1;
            }
        }
        int b0 = 0;
        for (int v = 1; v <= n; v++) if (values[v] < values[b0]) b0 = v;
        if (trace.Count == 0 || trace[^1] != values[b0]) trace.Add(values[b0]);
        return new NelderMeadResult((double[])simplex[b0].Clone(), values[b0], iterations, evals, converged, sw.Elapsed.TotalSeconds) { Trace = trace };

        void Replace(int v, double[] x, double fx)
        {
            Array.Copy(x, simplex[v], n);
            values[v] = fx;
            samples[v] = 1;
        }
    }

    private static double Diameter(double[][] simplex, int best)
    {
        double d = 0;
        for (int v = 0; v < simplex.Length; v++)
        {
            if (v == best) continue;
            double s = 0;
            for (int i = 0; i < simplex[v].Length; i++)
            {
                double t = simplex[v][i] - simplex[best][i];
                s += t * t;
            }
            d = Math.Max(d, Math.Sqrt(s));
        }
        return d;
    }
}
