using System.Text.Json;
using System.Text.Json.Serialization;
using MolForge.Application.Design;

namespace MolForge.Application.Screening;

/// <summary>What is stored in <see cref="Storage.ScreeningJob.SettingsJson"/>: the scoring settings (compared when a
/// job is resumed) and the fixed layout of the job (chunk size, input format).</summary>
/// <param name="Scoring">How each molecule is scored.</param>
/// <param name="ChunkSize">Records per chunk (fixed for the life of the job: chunk indexes derive from it).</param>
/// <param name="Format">Input format: smi, csv or sdf.</param>
public sealed record ScreeningJobSpec(ScoringSettings Scoring, int ChunkSize, string Format)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serialises to the stored JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the stored JSON.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a job spec.</exception>
    public static ScreeningJobSpec FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ScreeningJobSpec>(json, Json) ?? throw new InvalidDataException("empty screening job settings");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"unreadable screening job settings: {ex.Message}", ex);
        }
    }

    /// <summary>A one-line description of the scoring settings for messages.</summary>
    public static string Describe(ScoringSettings s) =>
        s.Method == "rhf" || s.Method == "huckel"
            ? $"method {s.Method}, basis {s.Basis}"
            : $"method {s.Method}, basis {s.Basis}, active {ScoringSettings.DescribeActiveSpace(s.ActiveElectrons, s.ActiveOrbitals, s.Orbitals)}, backend {s.Backend}";
}
