namespace MolForge.Web.Jobs;

/// <summary>Settings of the Jobs page and the co-hosted screening silo (configuration section <c>Screening</c>).</summary>
public sealed class ScreeningWebOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Screening";

    /// <summary>Largest input file a user may upload (bytes, as uploaded: a .gz counts compressed). Larger files are
    /// refused in the page before anything is sent.</summary>
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most records an uploaded input may hold.</summary>
    public int MaxRecords { get; set; } = 1_000_000;

    /// <summary>Where uploaded inputs are kept (every worker of a cluster must be able to read it). Default: an
    /// <c>uploads</c> folder beside the SQLite database, or under the user's MolForge data folder.</summary>
    public string? UploadFolder { get; set; }

    /// <summary>Molecules this app's silo scores at once (default: the number of cores).</summary>
    public int Parallel { get; set; } = Math.Max(1, Environment.ProcessorCount);
}
