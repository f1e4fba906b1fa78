using System.Text.Json;

namespace MolForge.Application.Design;

/// <summary>Reads a design prompt from its JSON (shared/CLI.md) and validates it, naming the field of every
/// problem. All keys but <c>count</c> are optional.</summary>
public static class DesignPromptReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 };

    /// <summary>Parses and validates; throws <see cref="DesignPromptException"/> listing every problem.</summary>
    public static DesignPrompt Parse(string json, DesignLimits? limits = null, IStructureChecker? checker = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        limits ??= new DesignLimits();
        var errors = new List<PromptError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            throw new DesignPromptException([new PromptError("", $"not valid JSON: {ex.Message}")]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new DesignPromptException([new PromptError("", "the prompt must be a JSON object")]);
            var prompt = Read(root, errors);
            errors.AddRange(DesignPromptValidator.Validate(prompt, limits, checker));
            if (errors.Count > 0) throw new DesignPromptException(errors);
            return prompt;
        }
    }

    private static DesignPrompt Read(JsonElement root, List<PromptError> errors)
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { "scaffold", "count", "seed", "properties", "required", "forbidden", "elements", "scoring" };
        foreach (var property in root.EnumerateObject())
            if (!known.Contains(property.Name)) errors.Add(new PromptError(property.Name, "unknown key"));

        var count = 0;
        if (!root.TryGetProperty("count", out var countElement)) errors.Add(new PromptError("count", "is required"));
        else if (!countElement.TryGetInt32(out count)) errors.Add(new PromptError("count", "must be an integer"));

        var scaffold = ReadString(root, "scaffold", errors);
        int? seed = null;
        if (root.TryGetProperty("seed", out var seedElement) && seedElement.ValueKind != JsonValueKind.Null)
        {
            if (seedElement.TryGetInt32(out var s)) seed = s;
            else errors.Add(new PromptError("seed", "must be an integer"));
        }

        var ranges = new Dictionary<string, PropertyRange>(StringComparer.Ordinal);
        if (root.TryGetProperty("properties", out var props) && props.ValueKind != JsonValueKind.Null)
        {
            if (props.ValueKind != JsonValueKind.Object) errors.Add(new PromptError("properties", "must be an object of [min, max] ranges"));
            else
                foreach (var p in props.EnumerateObject())
                {
                    var field = $"properties.{p.Name}";
                    if (p.Value.ValueKind != JsonValueKind.Array || p.Value.GetArrayLength() != 2
                        || !p.Value[0].TryGetDouble(out var min) || !p.Value[1].TryGetDouble(out var max))
                    {
                        errors.Add(new PromptError(field, "must be [min, max] with two numbers"));
                        continue;
                    }
                    ranges[p.Name] = new PropertyRange(min, max);
                }
        }

        var scoring = new ScoringSettings();
        if (root.TryGetProperty("scoring", out var sc) && sc.ValueKind != JsonValueKind.Null)
        {
            if (sc.ValueKind != JsonValueKind.Object) errors.Add(new PromptError("scoring", "must be an object"));
            else scoring = ReadScoring(sc, errors);
        }

        return new DesignPrompt(count, scaffold, seed, ranges,
            ReadStringList(root, "required", errors), ReadStringList(root, "forbidden", errors),
            ReadStringList(root, "elements", errors), scoring);
    }

    private static ScoringSettings ReadScoring(JsonElement sc, List<PromptError> errors)
    {
        var s = new ScoringSettings();
        foreach (var p in sc.EnumerateObject())
        {
            var field = $"scoring.{p.Name}";
            switch (p.Name)
            {
                case "basis": s = s with { Basis = Text(p.Value, field, errors) ?? s.Basis }; break;
                case "method": s = s with { Method = Text(p.Value, field, errors) ?? s.Method }; break;
                case "backend": s = s with { Backend = Text(p.Value, field, errors) ?? s.Backend }; break;
                case "mapping": s = s with { Mapping = Text(p.Value, field, errors) ?? s.Mapping }; break;
                case "ansatz": s = s with { Ansatz = Text(p.Value, field, errors) ?? s.Ansatz }; break;
                case "orbitals": s = s with { Orbitals = Text(p.Value, field, errors) ?? s.Orbitals }; break;
                case "shots":
                    if (p.Value.TryGetInt32(out var shots)) s = s with { Shots = shots };
                    else errors.Add(new PromptError(field, "must be an integer"));
                    break;
                case "active":
                    if (p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2
                        && p.Value[0].TryGetInt32(out var ne) && p.Value[1].TryGetInt32(out var no))
                        s = s with { ActiveElectrons = ne, ActiveOrbitals = no };
                    else errors.Add(new PromptError(field, "must be [electrons, orbitals] with two integers"));
                    break;
                default: errors.Add(new PromptError(field, "unknown key")); break;
            }
        }
        return s;
    }

    private static string? Text(JsonElement value, string field, List<PromptError> errors)
    {
        if (value.ValueKind == JsonValueKind.String) return value.GetString()!.Trim().ToLowerInvariant();
        errors.Add(new PromptError(field, "must be a string"));
        return null;
    }

    private static string? ReadString(JsonElement root, string name, List<PromptError> errors)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind == JsonValueKind.String)
        {
            var text = e.GetString()!.Trim();
            return text.Length == 0 ? null : text;
        }
        errors.Add(new PromptError(name, "must be a string"));
        return null;
    }

    private static string[] ReadStringList(JsonElement root, string name, List<PromptError> errors)
    {
        if (!root.TryGetProperty(name, out var e) || e.ValueKind == JsonValueKind.Null) return [];
        if (e.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new PromptError(name, "must be an array of strings"));
            return [];
        }
        var list = new List<string>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString()!.Trim() is { Length: > 0 } s) list.Add(s);
            else errors.Add(new PromptError($"{name}[{i}]", "must be a non-empty string"));
            i++;
        }
        return [.. list];
    }
}
