using MolForge.Application.Design;

namespace MolForge.Application.Generation;

/// <summary>What the generator takes from a design prompt: scaffold, count, seed, the property ranges it can
/// condition on and check (mol_weight, clogp, qed; the others, e.g. tpsa or homo_lumo_gap, are left to the design
/// pipeline's ranking), required/forbidden SMARTS and allowed elements. Prompts are read and validated only by
/// <see cref="DesignPromptReader"/>; this is the mapping from its <see cref="DesignPrompt"/>.</summary>
public sealed record GenerationConstraints
{
    /// <summary>SMILES (grown from) or SMARTS (filtered on) the candidates must contain.</summary>
    public string? Scaffold { get; init; }

    /// <summary>How many distinct candidates.</summary>
    public int Count { get; init; } = 10;

    /// <summary>Seed (null: 1).</summary>
    public int? Seed { get; init; }

    /// <summary>Inclusive ranges by prompt property name, only those in <see cref="GenerationService.KnownProperties"/>.</summary>
    public IReadOnlyDictionary<string, PropertyRange> Properties { get; init; } = new Dictionary<string, PropertyRange>(StringComparer.Ordinal);

    /// <summary>SMARTS every candidate must contain.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>SMARTS no candidate may contain.</summary>
    public IReadOnlyList<string> Forbidden { get; init; } = [];

    /// <summary>Allowed element symbols (null = any the model knows). H is always allowed.</summary>
    public IReadOnlyList<string>? Elements { get; init; }

    /// <summary>The generation view of a (read and validated) design prompt.</summary>
    public static GenerationConstraints From(DesignPrompt prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new GenerationConstraints
        {
            Scaffold = prompt.Scaffold,
            Count = prompt.Count,
            Seed = prompt.Seed,
            Properties = prompt.Properties
                .Where(p => GenerationService.KnownProperties.Contains(p.Key, StringComparer.Ordinal))
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Required = prompt.Required,
            Forbidden = prompt.Forbidden,
            Elements = prompt.Elements.Count == 0 ? null : prompt.Elements,
        };
    }
}
