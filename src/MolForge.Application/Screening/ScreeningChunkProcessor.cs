using System.Diagnostics;
using MolForge.Application.Pipeline;
using MolForge.Application.Storage;
using MolForge.Chem.Smiles;

namespace MolForge.Application.Screening;

/// <summary>Scores one chunk of a job: reads its records (seeking to the chunk), skips those already stored, scores
/// the rest under the per-silo bound and writes them idempotently every <see cref="ScreeningLimits.CheckpointEvery"/>
/// items. Running it again after a crash, or twice at once, never stores a line twice. The Orleans chunk grain hosts
/// it; tests call it directly.</summary>
public sealed class ScreeningChunkProcessor(IScreeningJobRepository repository, ScreeningScorerResolver scorers, ScreeningConcurrency concurrency, ScreeningLimits limits)
{
    /// <summary>Processes <paramref name="chunk"/>; returns the number of items it stored.</summary>
    public async Task<int> ProcessAsync(ScreeningJob job, ScreeningJobSpec spec, ScreeningInputPlan plan, ChunkRange chunk, IProgress<int>? itemStored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(chunk);
        var stored = await repository.GetStoredIndexesAsync(job.Id, chunk.FirstRecord, chunk.EndRecord, cancellationToken).ConfigureAwait(false);
        if (stored.Count >= chunk.Count) return 0;
        var checkpoint = Math.Max(1, limits.CheckpointEvery);
        scorers.Resolve(spec.Scoring.Method);
        var pending = new List<ScreeningItem>(checkpoint);
        var written = 0;
        foreach (var record in plan.ReadChunk(job.InputPath, chunk))
        {
            if (stored.Contains(record.Index)) continue;
            cancellationToken.ThrowIfCancellationRequested();
            var item = record.Error is not null
                ? Item(job.Id, record, ScreeningItemStatus.Invalid, record.Error)
                : await ScoreAsync(job.Id, record, spec, cancellationToken).ConfigureAwait(false);
            pending.Add(item);
            if (pending.Count >= checkpoint)
            {
                written += await repository.SaveItemsAsync(job.Id, pending, cancellationToken).ConfigureAwait(false);
                itemStored?.Report(pending.Count);
                pending.Clear();
            }
        }
        if (pending.Count > 0)
        {
            written += await repository.SaveItemsAsync(job.Id, pending, cancellationToken).ConfigureAwait(false);
            itemStored?.Report(pending.Count);
        }
        return written;
    }

    private async Task<ScreeningItem> ScoreAsync(Guid jobId, InputRecord record, ScreeningJobSpec spec, CancellationToken cancellationToken)
    {
        if (!SmilesReader.TryParse(record.Smiles, out _, out var parseError))
            return Item(jobId, record, ScreeningItemStatus.Invalid, parseError);
        var scorer = scorers.Resolve(spec.Scoring.Method);
        var clock = Stopwatch.StartNew();
        CandidateScoreResult result;
        try
        {
            result = await concurrency.RunAsync(() => scorer.ScoreAsync(record.Smiles, spec.Scoring, null, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return Item(jobId, record, ScreeningItemStatus.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
        var item = Item(jobId, record, result.Succeeded ? ScreeningItemStatus.Done : ScreeningItemStatus.Failed,
            result.Succeeded ? null : $"{result.FailedStage.ToString().ToLowerInvariant()}: {result.Error}");
        item.Seconds = clock.Elapsed.TotalSeconds;
        if (result.Descriptors is { } d)
        {
            item.MolWeight = Finite(d.MolWeight);
            item.CLogP = Finite(d.CLogP);
            item.Qed = Finite(d.Qed);
        }
        if (result.Quantum is { } q && result.Succeeded)
        {
            item.EHf = spec.Scoring.Method == "huckel" ? null : q.EHf;
            item.Homo = q.Homo;
            item.Lumo = q.Lumo;
            item.HomoLumoGap = q.HomoLumoGap;
            item.EVqe = q.EVqe;
        }
        return item;
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static ScreeningItem Item(Guid jobId, InputRecord record, ScreeningItemStatus status, string? error) => new()
    {
        JobId = jobId,
        LineIndex = record.Index,
        Smiles = Truncate(record.Smiles, 10000),
        Name = Truncate(record.Name, 500),
        Status = status,
        Error = error is null ? null : Truncate(error, 2000),
    };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
