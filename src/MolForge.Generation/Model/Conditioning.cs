namespace MolForge.Generation.Model;

/// <summary>The properties the model is conditioned on (molecular weight, Crippen logP, QED), standardised with
/// the training set's mean and standard deviation. Each property enters as (value, present) so the model also
/// learns the unconditional distribution (properties are dropped at random during training).</summary>
public sealed record Conditioning
{
    /// <summary>Number of conditioned properties.</summary>
    public const int Properties = 3;

    /// <summary>Width of the condition vector.</summary>
    public const int Width = 2 * Properties;

    /// <summary>Property names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mol_weight", "clogp", "qed"];

    /// <summary>Means of the training set.</summary>
    public double[] Mean { get; init; } = [350, 2.5, 0.7];

    /// <summary>Standard deviations of the training set.</summary>
    public double[] Std { get; init; } = [60, 1.4, 0.14];

    /// <summary>Writes the condition vector for property values (NaN = not given).</summary>
    public void Encode(ReadOnlySpan<double> values, Span<float> dst)
    {
        for (var p = 0; p < Properties; p++)
        {
            var v = values[p];
            if (double.IsNaN(v)) { dst[2 * p] = 0; dst[2 * p + 1] = 0; }
            else { dst[2 * p] = (float)Math.Clamp((v - Mean[p]) / Std[p], -4, 4); dst[2 * p + 1] = 1; }
        }
    }
}
