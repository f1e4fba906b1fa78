namespace MolForge.Application.Storage;

/// <summary>Where a design run or screening job is in its life.</summary>
public enum RunStatus
{
    Pending = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,
    Cancelled = 4,
}

/// <summary>A user's design run: the prompt, its status and its candidates.</summary>
public sealed class DesignRun
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The owning user (Identity user id; "cli" for runs made on the command line).</summary>
    public string OwnerId { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>The prompt exactly as submitted (JSON of shared/CLI.md).</summary>
    public string PromptJson { get; set; } = "{}";

    public RunStatus Status { get; set; }

    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Seconds spent per pipeline stage (JSON object), for the report of where time goes.</summary>
    public string StageSecondsJson { get; set; } = "{}";

    /// <summary>MolForge version and core versions that produced the run.</summary>
    public string SoftwareVersion { get; set; } = "";

    public List<Candidate> Candidates { get; set; } = [];
}
