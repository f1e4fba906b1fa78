using System.Globalization;
using System.Text.Json;

namespace MolForge.Application.Generation;

/// <summary>Thrown when a design prompt is not usable; the message names the field.</summary>
public sealed class PromptException(string message) : FormatException(message);

/// <summary>The generation part of a design prompt (shared CLI.md): scaffold, count, seed, property ranges,
/// required/forbidden SMARTS and allowed elements. Other keys (scoring, …) are ignored here.</summary>
public sealed record GenerationPrompt
{
    /// <summary>SMILES (grown from) or SMARTS (filtered on) the candidates must contain.</summary>
    public string? Scaffold { get; init; }

    /// <summary>How many distinct candidates.</summary>
    public int Count { get; init; } = 10;

    /// <summary>Seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Inclusive ranges by property name (mol_weight, clogp, qed; others such as homo_lumo_gap are not
    /// known at generation time and are left to the scoring stage).</summary>
    public Dictionary<string, (double Min, double Max)> Properties { get; init; } = [];

    /// <summary>SMARTS every candidate must contain.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];

    /// <summary>SMARTS no candidate may contain.</summary>
    public IReadOnlyList<string> Forbidden { get; init; } = [];

    /// <summary>Allowed element symbols (null = any the model knows). H is always allowed.</summary>
    public IReadOnlyList<string>? Elements { get; init; }

    /// <summary>Parses the prompt JSON.</summary>
    /// <exception cref="PromptException">Bad JSON or a field of the wrong shape (the message names it).</exception>
    public static GenerationPrompt Parse(string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new PromptException($"prompt is not valid JSON: {e.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new PromptException("prompt must be a JSON object");
            var p = new GenerationPrompt();
            if (root.TryGetProperty("scaffold", out var s) && s.ValueKind != JsonValueKind.Null)
                p = p with { Scaffold = s.ValueKind == JsonValueKind.String ? s.GetString() : throw new PromptException("'scaffold' must be a string") };
            if (root.TryGetProperty("count", out var c))
            {
                if (c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out var n) || n < 1) throw new PromptException("'count' must be a positive integer");
                p = p with { Count = n };
            }
            else throw new PromptException("'count' is required");
            if (root.TryGetProperty("seed", out var sd) && sd.ValueKind != JsonValueKind.Null)
                p = p with { Seed = sd.TryGetInt32(out var seed) ? seed : throw new PromptException("'seed' must be an integer") };
            if (root.TryGetProperty("properties", out var props) && props.ValueKind != JsonValueKind.Null)
            {
                if (props.ValueKind != JsonValueKind.Object) throw new PromptException("'properties' must be an object");
                var d = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
                foreach (var prop in props.EnumerateObject())
                {
                    var v = prop.Value;
                    if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != 2 || v[0].ValueKind != JsonValueKind.Number || v[1].ValueKind != JsonValueKind.Number)
                        throw new PromptException($"'properties.{prop.Name}' must be [min, max]");
                    var (lo, hi) = (v[0].GetDouble(), v[1].GetDouble());
                    if (lo > hi) throw new PromptException(string.Create(CultureInfo.InvariantCulture, $"'properties.{prop.Name}': min {lo} > max {hi}"));
                    d[prop.Name] = (lo, hi);
                }
                p = p with { Properties = d };
            }
            p = p with { Required = Strings(root, "required") ?? [], Forbidden = Strings(root, "forbidden") ?? [], Elements = Strings(root, "elements") };
            return p;
        }
    }

    private static List<string>? Strings(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var a) || a.ValueKind == JsonValueKind.Null) return null;
        if (a.ValueKind != JsonValueKind.Array) throw new PromptException($"'{name}' must be an array of strings");
        var list = new List<string>();
        var i = 0;
        foreach (var e in a.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.String) throw new PromptException($"'{name}[{i}]' must be a string");
            list.Add(e.GetString()!);
            i++;
        }
        return list;
    }
}
