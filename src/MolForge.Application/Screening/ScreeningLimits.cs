namespace MolForge.Application.Screening;

/// <summary>Limits and tuning of bulk screening jobs.</summary>
public sealed record ScreeningLimits
{
    /// <summary>Input files larger than this (bytes, as stored on disk) are refused before the job starts.</summary>
    public long MaxInputBytes { get; init; } = 1L << 30;

    /// <summary>Input files with more records than this are refused before the job starts.</summary>
    public int MaxRecords { get; init; } = 5_000_000;

    /// <summary>Records per chunk: the unit of work a chunk grain owns (and the unit a surviving worker takes over).</summary>
    public int ChunkSize { get; init; } = 16;

    /// <summary>Scored items are written (with the job's counts) every this many items; 1 = a checkpoint per item,
    /// so a crash loses at most the items being scored at that moment.</summary>
    public int CheckpointEvery { get; init; } = 1;

    /// <summary>Molecules scored at the same time on one silo (bounded concurrency per silo).</summary>
    public int MaxConcurrentScoresPerSilo { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
