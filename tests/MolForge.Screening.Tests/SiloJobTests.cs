using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Data;

namespace MolForge.Screening.Tests;

/// <summary>Jobs through a real in-process Orleans silo (localhost clustering) on SQLite.</summary>
public sealed class SiloJobTests
{
    private readonly ListLoggerProvider _log = new();

    private IHost BuildHost(string db, ICandidateScorer scorer, ScreeningLimits limits)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_log);
        builder.Services.AddMolForgeData($"Data Source={db}");
        builder.Services.AddSingleton(scorer);
        builder.AddMolForgeScreening(new ScreeningClusterOptions { PumpInterval = TimeSpan.FromMilliseconds(500) }, limits);
        return builder.Build();
    }

    [Fact]
    public async Task A_job_runs_to_completion_with_one_item_per_line_and_the_scorers_values()
    {
        var db = TestFiles.SqlitePath();
        var path = TestFiles.Write("silo.smi", TestFiles.SmilesLines(60, 9));
        var scorer = new CountingScorer();
        using var host = BuildHost(db, scorer, new ScreeningLimits { ChunkSize = 7, MaxConcurrentScoresPerSilo = 2 });
        await host.StartAsync();
        var service = host.Services.GetRequiredService<ScreeningJobService>();
        var job = await service.SubmitAsync(new ScreeningRequest("silo", path, new ScoringSettings(Method: "rhf")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var final = await service.WaitAsync(job.Id, null, TimeSpan.FromMilliseconds(100), timeout.Token);
        await host.StopAsync();

        Assert.Equal(RunStatus.Completed, final.Status);
        Assert.Equal((60, 54, 6), (final.Total, final.Done, final.Failed));
        var items = await service.StreamItemsAsync(job.Id).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 60), items.Select(i => i.LineIndex));
        // Every valid line was scored exactly once (the input repeats some SMILES on purpose).
        var occurrences = items.Where(i => i.Status == ScreeningItemStatus.Done).GroupBy(i => i.Smiles).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(occurrences.Count > 0 && occurrences.All(o => scorer.Calls.GetValueOrDefault(o.Key) == o.Value), string.Join("\n", _log.Lines));
        Assert.Equal(occurrences.Values.Sum(), scorer.Total);
        var reference = new HuckelScreeningScorer();
        foreach (var item in items.Where(i => i.Status == ScreeningItemStatus.Done))
        {
            var expected = await reference.ScoreAsync(item.Smiles, new ScoringSettings(), null, CancellationToken.None);
            Assert.Equal(expected.Quantum!.Homo, item.Homo);
            Assert.Equal(expected.Descriptors!.MolWeight, item.MolWeight);
        }
    }

    [Fact]
    public async Task A_cancelled_job_stops_and_resumes_to_completion_in_a_new_silo()
    {
        var db = TestFiles.SqlitePath();
        var path = TestFiles.Write("cancel.smi", TestFiles.SmilesLines(80, 0));
        var limits = new ScreeningLimits { ChunkSize = 4, MaxConcurrentScoresPerSilo = 1 };
        var slow = new CountingScorer(TimeSpan.FromMilliseconds(50));
        Guid jobId;
        using (var host = BuildHost(db, slow, limits))
        {
            await host.StartAsync();
            var service = host.Services.GetRequiredService<ScreeningJobService>();
            var job = await service.SubmitAsync(new ScreeningRequest("c", path, new ScoringSettings(Method: "rhf")));
            jobId = job.Id;
            while ((await service.GetAsync(jobId))!.Done < 5) await Task.Delay(50);
            await service.CancelAsync("c");
            await Task.Delay(2000);
            var stopped = (await service.GetAsync(jobId))!;
            await Task.Delay(1500);
            var later = (await service.GetAsync(jobId))!;
            Assert.Equal(RunStatus.Cancelled, later.Status);
            Assert.True(later.Done < 80, $"cancellation should stop the job early, done {later.Done}");
            Assert.Equal(stopped.Done, later.Done); // nothing is scored after the stop took effect
            await host.StopAsync();
        }
        var fresh = new CountingScorer();
        using (var host = BuildHost(db, fresh, limits))
        {
            await host.StartAsync();
            var service = host.Services.GetRequiredService<ScreeningJobService>();
            await service.SubmitAsync(new ScreeningRequest("c", path, new ScoringSettings(Method: "rhf")));
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var final = await service.WaitAsync(jobId, null, TimeSpan.FromMilliseconds(100), timeout.Token);
            await host.StopAsync();
            Assert.Equal((RunStatus.Completed, 80), (final.Status, final.Done));
            Assert.Equal(80, await service.StreamItemsAsync(jobId).CountAsync());
            // Lines stored before the cancel were not scored again.
            Assert.True(fresh.Total <= 80 - 5, $"resumed run scored {fresh.Total} lines");
        }
    }
    [Fact]
    public async Task A_job_deleted_right_after_its_cancel_leaves_no_rows_and_its_name_starts_afresh()
    {
        var db = TestFiles.SqlitePath();
        var path = TestFiles.Write("deleted.smi", TestFiles.SmilesLines(60, 0));
        var limits = new ScreeningLimits { ChunkSize = 4, MaxConcurrentScoresPerSilo = 2 };
        using var host = BuildHost(db, new CountingScorer(TimeSpan.FromMilliseconds(50)), limits);
        await host.StartAsync();
        var service = host.Services.GetRequiredService<ScreeningJobService>();
        var repository = host.Services.GetRequiredService<IScreeningJobRepository>();
        var job = await service.SubmitAsync(new ScreeningRequest("d", path, new ScoringSettings(Method: "rhf")));
        while ((await service.GetAsync(job.Id))!.Done < 5) await Task.Delay(50);

        await Assert.ThrowsAsync<ScreeningJobException>(() => service.DeleteAsync("d"));
        await service.CancelAsync("d");
        // At once, while chunks may still be finishing their molecules: they must not write rows for a deleted job.
        var deletion = await service.DeleteAsync("d");
        Assert.NotNull(deletion);
        Assert.True(deletion.ItemsRemoved >= 5);
        Assert.False(deletion.InputFileRemoved);
        await Task.Delay(2500); // several pump rounds
        Assert.Null(await service.GetAsync(job.Id));
        Assert.Empty(await repository.GetStoredIndexesAsync(job.Id, 0, 60));
        Assert.True(File.Exists(path));

        var again = await service.SubmitAsync(new ScreeningRequest("d", path, new ScoringSettings(Method: "rhf")));
        Assert.NotEqual(job.Id, again.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var final = await service.WaitAsync(again.Id, null, TimeSpan.FromMilliseconds(100), timeout.Token);
        await host.StopAsync();
        Assert.Equal((RunStatus.Completed, 60), (final.Status, final.Done));
        Assert.Equal(Enumerable.Range(0, 60), (await service.StreamItemsAsync(again.Id).ToListAsync()).Select(i => i.LineIndex));
    }

    [Fact]
    public async Task A_job_whose_input_changed_fails_with_the_reason_stored_and_resubmitting_clears_it()
    {
        var db = TestFiles.SqlitePath();
        var path = TestFiles.Write("changed.smi", TestFiles.SmilesLines(10, 0));
        Guid jobId;
        using (var host = BuildHost(db, new CountingScorer(), new ScreeningLimits { ChunkSize = 4 }))
        {
            // Stored only (start: false), then the file is replaced before any silo picks the job up.
            var service = host.Services.GetRequiredService<ScreeningJobService>();
            jobId = (await service.SubmitAsync(new ScreeningRequest("changed", path, new ScoringSettings(Method: "rhf")), start: false)).Id;
            await File.WriteAllTextAsync(path, TestFiles.SmilesLines(12, 0));
            await host.StartAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            var final = await service.WaitAsync(jobId, null, TimeSpan.FromMilliseconds(100), timeout.Token);
            await host.StopAsync();
            Assert.Equal(RunStatus.Failed, final.Status);
            Assert.Contains("changed since the job was created", final.Error, StringComparison.Ordinal);
            Assert.Contains(path, final.Error, StringComparison.Ordinal);
        }
        // The reason is durable (a new process reads it), and a refused resubmission leaves it in place.
        using (var host = BuildHost(db, new CountingScorer(), new ScreeningLimits { ChunkSize = 4 }))
        {
            var service = host.Services.GetRequiredService<ScreeningJobService>();
            Assert.Contains("changed since", (await service.GetAsync(jobId))!.Error, StringComparison.Ordinal);
            var refused = await Assert.ThrowsAsync<ScreeningJobException>(() => service.SubmitAsync(new ScreeningRequest("changed", path, new ScoringSettings(Method: "rhf")), start: false));
            Assert.Contains("another input file", refused.Message, StringComparison.Ordinal);
            Assert.Equal(RunStatus.Failed, (await service.GetAsync(jobId))!.Status);
            // Another owner does not see the job by id.
            Assert.Null(await service.GetAsync(jobId, "someone-else"));
            Assert.NotNull(await service.GetAsync(jobId, ScreeningJobService.LocalOwner));
        }
    }

    [Fact]
    public async Task The_exporter_writes_one_csv_row_per_input_line_with_the_contract_columns()
    {
        var db = TestFiles.SqlitePath();
        var path = TestFiles.Write("export.smi", TestFiles.SmilesLines(25, 6));
        using var host = BuildHost(db, new CountingScorer(), new ScreeningLimits { ChunkSize = 5, MaxConcurrentScoresPerSilo = 2 });
        await host.StartAsync();
        var service = host.Services.GetRequiredService<ScreeningJobService>();
        var job = await service.SubmitAsync(new ScreeningRequest("export", path, new ScoringSettings(Method: "rhf")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var final = await service.WaitAsync(job.Id, null, TimeSpan.FromMilliseconds(100), timeout.Token);
        await host.StopAsync();
        var exporter = host.Services.GetRequiredService<ScreeningJobExporter>();

        using var csv = new MemoryStream();
        await exporter.WriteAsync(final, MolForge.Application.Export.ExportFormat.Csv, csv);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,smiles,name,status,error,e_hf,homo,lumo,homo_lumo_gap,e_vqe,mol_weight,clogp,qed", lines[0]);
        Assert.Equal(25, lines.Length - 1);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(4, lines.Count(l => l.Contains(",invalid,", StringComparison.Ordinal)));
        Assert.Equal(21, lines.Count(l => l.Contains(",done,", StringComparison.Ordinal)));

        using var smi = new MemoryStream();
        await exporter.WriteAsync(final, MolForge.Application.Export.ExportFormat.Smiles, smi);
        var smiLines = System.Text.Encoding.UTF8.GetString(smi.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(21, smiLines.Length);
        Assert.All(smiLines, l => Assert.Matches(@"^\S+\tmol\d+$", l));

        using var sdf = new MemoryStream();
        await exporter.WriteAsync(final, MolForge.Application.Export.ExportFormat.Sdf, sdf);
        var sdfText = System.Text.Encoding.UTF8.GetString(sdf.ToArray());
        Assert.Equal(21, sdfText.Split("$$$$\n").Length - 1);
        Assert.Contains(">  <homo>", sdfText, StringComparison.Ordinal);
    }
}
