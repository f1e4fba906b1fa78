namespace MolForge.Web.Design;

/// <summary>One property range row of the design form: whether it constrains the design, and its bounds.</summary>
public sealed class PropertyRangeField(string name, string label, string unit, double defaultMin, double defaultMax, double step, bool enabled)
{
    /// <summary>The prompt's property name (<see cref="Application.Design.PropertyNames"/>).</summary>
    public string Name { get; } = name;

    /// <summary>What a chemist calls it.</summary>
    public string Label { get; } = label;

    /// <summary>Unit shown beside the fields (empty when dimensionless).</summary>
    public string Unit { get; } = unit;

    /// <summary>Increment of the numeric fields.</summary>
    public double Step { get; } = step;

    /// <summary>True when the range is part of the prompt.</summary>
    public bool Enabled { get; set; } = enabled;

    public double? Min { get; set; } = defaultMin;

    public double? Max { get; set; } = defaultMax;
}
