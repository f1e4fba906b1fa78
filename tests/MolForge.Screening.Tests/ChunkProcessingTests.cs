using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Data;

namespace MolForge.Screening.Tests;

/// <summary>Chunk processing against the real EF Core repository on SQLite: idempotent writes, resume, concurrency.</summary>
public sealed class ChunkProcessingTests
{
    private static (ServiceProvider Services, CountingScorer Scorer) Build(ScreeningLimits limits)
    {
        var scorer = new CountingScorer();
        var services = new ServiceCollection()
            .AddMolForgeData($"Data Source={TestFiles.SqlitePath()}")
            .AddSingleton<ICandidateScorer>(scorer)
            .AddMolForgeScreeningJobs(limits)
            .BuildServiceProvider();
        return (services, scorer);
    }

    private static async Task<(ScreeningJob, ScreeningJobSpec, ScreeningInputPlan)> SubmitAsync(ServiceProvider sp, string path, int chunk)
    {
        var service = sp.GetRequiredService<ScreeningJobService>();
        var job = await service.SubmitAsync(new ScreeningRequest("t", path, new ScoringSettings(Method: "rhf")), start: false);
        var spec = ScreeningJobSpec.FromJson(job.SettingsJson);
        var plan = await ScreeningInputPlan.CreateAsync(path, chunk, service.Limits);
        return (job, spec, plan);
    }

    [Fact]
    public async Task Saving_the_same_items_twice_stores_and_counts_them_once()
    {
        var (sp, _) = Build(new ScreeningLimits { ChunkSize = 4 });
        await using var _sp = sp;
        var (job, _, _) = await SubmitAsync(sp, TestFiles.Write("a.smi", TestFiles.SmilesLines(4, 0)), 4);
        var repo = sp.GetRequiredService<IScreeningJobRepository>();
        var items = Enumerable.Range(0, 3).Select(i => new ScreeningItem { JobId = job.Id, LineIndex = i, Smiles = "C", Status = i == 2 ? ScreeningItemStatus.Invalid : ScreeningItemStatus.Done }).ToList();
        Assert.Equal(3, await repo.SaveItemsAsync(job.Id, items));
        Assert.Equal(0, await repo.SaveItemsAsync(job.Id, items));
        Assert.Equal(1, await repo.SaveItemsAsync(job.Id, [.. items, new ScreeningItem { LineIndex = 3, Smiles = "N" }]));
        var stored = await repo.GetAsync(job.Id);
        Assert.Equal((3, 1), (stored!.Done, stored.Failed));
        Assert.Equal(4, await repo.StreamItemsAsync(job.Id).CountAsync());
    }

    [Fact]
    public async Task A_resumed_chunk_scores_only_the_lines_not_yet_stored()
    {
        var (sp, scorer) = Build(new ScreeningLimits { ChunkSize = 10, CheckpointEvery = 1 });
        await using var _sp = sp;
        var (job, spec, plan) = await SubmitAsync(sp, TestFiles.Write("b.smi", TestFiles.SmilesLines(10, 0)), 10);
        var processor = sp.GetRequiredService<ScreeningChunkProcessor>();
        using var stop = new CancellationTokenSource();
        var stored = 0;
        // "Crash" after 4 items: cancel from the progress callback.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.ProcessAsync(job, spec, plan, plan.Chunks[0],
            new SyncProgress(n => { if ((stored += n) >= 4) stop.Cancel(); }), stop.Token));
        Assert.Equal(4, scorer.Total);
        var written = await processor.ProcessAsync(job, spec, plan, plan.Chunks[0], null, CancellationToken.None);
        Assert.Equal(6, written);
        Assert.Equal(10, scorer.Total); // every line scored exactly once across the "crash"
        var final = await sp.GetRequiredService<IScreeningJobRepository>().GetAsync(job.Id);
        Assert.Equal(10, final!.Done);
    }

    [Fact]
    public async Task Two_processors_on_the_same_chunk_store_each_line_once_and_count_it_once()
    {
        var (sp, _) = Build(new ScreeningLimits { ChunkSize = 30, CheckpointEvery = 3 });
        await using var _sp = sp;
        var (job, spec, plan) = await SubmitAsync(sp, TestFiles.Write("c.smi", TestFiles.SmilesLines(30, 5)), 30);
        var processor = sp.GetRequiredService<ScreeningChunkProcessor>();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => processor.ProcessAsync(job, spec, plan, plan.Chunks[0], null, CancellationToken.None))));
        var repo = sp.GetRequiredService<IScreeningJobRepository>();
        var items = await repo.StreamItemsAsync(job.Id).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 30), items.Select(i => i.LineIndex));
        var final = await repo.GetAsync(job.Id);
        Assert.Equal(items.Count(i => i.Status == ScreeningItemStatus.Done), final!.Done);
        Assert.Equal(6, final.Failed);
        Assert.All(items.Where(i => i.Status == ScreeningItemStatus.Invalid), i => Assert.StartsWith("C1CC(bad", i.Smiles, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resubmitting_with_other_settings_or_another_file_is_refused()
    {
        var (sp, _) = Build(new ScreeningLimits());
        await using var _sp = sp;
        var service = sp.GetRequiredService<ScreeningJobService>();
        var path = TestFiles.Write("d.smi", TestFiles.SmilesLines(5, 0));
        var first = await service.SubmitAsync(new ScreeningRequest("same", path, new ScoringSettings(Method: "rhf")), start: false);
        var again = await service.SubmitAsync(new ScreeningRequest("same", path, new ScoringSettings(Method: "rhf")), start: false);
        Assert.Equal(first.Id, again.Id);
        var settings = await Assert.ThrowsAsync<ScreeningJobException>(() => service.SubmitAsync(new ScreeningRequest("same", path, new ScoringSettings(Method: "rhf", Basis: "6-31g")), start: false));
        Assert.Contains("other settings", settings.Message, StringComparison.Ordinal);
        var other = TestFiles.Write("e.smi", TestFiles.SmilesLines(6, 0));
        var file = await Assert.ThrowsAsync<ScreeningJobException>(() => service.SubmitAsync(new ScreeningRequest("same", other, new ScoringSettings(Method: "rhf")), start: false));
        Assert.Contains("another input file", file.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
