using System.Collections.Concurrent;
using System.Threading.Channels;
using MolForge.Application.Design;
using MolForge.Application.Storage;

namespace MolForge.Application.Pipeline;

/// <summary>Submits design runs for background execution (the web app), with progress through
/// <see cref="DesignProgressHub"/> and cancellation. Submitting twice with the same run id (a second tab, a double
/// click) returns the run already there instead of starting another.</summary>
public sealed class DesignRunService(DesignPipeline pipeline, IDesignRunRepository runs, DesignProgressHub hub, DesignLimits limits, IStructureChecker? checker = null)
{
    private readonly Channel<(DesignRun Run, DesignPrompt Prompt)> _queue = Channel.CreateUnbounded<(DesignRun, DesignPrompt)>();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>Validates the prompt JSON and queues a run with id <paramref name="runId"/> for
    /// <paramref name="ownerId"/>. Throws <see cref="DesignPromptException"/> for a bad prompt.</summary>
    public async Task<DesignRun> SubmitAsync(Guid runId, string ownerId, string title, string promptJson, CancellationToken cancellationToken = default)
    {
        var prompt = DesignPromptReader.Parse(promptJson, limits, checker);
        if (await runs.GetAsync(runId, ownerId, cancellationToken).ConfigureAwait(false) is { } existing) return existing;
        var run = new DesignRun { Id = runId, OwnerId = ownerId, Title = title, PromptJson = promptJson, Status = RunStatus.Pending };
        try
        {
            await runs.AddAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The same id was inserted concurrently (two tabs): hand back that run; anything else is a real error.
            var raced = await runs.GetAsync(runId, ownerId, CancellationToken.None).ConfigureAwait(false);
            if (raced is null) throw;
            return raced;
        }
        hub.Publish(new DesignProgress(run.Id, PipelineStage.Queued, prompt.Count, 0, 0));
        await _queue.Writer.WriteAsync((run, prompt), cancellationToken).ConfigureAwait(false);
        return run;
    }

    /// <summary>Requests cancellation of a queued or running run owned by <paramref name="ownerId"/>.</summary>
    public async Task<bool> CancelAsync(Guid runId, string ownerId, CancellationToken cancellationToken = default)
    {
        if (await runs.GetAsync(runId, ownerId, cancellationToken).ConfigureAwait(false) is null) return false;
        if (_running.TryGetValue(runId, out var cts))
        {
            await cts.CancelAsync().ConfigureAwait(false);
            return true;
        }
        return false;
    }

    /// <summary>True while the run is queued or executing in this process.</summary>
    public bool IsActive(Guid runId) => _running.ContainsKey(runId);

    /// <summary>Processes queued runs until <paramref name="stoppingToken"/> fires (hosted by the web app).</summary>
    public async Task ProcessQueueAsync(CancellationToken stoppingToken)
    {
        await foreach (var (run, prompt) in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            _running[run.Id] = cts;
            try
            {
                await pipeline.RunAsync(run, prompt, new SyncProgress<DesignProgress>(hub.Publish), cts.Token).ConfigureAwait(false);
            }
            finally
            {
                _running.TryRemove(run.Id, out _);
            }
        }
    }
}
