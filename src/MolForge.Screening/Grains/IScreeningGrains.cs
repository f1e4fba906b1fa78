using Orleans.Concurrency;

namespace MolForge.Screening.Grains;

/// <summary>Coordinates one screening job (key: the job id): plans its chunks, keeps a window of them in flight on
/// chunk grains across the cluster, and marks the job completed when every line has an item.</summary>
public interface IScreeningJobGrain : IGrainWithGuidKey
{
    /// <summary>Starts the coordination loop if it is not running (idempotent; every silo's pump calls it).</summary>
    Task EnsureRunningAsync();

    /// <summary>Stops the loop and the job's chunks (after the job was cancelled).</summary>
    Task StopAsync();

    /// <summary>A chunk finished: poll now rather than at the next interval (a hint; polling alone is correct).</summary>
    [OneWay]
    Task ChunkFinishedAsync();
}

/// <summary>Processes one chunk of a job (key: <c>{jobId:N}/{chunkIndex}</c>). Work runs in the background;
/// <see cref="PollAsync"/> starts it when needed and reports where it is, so a chunk whose silo died is simply
/// started again (skipping stored lines) on the activation that the next poll creates elsewhere.</summary>
public interface IScreeningChunkGrain : IGrainWithStringKey
{
    /// <summary>Starts the chunk unless it is running or finished; returns its state.</summary>
    Task<ChunkState> PollAsync(ChunkWork work);

    /// <summary>Stops the chunk's work.</summary>
    Task CancelAsync();
}

/// <summary>What a chunk grain needs to find its records.</summary>
[GenerateSerializer, Immutable]
public sealed record ChunkWork(
    [property: Id(0)] Guid JobId,
    [property: Id(1)] int Index,
    [property: Id(2)] int FirstRecord,
    [property: Id(3)] int Count,
    [property: Id(4)] long ByteOffset,
    [property: Id(5)] long FirstLineNumber,
    [property: Id(6)] int SmilesColumn,
    [property: Id(7)] int NameColumn,
    [property: Id(8)] char Delimiter);

/// <summary>Where a chunk is.</summary>
public enum ChunkStatus
{
    Running = 0,
    Completed = 1,
    Faulted = 2,
}

/// <summary>A chunk's state as reported to the job grain.</summary>
[GenerateSerializer, Immutable]
public sealed record ChunkState([property: Id(0)] ChunkStatus Status, [property: Id(1)] int Stored, [property: Id(2)] string? Error, [property: Id(3)] string Silo);
