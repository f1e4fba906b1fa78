using MolForge.Chem.Core;

namespace MolForge.Application.Design;

/// <summary>Validates a prompt's values (the web form and the JSON reader share it): count within limits,
/// non-empty, ordered ranges of known properties, known elements, valid scoring settings and, when a checker is
/// given, parseable scaffold and SMARTS.</summary>
public static class DesignPromptValidator
{
    /// <summary>Every problem, each naming its field; empty when the prompt is usable.</summary>
    public static IReadOnlyList<PromptError> Validate(DesignPrompt prompt, DesignLimits limits, IStructureChecker? checker = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<PromptError>();
        if (prompt.Count < 1 || prompt.Count > limits.MaxCount)
            errors.Add(new PromptError("count", $"must be between 1 and {limits.MaxCount} (got {prompt.Count})"));

        foreach (var (name, range) in prompt.Properties)
        {
            var field = $"properties.{name}";
            if (!PropertyNames.All.Contains(name))
                errors.Add(new PromptError(field, $"unknown property; known: {string.Join(", ", PropertyNames.All.Order(StringComparer.Ordinal))}"));
            else if (double.IsNaN(range.Min) || double.IsNaN(range.Max) || double.IsInfinity(range.Min) || double.IsInfinity(range.Max))
                errors.Add(new PromptError(field, "bounds must be finite numbers"));
            else if (range.Min > range.Max)
                errors.Add(new PromptError(field, $"range is inverted: min {range.Min} > max {range.Max}"));
        }

        for (var i = 0; i < prompt.Elements.Count; i++)
        {
            var symbol = prompt.Elements[i];
            if (Elements.FromSymbol(symbol) is not { } z || z == 0)
                errors.Add(new PromptError($"elements[{i}]", $"unknown element '{symbol}'"));
        }

        if (prompt.Required.Count + prompt.Forbidden.Count > limits.MaxPatterns)
            errors.Add(new PromptError("required", $"at most {limits.MaxPatterns} required + forbidden patterns"));
        CheckPatterns(prompt.Required, "required", limits, checker, errors);
        CheckPatterns(prompt.Forbidden, "forbidden", limits, checker, errors);
        if (prompt.Scaffold is { } scaffold)
        {
            if (scaffold.Length > limits.MaxPatternLength)
                errors.Add(new PromptError("scaffold", $"longer than {limits.MaxPatternLength} characters"));
            else if (checker?.CheckScaffold(scaffold) is { } reason)
                errors.Add(new PromptError("scaffold", reason));
        }

        ValidateScoring(prompt.Scoring, limits, errors);
        return errors;
    }

    private static void CheckPatterns(IReadOnlyList<string> patterns, string field, DesignLimits limits, IStructureChecker? checker, List<PromptError> errors)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (patterns[i].Length > limits.MaxPatternLength)
                errors.Add(new PromptError($"{field}[{i}]", $"longer than {limits.MaxPatternLength} characters"));
            else if (checker?.CheckSmarts(patterns[i]) is { } reason)
                errors.Add(new PromptError($"{field}[{i}]", $"'{patterns[i]}': {reason}"));
        }
    }

    private static void ValidateScoring(ScoringSettings s, DesignLimits limits, List<PromptError> errors)
    {
        OneOf(s.Basis, ScoringSettings.Bases, "scoring.basis", errors);
        OneOf(s.Method, ScoringSettings.Methods, "scoring.method", errors);
        OneOf(s.Backend, ScoringSettings.Backends, "scoring.backend", errors);
        OneOf(s.Mapping, ScoringSettings.Mappings, "scoring.mapping", errors);
        OneOf(s.Ansatz, ScoringSettings.Ansatzes, "scoring.ansatz", errors);
        OneOf(s.Orbitals, ScoringSettings.OrbitalChoices, "scoring.orbitals", errors);
        if (s.ActiveElectrons < 2 || s.ActiveElectrons % 2 != 0)
            errors.Add(new PromptError("scoring.active", $"electrons must be even and at least 2 (got {s.ActiveElectrons})"));
        if (s.ActiveOrbitals < 1 || s.ActiveOrbitals > limits.MaxActiveOrbitals)
            errors.Add(new PromptError("scoring.active", $"orbitals must be between 1 and {limits.MaxActiveOrbitals} (got {s.ActiveOrbitals})"));
        if (s.ActiveElectrons > 2 * s.ActiveOrbitals)
            errors.Add(new PromptError("scoring.active", $"{s.ActiveElectrons} electrons do not fit in {s.ActiveOrbitals} orbitals"));
        if (s.ActiveElectrons / 2 > 0 && s.ActiveElectrons / 2 == s.ActiveOrbitals && s.Method != "rhf")
            errors.Add(new PromptError("scoring.active", "the active space needs at least one virtual orbital"));
        if (s.Shots < 1 || s.Shots > 10_000_000)
            errors.Add(new PromptError("scoring.shots", $"must be between 1 and 10000000 (got {s.Shots})"));
    }

    private static void OneOf(string value, IReadOnlyList<string> allowed, string field, List<PromptError> errors)
    {
        if (!allowed.Contains(value, StringComparer.Ordinal))
            errors.Add(new PromptError(field, $"'{value}' is not one of {string.Join(", ", allowed)}"));
    }
}
