namespace MolForge.Application.Design;

/// <summary>Limits applied to prompts at the boundary (configurable by the hosts).</summary>
public sealed record DesignLimits
{
    /// <summary>Largest candidate count one prompt may ask for.</summary>
    public int MaxCount { get; init; } = 500;

    /// <summary>Longest SMILES/SMARTS string accepted in a prompt.</summary>
    public int MaxPatternLength { get; init; } = 1000;

    /// <summary>Most required + forbidden patterns.</summary>
    public int MaxPatterns { get; init; } = 50;

    /// <summary>Largest active space (spatial orbitals) accepted for VQE/CASCI scoring.</summary>
    public int MaxActiveOrbitals { get; init; } = 8;
}
