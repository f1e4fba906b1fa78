namespace MolForge.Application.Storage;

/// <summary>A durable bulk screening job over an input file; counts are of input lines.</summary>
public sealed class ScreeningJob
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The job's name, unique per owner (the CLI's --job).</summary>
    public string Name { get; set; } = "";

    public string OwnerId { get; set; } = "";

    /// <summary>Where the input was read from (a path the workers can reach).</summary>
    public string InputPath { get; set; } = "";

    /// <summary>SHA-256 of the input file, to refuse resuming with another file.</summary>
    public string InputSha256 { get; set; } = "";

    /// <summary>Scoring settings (JSON), compared on resume.</summary>
    public string SettingsJson { get; set; } = "{}";

    public RunStatus Status { get; set; }

    /// <summary>Why the job failed (status <see cref="RunStatus.Failed"/>); null otherwise. Cleared when it is resumed.</summary>
    public string? Error { get; set; }

    public int Total { get; set; }
    public int Done { get; set; }
    public int Failed { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>Outcome of one input line of a screening job.</summary>
public enum ScreeningItemStatus
{
    Done = 0,
    Invalid = 1,
    Failed = 2,
}

/// <summary>One input line's result, keyed by (job, line index) so that writes are idempotent.</summary>
public sealed class ScreeningItem
{
    public Guid JobId { get; set; }

    /// <summary>0-based index of the input record.</summary>
    public int LineIndex { get; set; }

    public string Smiles { get; set; } = "";
    public string Name { get; set; } = "";
    public ScreeningItemStatus Status { get; set; }
    public string? Error { get; set; }
    public double? EHf { get; set; }
    public double? Homo { get; set; }
    public double? Lumo { get; set; }
    public double? HomoLumoGap { get; set; }
    public double? EVqe { get; set; }
    public double? MolWeight { get; set; }
    public double? CLogP { get; set; }
    public double? Qed { get; set; }
    public double Seconds { get; set; }
}

/// <summary>A cached scoring result keyed by canonical SMILES + scoring settings.</summary>
public sealed class ScoreCacheEntry
{
    /// <summary>Canonical SMILES, a bar, and <see cref="Design.ScoringSettings.CacheKey"/>.</summary>
    public string Key { get; set; } = "";

    /// <summary>The serialised result.</summary>
    public string ResultJson { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
