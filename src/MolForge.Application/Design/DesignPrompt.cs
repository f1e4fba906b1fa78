namespace MolForge.Application.Design;

/// <summary>A chemist's design prompt (the JSON object of shared/CLI.md; the web form writes the same).</summary>
/// <param name="Count">How many candidates to return.</param>
/// <param name="Scaffold">SMILES or SMARTS every candidate must contain, or null.</param>
/// <param name="Seed">Random seed for generation, or null for a fresh one.</param>
/// <param name="Properties">Inclusive ranges by property name (see <see cref="PropertyNames"/>).</param>
/// <param name="Required">SMARTS every candidate must match.</param>
/// <param name="Forbidden">SMARTS no candidate may match.</param>
/// <param name="Elements">Allowed element symbols, or empty for any.</param>
/// <param name="Scoring">Quantum-chemistry scoring settings.</param>
public sealed record DesignPrompt(
    int Count,
    string? Scaffold,
    int? Seed,
    IReadOnlyDictionary<string, PropertyRange> Properties,
    IReadOnlyList<string> Required,
    IReadOnlyList<string> Forbidden,
    IReadOnlyList<string> Elements,
    ScoringSettings Scoring);

/// <summary>An inclusive range [Min, Max].</summary>
public readonly record struct PropertyRange(double Min, double Max)
{
    /// <summary>True when <paramref name="value"/> lies in the range (inclusive).</summary>
    public bool Contains(double value) => value >= Min && value <= Max;
}

/// <summary>The property names a prompt may constrain, as in shared/CLI.md's describe columns.</summary>
public static class PropertyNames
{
    public const string MolWeight = "mol_weight";
    public const string CLogP = "clogp";
    public const string Qed = "qed";
    public const string Tpsa = "tpsa";
    public const string Hbd = "hbd";
    public const string Hba = "hba";
    public const string RotatableBonds = "rotatable_bonds";
    public const string HeavyAtoms = "heavy_atoms";
    public const string HomoLumoGap = "homo_lumo_gap";

    /// <summary>Every known name.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        MolWeight, CLogP, Qed, Tpsa, Hbd, Hba, RotatableBonds, HeavyAtoms, HomoLumoGap,
    };

    /// <summary>True for properties that need quantum chemistry (not known before scoring).</summary>
    public static bool IsQuantum(string name) => name == HomoLumoGap;
}
