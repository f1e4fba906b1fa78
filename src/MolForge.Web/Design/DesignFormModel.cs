using System.Text;
using System.Text.Json;
using MolForge.Application.Design;

namespace MolForge.Web.Design;

/// <summary>The design page's form state. It builds the same JSON object as the CLI's prompt file (shared/CLI.md) and
/// validates as the user types with <see cref="DesignPromptValidator"/>, plus the checks only a form needs (a range
/// with an empty bound).</summary>
public sealed class DesignFormModel
{
    /// <summary>Elements offered as chips, in the order a chemist expects.</summary>
    public static readonly IReadOnlyList<string> ElementPalette = ["C", "H", "N", "O", "F", "S", "Cl", "Br", "I", "P", "B", "Si", "Se"];

    public string Title { get; set; } = "";

    public string Scaffold { get; set; } = "";

    public int Count { get; set; } = 20;

    public int? Seed { get; set; }

    /// <summary>Property ranges, enabled or not.</summary>
    public List<PropertyRangeField> Ranges { get; } =
    [
        new(PropertyNames.MolWeight, "Molecular weight", "g/mol", 250, 450, 5, true),
        new(PropertyNames.CLogP, "cLogP (Crippen)", "", 1, 4, 0.1, true),
        new(PropertyNames.Qed, "QED", "", 0.5, 1, 0.05, true),
        new(PropertyNames.HomoLumoGap, "HOMO–LUMO gap", "Eh", 0.25, 0.6, 0.01, false),
        new(PropertyNames.Tpsa, "TPSA", "Å²", 20, 120, 5, false),
        new(PropertyNames.Hbd, "H-bond donors", "", 0, 5, 1, false),
        new(PropertyNames.Hba, "H-bond acceptors", "", 0, 10, 1, false),
        new(PropertyNames.RotatableBonds, "Rotatable bonds", "", 0, 8, 1, false),
        new(PropertyNames.HeavyAtoms, "Heavy atoms", "", 10, 35, 1, false),
    ];

    public List<string> Required { get; } = [];

    public List<string> Forbidden { get; } = [];

    /// <summary>Allowed elements (empty = any).</summary>
    public HashSet<string> Elements { get; } = new(StringComparer.Ordinal) { "C", "H", "N", "O", "F", "S", "Cl" };

    public string Basis { get; set; } = "sto-3g";
    public int ActiveElectrons { get; set; } = 2;
    public int ActiveOrbitals { get; set; } = 2;
    public string Method { get; set; } = "vqe";
    public string Backend { get; set; } = "statevector";
    public string Mapping { get; set; } = "jordan-wigner";
    public string Ansatz { get; set; } = "uccsd";
    public int Shots { get; set; } = 10000;
    /// <summary>Orbitals of the active space: "canonical" (around the HOMO/LUMO) or "mp2" (MP2 natural orbitals).</summary>
    public string Orbitals { get; set; } = "canonical";

    /// <summary>The prompt as the Application sees it (ranges with an empty bound are left out; see <see cref="Validate"/>).</summary>
    public DesignPrompt ToPrompt()
    {
        var ranges = new Dictionary<string, PropertyRange>(StringComparer.Ordinal);
        foreach (var r in Ranges)
            if (r.Enabled && r.Min is { } min && r.Max is { } max) ranges[r.Name] = new PropertyRange(min, max);
        var scaffold = string.IsNullOrWhiteSpace(Scaffold) ? null : Scaffold.Trim();
        return new DesignPrompt(Count, scaffold, Seed, ranges, [.. Required], [.. Forbidden], OrderedElements(),
            new ScoringSettings(Basis, ActiveElectrons, ActiveOrbitals, Method, Backend, Mapping, Ansatz, Shots, Orbitals));
    }

    /// <summary>The prompt JSON exactly as the CLI reads it (keys of shared/CLI.md; optional keys only when set).</summary>
    public string ToJson(bool indented = false)
    {
        var prompt = ToPrompt();
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            if (prompt.Scaffold is { } scaffold) w.WriteString("scaffold", scaffold);
            w.WriteNumber("count", prompt.Count);
            if (prompt.Seed is { } seed) w.WriteNumber("seed", seed);
            if (prompt.Properties.Count > 0)
            {
                w.WriteStartObject("properties");
                foreach (var r in Ranges)
                {
                    if (!prompt.Properties.TryGetValue(r.Name, out var range)) continue;
                    w.WriteStartArray(r.Name);
                    w.WriteNumberValue(range.Min);
                    w.WriteNumberValue(range.Max);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            WriteList(w, "required", prompt.Required);
            WriteList(w, "forbidden", prompt.Forbidden);
            WriteList(w, "elements", prompt.Elements);
            var s = prompt.Scoring;
            w.WriteStartObject("scoring");
            w.WriteString("basis", s.Basis);
            w.WriteStartArray("active");
            w.WriteNumberValue(s.ActiveElectrons);
            w.WriteNumberValue(s.ActiveOrbitals);
            w.WriteEndArray();
            w.WriteString("method", s.Method);
            w.WriteString("backend", s.Backend);
            w.WriteString("mapping", s.Mapping);
            w.WriteString("ansatz", s.Ansatz);
            if (s.Backend != "statevector") w.WriteNumber("shots", s.Shots);
            if (s.Orbitals != "canonical") w.WriteString("orbitals", s.Orbitals);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Every problem of the form, each naming its prompt field (e.g. <c>properties.clogp</c>,
    /// <c>required[1]</c>); empty when the form can be submitted.</summary>
    public IReadOnlyList<PromptError> Validate(DesignLimits limits, IStructureChecker? checker)
    {
        var errors = new List<PromptError>();
        foreach (var r in Ranges)
            if (r.Enabled && (r.Min is null || r.Max is null))
                errors.Add(new PromptError($"properties.{r.Name}", "give both a minimum and a maximum, or untick the property"));
        if (Title.Length > 200) errors.Add(new PromptError("title", "at most 200 characters"));
        errors.AddRange(DesignPromptValidator.Validate(ToPrompt(), limits, checker));
        return errors;
    }

    /// <summary>Fills the form from a stored prompt (to design again from an earlier run).</summary>
    public static DesignFormModel FromPrompt(DesignPrompt prompt, string title)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var m = new DesignFormModel { Title = title, Scaffold = prompt.Scaffold ?? "", Count = prompt.Count, Seed = prompt.Seed };
        foreach (var r in m.Ranges)
        {
            r.Enabled = prompt.Properties.TryGetValue(r.Name, out var range);
            if (r.Enabled) (r.Min, r.Max) = (range.Min, range.Max);
        }
        m.Required.AddRange(prompt.Required);
        m.Forbidden.AddRange(prompt.Forbidden);
        m.Elements.Clear();
        foreach (var e in prompt.Elements) m.Elements.Add(e);
        var s = prompt.Scoring;
        (m.Basis, m.ActiveElectrons, m.ActiveOrbitals, m.Method, m.Backend, m.Mapping, m.Ansatz, m.Shots, m.Orbitals) =
            (s.Basis, s.ActiveElectrons, s.ActiveOrbitals, s.Method, s.Backend, s.Mapping, s.Ansatz, s.Shots, s.Orbitals);
        return m;
    }

    private string[] OrderedElements()
    {
        var ordered = ElementPalette.Where(Elements.Contains).ToList();
        ordered.AddRange(Elements.Where(e => !ElementPalette.Contains(e)).Order(StringComparer.Ordinal));
        return [.. ordered];
    }

    private static void WriteList(Utf8JsonWriter w, string name, IReadOnlyList<string> items)
    {
        if (items.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var item in items) w.WriteStringValue(item);
        w.WriteEndArray();
    }
}
