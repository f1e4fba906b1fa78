namespace MolForge.Application.Pipeline;

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread, in order (System.Progress posts to the
/// thread pool, which can reorder reports).</summary>
public sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
