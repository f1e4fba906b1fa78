using System.Text;
using MolForge.Application.Design;

namespace MolForge.Web.Jobs;

/// <summary>The Jobs page's form: a job name and scoring settings (the file is checked by <see cref="JobUploadStore"/>).</summary>
public sealed class JobFormModel
{
    /// <summary>Methods offered in the page.</summary>
    public static readonly IReadOnlyList<string> Methods = ["rhf", "vqe"];

    public string Name { get; set; } = "";

    public string Method { get; set; } = "rhf";

    public string Basis { get; set; } = "sto-3g";

    public int ActiveElectrons { get; set; } = 2;

    public int ActiveOrbitals { get; set; } = 2;

    /// <summary>Field name → message for every problem (empty when the form can be submitted).</summary>
    public IReadOnlyDictionary<string, string> Validate(int maxActiveOrbitals)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Name.Trim();
        if (name.Length == 0) errors["name"] = "give the job a name";
        else if (name.Length > 200) errors["name"] = $"at most 200 characters (got {name.Length})";
        else if (name.Any(char.IsControl)) errors["name"] = "no control characters";
        if (!Methods.Contains(Method)) errors["method"] = $"choose {string.Join(" or ", Methods)}";
        if (!ScoringSettings.Bases.Contains(Basis)) errors["basis"] = $"choose one of {string.Join(", ", ScoringSettings.Bases)}";
        if (Method == "vqe")
        {
            if (ActiveOrbitals < 1 || ActiveOrbitals > maxActiveOrbitals)
                errors["active-orbitals"] = $"orbitals must be between 1 and {maxActiveOrbitals}";
            if (ActiveElectrons < 1 || ActiveElectrons > 2 * Math.Max(ActiveOrbitals, 0))
                errors["active-electrons"] = $"electrons must be between 1 and 2 × orbitals ({2 * Math.Max(ActiveOrbitals, 0)})";
        }
        return errors;
    }

    /// <summary>The scoring settings (for RHF the active space stays at the CLI's default 2,2, so that a job started
    /// with <c>molforge screen --method rhf</c> and one from this page compare equal).</summary>
    public ScoringSettings ToScoring() => Method == "vqe"
        ? new ScoringSettings(Basis: Basis, ActiveElectrons: ActiveElectrons, ActiveOrbitals: ActiveOrbitals, Method: "vqe")
        : new ScoringSettings(Basis: Basis, Method: Method);

    /// <summary>A job name from an uploaded file's name (without extensions).</summary>
    public static string SuggestName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var stem = fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? fileName[..^3] : fileName;
        stem = Path.GetFileNameWithoutExtension(stem);
        var sb = new StringBuilder();
        foreach (var ch in stem) sb.Append(char.IsControl(ch) ? '_' : ch);
        var s = sb.ToString().Trim();
        return s.Length == 0 ? "screen" : s.Length > 100 ? s[..100] : s;
    }
}
