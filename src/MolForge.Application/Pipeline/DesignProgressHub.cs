using System.Collections.Concurrent;

namespace MolForge.Application.Pipeline;

/// <summary>Fan-out of design progress to whoever watches a run (web pages), and the latest state per run and
/// candidate for late joiners. Thread-safe; subscribers are called on the pipeline's threads.</summary>
public sealed class DesignProgressHub
{
    private readonly ConcurrentDictionary<Guid, RunState> _runs = new();

    /// <summary>Records and forwards a progress report.</summary>
    public void Publish(DesignProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var state = _runs.GetOrAdd(progress.RunId, _ => new RunState());
        Action<DesignProgress>[] listeners;
        lock (state)
        {
            state.Latest = progress;
            if (progress.Candidate is { } c) state.Candidates[c.Index] = c;
            listeners = [.. state.Listeners];
        }
        foreach (var listener in listeners) listener(progress);
    }

    /// <summary>The last report of a run, or null when none (not started in this process).</summary>
    public DesignProgress? Latest(Guid runId) => _runs.TryGetValue(runId, out var s) ? s.Latest : null;

    /// <summary>The latest stage of each candidate of a run, by index.</summary>
    public IReadOnlyList<CandidateProgress> Candidates(Guid runId)
    {
        if (!_runs.TryGetValue(runId, out var s)) return [];
        lock (s) return [.. s.Candidates.Values.OrderBy(c => c.Index)];
    }

    /// <summary>Calls <paramref name="listener"/> on every report of <paramref name="runId"/> until disposed.</summary>
    public IDisposable Subscribe(Guid runId, Action<DesignProgress> listener)
    {
        var state = _runs.GetOrAdd(runId, _ => new RunState());
        lock (state) state.Listeners.Add(listener);
        return new Subscription(() => { lock (state) state.Listeners.Remove(listener); });
    }

    private sealed class RunState
    {
        public DesignProgress? Latest { get; set; }
        public Dictionary<int, CandidateProgress> Candidates { get; } = [];
        public List<Action<DesignProgress>> Listeners { get; } = [];
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
