namespace MolForge.Application.Screening;

/// <summary>The per-process (per-silo) bound on molecules scored at the same time, shared by every chunk.</summary>
public sealed class ScreeningConcurrency(ScreeningLimits limits) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, limits?.MaxConcurrentScoresPerSilo ?? 1));

    /// <summary>Runs <paramref name="work"/> on the thread pool once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _slots.Dispose();
}
