namespace MolForge.Application.Ranking;

/// <summary>One objective of a ranking: the property it reads, how its value maps to desirability, its weight.</summary>
public sealed record Objective(string Property, Desirability Transform, double Weight = 1.0);

/// <summary>A candidate's rank, combined score and Pareto mark.</summary>
public sealed record RankedResult(int Index, int Rank, double Score, bool IsParetoOptimal, IReadOnlyDictionary<string, double> Desirabilities);

/// <summary>Ranks candidates: each objective becomes a desirability, combined by a weighted geometric mean into
/// <c>mf_score</c> (Derringer &amp; Suich 1980; as REINVENT's custom product); the Pareto front over the
/// desirabilities is marked (non-dominated candidates).</summary>
public static class CandidateRanker
{
    // A zero desirability would make the geometric mean 0 for every candidate that misses one target; a floor
    // keeps such candidates ordered by how close they are on the others.
    private const double Floor = 1e-6;

    /// <summary>Ranks <paramref name="candidates"/> (property values by name; a missing value counts as NaN).
    /// Rank 1 is best; ties keep input order.</summary>
    public static IReadOnlyList<RankedResult> Rank(IReadOnlyList<IReadOnlyDictionary<string, double>> candidates, IReadOnlyList<Objective> objectives)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(objectives);
        var n = candidates.Count;
        var m = objectives.Count;
        var d = new double[n, m];
        var scores = new double[n];
        var totalWeight = objectives.Sum(o => o.Weight);
        for (var i = 0; i < n; i++)
        {
            var logSum = 0.0;
            for (var j = 0; j < m; j++)
            {
                var value = candidates[i].TryGetValue(objectives[j].Property, out var v) ? v : double.NaN;
                d[i, j] = objectives[j].Transform.Evaluate(value);
                logSum += objectives[j].Weight * Math.Log(Math.Max(d[i, j], Floor));
            }
            scores[i] = m == 0 || totalWeight <= 0 ? 1.0 : Math.Exp(logSum / totalWeight);
        }

        var pareto = ParetoFront(d, n, m);
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        var results = new RankedResult[n];
        for (var r = 0; r < n; r++)
        {
            var i = order[r];
            var desirabilities = new Dictionary<string, double>(m, StringComparer.Ordinal);
            for (var j = 0; j < m; j++) desirabilities[objectives[j].Property] = d[i, j];
            results[i] = new RankedResult(i, r + 1, scores[i], pareto[i], desirabilities);
        }
        return results;
    }

    /// <summary>True for each row not dominated by another (≥ on every column and &gt; on one).</summary>
    internal static bool[] ParetoFront(double[,] values, int n, int m)
    {
        var front = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var dominated = false;
            for (var k = 0; k < n && !dominated; k++)
            {
                if (k == i) continue;
                var allGe = true;
                var oneGt = false;
                for (var j = 0; j < m; j++)
                {
                    if (values[k, j] < values[i, j]) { allGe = false; break; }
                    if (values[k, j] > values[i, j]) oneGt = true;
                }
                dominated = allGe && oneGt;
            }
            front[i] = !dominated;
        }
        return front;
    }
}
