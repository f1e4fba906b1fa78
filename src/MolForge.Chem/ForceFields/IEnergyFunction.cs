namespace MolForge.Chem.ForceFields;

/// <summary>A differentiable scalar function of a flat coordinate vector (force fields, distance-geometry error
/// functions), minimised by <see cref="Lbfgs"/>.</summary>
public interface IEnergyFunction
{
    /// <summary>Number of variables.</summary>
    int Dimension { get; }

    /// <summary>The value at <paramref name="x"/>.</summary>
    double Energy(ReadOnlySpan<double> x);

    /// <summary>The value and, written into <paramref name="gradient"/> (overwritten), its gradient.</summary>
    double EnergyAndGradient(ReadOnlySpan<double> x, Span<double> gradient);
}
