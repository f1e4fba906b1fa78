using MolForge.Application.Ranking;

namespace MolForge.Application.Tests.Ranking;

public sealed class CandidateRankerTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.5)]
    [InlineData(4.0)]
    public void Range_desirability_is_near_one_inside_including_bounds(double x) =>
        Assert.InRange(Desirability.Range(1, 4).Evaluate(x), 0.95, 1.0);

    [Theory]
    [InlineData(-3.0)]
    [InlineData(8.0)]
    public void Range_desirability_falls_far_outside(double x) =>
        Assert.InRange(Desirability.Range(1, 4).Evaluate(x), 0.0, 0.05);

    [Fact]
    public void Range_desirability_decreases_monotonically_away_from_the_range()
    {
        var d = Desirability.Range(250, 400);
        Assert.True(d.Evaluate(410) > d.Evaluate(420));
        Assert.True(d.Evaluate(240) > d.Evaluate(230));
        Assert.Equal(0, d.Evaluate(double.NaN));
    }

    [Fact]
    public void Step_is_inclusive()
    {
        var d = Desirability.Step(0.5, 1.0);
        Assert.Equal(1, d.Evaluate(0.5));
        Assert.Equal(1, d.Evaluate(1.0));
        Assert.Equal(0, d.Evaluate(0.4999));
    }

    [Fact]
    public void Score_is_the_weighted_geometric_mean_and_ranks_best_first()
    {
        var objectives = new[] { new Objective("a", Desirability.Step(0, 1)), new Objective("b", Desirability.Increasing(0, 10), 3) };
        var candidates = new IReadOnlyDictionary<string, double>[]
        {
            new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 5 },
            new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 10 },
            new Dictionary<string, double> { ["a"] = 2.0, ["b"] = 10 },
        };
        var ranked = CandidateRanker.Rank(candidates, objectives);
        Assert.Equal([2, 1, 3], ranked.Select(r => r.Rank));
        // Candidate 0: d_a = 1, d_b = sigmoid at the midpoint = 0.5 -> (1^1 * 0.5^3)^(1/4).
        Assert.Equal(Math.Pow(0.5, 0.75), ranked[0].Score, 10);
        Assert.Equal(Math.Pow(1e-6 * Math.Pow(ranked[1].Desirabilities["b"], 3), 0.25), ranked[2].Score, 10);
    }

    [Fact]
    public void Pareto_front_marks_the_non_dominated()
    {
        var objectives = new[] { new Objective("x", Desirability.Increasing(0, 1)), new Objective("y", Desirability.Increasing(0, 1)) };
        var candidates = new IReadOnlyDictionary<string, double>[]
        {
            new Dictionary<string, double> { ["x"] = 1.0, ["y"] = 0.0 },
            new Dictionary<string, double> { ["x"] = 0.0, ["y"] = 1.0 },
            new Dictionary<string, double> { ["x"] = 0.2, ["y"] = 0.2 },
            new Dictionary<string, double> { ["x"] = 0.6, ["y"] = 0.6 },
        };
        var ranked = CandidateRanker.Rank(candidates, objectives);
        Assert.Equal([true, true, false, true], ranked.Select(r => r.IsParetoOptimal));
    }
}
