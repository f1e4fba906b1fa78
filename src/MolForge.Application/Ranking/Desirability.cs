namespace MolForge.Application.Ranking;

/// <summary>Maps a raw property value to a desirability in [0, 1], as REINVENT's score transformations do
/// (Blaschke et al., J. Chem. Inf. Model. 2020, 60, 5918: sigmoid, reverse sigmoid, double sigmoid, step).</summary>
public abstract record Desirability
{
    /// <summary>The desirability of <paramref name="value"/>; NaN input (not computed) gives 0.</summary>
    public abstract double Evaluate(double value);

    /// <summary>A range target: about 1 inside [low, high], falling smoothly outside. The transition width
    /// defaults to a tenth of the range width (or 0.05 for a point range) so that the edges stay inclusive
    /// (value at a bound ≈ 0.5 of the way down is avoided by shifting the midpoints outwards by one width).</summary>
    public static Desirability Range(double low, double high, double? transitionWidth = null)
    {
        var width = transitionWidth ?? Math.Max((high - low) / 10, 0.05 * Math.Max(1, Math.Abs(high)));
        return new DoubleSigmoid(low - width, high + width, width);
    }

    /// <summary>Higher is better: ≈0 below <paramref name="low"/>, ≈1 above <paramref name="high"/>.</summary>
    public static Desirability Increasing(double low, double high) => new Sigmoid(low, high, false);

    /// <summary>Lower is better: ≈1 below <paramref name="low"/>, ≈0 above <paramref name="high"/>.</summary>
    public static Desirability Decreasing(double low, double high) => new Sigmoid(low, high, true);

    /// <summary>1 inside [low, high] (inclusive), 0 outside.</summary>
    public static Desirability Step(double low, double high) => new StepTransform(low, high);

    // 10-based logistic as REINVENT writes it: 1 / (1 + 10^(-t)).
    private protected static double Logistic10(double t) => t > 300 ? 1 : t < -300 ? 0 : 1 / (1 + Math.Pow(10, -t));

    private sealed record Sigmoid(double Low, double High, bool Reverse) : Desirability
    {
        public override double Evaluate(double value)
        {
            if (double.IsNaN(value)) return 0;
            // REINVENT: 1 / (1 + 10^(k * ((low + high)/2 - x) * 10 / (high - low))), k = 0.5.
            var span = Math.Max(High - Low, 1e-12);
            var t = 0.5 * 10 * (value - ((Low + High) / 2)) / span;
            var d = Logistic10(t);
            return Reverse ? 1 - d : d;
        }
    }

    private sealed record DoubleSigmoid(double Low, double High, double Width) : Desirability
    {
        public override double Evaluate(double value)
        {
            if (double.IsNaN(value)) return 0;
            // Rise at Low, fall at High; slope chosen so the 10%-90% transition spans about Width.
            var k = 2 * Math.Log10(9) / Math.Max(Width, 1e-12);
            return Math.Clamp(Logistic10(k * (value - Low)) - Logistic10(k * (value - High)), 0, 1);
        }
    }

    private sealed record StepTransform(double Low, double High) : Desirability
    {
        public override double Evaluate(double value) => value >= Low && value <= High ? 1 : 0;
    }
}
