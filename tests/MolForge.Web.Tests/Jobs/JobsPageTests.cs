using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MolForge.Application.Design;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Web.Jobs;
using MolForge.Web.Tests.Support;
using JobsPage = MolForge.Web.Components.Pages.Jobs;

namespace MolForge.Web.Tests.Jobs;

/// <summary>The Jobs page form (bUnit, no browser): file checks, names, settings, refusals shown in the page, and
/// each user's own list. Submissions go through the real <see cref="ScreeningJobService"/> (with an in-memory store).</summary>
public sealed class JobsPageTests : IAsyncLifetime
{
    private const string Owner = "user-1";
    private const long Limit = 4096;
    private readonly BunitContext _ctx = new();
    private readonly InMemoryScreeningJobRepository _jobs = new();
    private readonly string _uploads = Path.Combine(Path.GetTempPath(), "molforge-web-tests", Guid.NewGuid().ToString("N"));

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private IScreeningJobDispatcher? _dispatcher;

    private sealed class UnreachableCluster : IScreeningJobDispatcher
    {
        public Task EnsureRunningAsync(Guid jobId, CancellationToken cancellationToken = default) => throw new TimeoutException("silo not answering");
        public Task StopAsync(Guid jobId, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private IRenderedComponent<JobsPage> RenderPage(TimeSpan? pollInterval = null)
    {
        _ctx.AddPageServices();
        _ctx.Services.AddSingleton(new DesignLimits());
        _ctx.Services.AddSingleton(new ScreeningJobService(_jobs, new ScreeningLimits { MaxInputBytes = Limit }, _dispatcher));
        _ctx.Services.AddSingleton(new JobUploadStore(_uploads, Limit));
        _ctx.Services.AddSingleton(new ScreeningProgressTracker(_clock));
        _ctx.SignIn(Owner);
        return pollInterval is { } poll ? _ctx.Render<JobsPage>(p => p.Add(x => x.PollInterval, poll)) : _ctx.Render<JobsPage>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        try { Directory.Delete(_uploads, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private static bool SubmitDisabled(IRenderedComponent<JobsPage> page) => page.Find("[data-testid=job-submit]").HasAttribute("disabled");

    private static void Upload(IRenderedComponent<JobsPage> page, string name, string content) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(content, name));

    private static void ChooseVqe(IRenderedComponent<JobsPage> page)
    {
        page.Find("input[data-testid=job-method-vqe]").Click();
        page.WaitForAssertion(() => Assert.False(page.Find("input[data-testid=job-active-orbitals]").HasAttribute("disabled")));
    }

    private string[] UploadedFiles() => Directory.Exists(_uploads) ? Directory.GetFiles(_uploads, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public void Nothing_can_be_submitted_before_a_file_is_chosen()
    {
        var page = RenderPage();
        Assert.True(SubmitDisabled(page));
        Assert.NotNull(page.Find("[data-testid=jobs-empty]"));
    }

    [Fact]
    public void An_oversized_file_is_refused_in_the_page_with_the_limit()
    {
        var page = RenderPage();
        Upload(page, "big.smi", string.Concat(Enumerable.Repeat("CCO\n", 2000)));
        var error = page.Find("[data-testid=job-file-error]").TextContent;
        Assert.Contains("big.smi is 7.8 KiB, beyond the upload limit of 4 KiB", error, StringComparison.Ordinal);
        Assert.True(SubmitDisabled(page));
        Assert.Empty(UploadedFiles());
    }

    [Theory]
    [InlineData("table.xlsx")]
    [InlineData("molecules")]
    [InlineData("archive.zip")]
    public void A_file_of_another_type_is_refused_with_the_accepted_types(string name)
    {
        var page = RenderPage();
        Upload(page, name, "CCO\n");
        Assert.Contains($"{name}: not a SMILES, CSV or SDF file", page.Find("[data-testid=job-file-error]").TextContent, StringComparison.Ordinal);
        Assert.True(SubmitDisabled(page));
    }

    [Fact]
    public void An_empty_name_or_a_bad_active_space_blocks_submit_with_the_reason()
    {
        var page = RenderPage();
        Upload(page, "set.smi", "CCO\n");
        Assert.Equal("set", page.Find("input[data-testid=job-name]").GetAttribute("value"));
        Assert.False(SubmitDisabled(page));

        page.Find("input[data-testid=job-name]").Input("");
        page.WaitForAssertion(() => Assert.Contains("give the job a name", page.Markup, StringComparison.Ordinal));
        Assert.True(SubmitDisabled(page));
        page.Find("input[data-testid=job-name]").Input("set");
        page.WaitForAssertion(() => Assert.False(SubmitDisabled(page)));

        ChooseVqe(page);
        page.Find("input[data-testid=job-active-orbitals]").Input("1");
        page.Find("input[data-testid=job-active-electrons]").Input("3");
        page.WaitForAssertion(() => Assert.Contains("electrons must be between 1 and 2 × orbitals (2)", page.Markup, StringComparison.Ordinal));
        Assert.True(SubmitDisabled(page));
    }

    [Fact]
    public async Task A_good_file_is_stored_under_the_upload_folder_and_becomes_the_users_job()
    {
        var page = RenderPage();
        const string content = "CCO ethanol\nc1ccccc1 benzene\nC1CC(bad\n";
        Upload(page, "three.smi", content);
        await page.Find("[data-testid=job-submit]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("Job “three” started: 3 molecules to score.", page.Find("[data-testid=job-submitted]").TextContent, StringComparison.Ordinal));
        var job = Assert.Single(_jobs.Jobs.Values);
        Assert.Equal((Owner, "three", 3, RunStatus.Running), (job.OwnerId, job.Name, job.Total, job.Status));
        Assert.StartsWith(Path.GetFullPath(_uploads), job.InputPath, StringComparison.Ordinal);
        Assert.EndsWith("three.smi", job.InputPath, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(job.InputPath));
        var spec = ScreeningJobSpec.FromJson(job.SettingsJson);
        Assert.Equal(new ScoringSettings(Method: "rhf"), spec.Scoring);
        var row = page.Find("[data-testid=job-row]");
        Assert.Equal("three", row.GetAttribute("data-job-name"));
        Assert.Equal("3", page.Find("[data-testid=job-total]").TextContent);
    }

    [Fact]
    public async Task Reusing_a_name_with_other_settings_is_refused_in_the_page_and_the_upload_is_removed()
    {
        var page = RenderPage();
        Upload(page, "pair.smi", "CCO\nCCN\n");
        await page.Find("[data-testid=job-submit]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Single(_jobs.Jobs.Values));

        Upload(page, "pair.smi", "CCO\nCCN\n");
        ChooseVqe(page);
        await page.Find("[data-testid=job-submit]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("job 'pair' exists with other settings (method rhf, basis sto-3g; asked: method vqe", page.Find("[data-testid=job-form-error]").TextContent, StringComparison.Ordinal));
        Assert.Single(_jobs.Jobs.Values);
        Assert.Single(UploadedFiles()); // the refused copy was deleted
    }

    [Fact]
    public async Task A_csv_without_a_smiles_column_is_refused_naming_the_file_not_the_server_path()
    {
        var page = RenderPage();
        Upload(page, "table.csv", "name,weight\nx,1\n");
        await page.Find("[data-testid=job-submit]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("table.csv", page.Find("[data-testid=job-form-error]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(_uploads, page.Find("[data-testid=job-form-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(_jobs.Jobs);
        Assert.Empty(UploadedFiles());
    }

    [Fact]
    public void Each_user_sees_only_their_own_jobs_with_counts_and_the_failure_reason()
    {
        var spec = new ScreeningJobSpec(new ScoringSettings(Method: "rhf"), 16, "smi").ToJson();
        _jobs.Jobs[Guid.NewGuid()] = new ScreeningJob { Name = "mine", OwnerId = Owner, SettingsJson = spec, Status = RunStatus.Failed, Total = 10, Done = 4, Failed = 1, Error = "chunk 0 failed 5 times: disk full" };
        _jobs.Jobs[Guid.NewGuid()] = new ScreeningJob { Name = "theirs", OwnerId = "user-2", SettingsJson = spec, Status = RunStatus.Running, Total = 5 };
        var page = RenderPage();
        var row = page.Find("[data-testid=job-row]");
        Assert.Single(page.FindAll("[data-testid=job-row]"));
        Assert.Equal("mine", row.GetAttribute("data-job-name"));
        Assert.Equal("chunk 0 failed 5 times: disk full", page.Find("[data-testid=job-error]").TextContent);
        Assert.Equal(("4", "1", "10"), (page.Find("[data-testid=job-done]").TextContent, page.Find("[data-testid=job-failed]").TextContent, page.Find("[data-testid=job-total]").TextContent));
        Assert.NotNull(page.Find("[data-testid=job-export-csv]"));
    }
    [Fact]
    public async Task A_running_job_can_be_cancelled_and_resumed_from_the_list()
    {
        var page = RenderPage();
        Upload(page, "run.smi", "CCO\nCCN\nCCC\n");
        await page.Find("[data-testid=job-submit]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("running", page.Find("[data-testid=job-row]").GetAttribute("data-status")));

        await page.Find("[data-testid=job-cancel]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("cancelled", page.Find("[data-testid=job-row]").GetAttribute("data-status")));
        Assert.Equal(RunStatus.Cancelled, Assert.Single(_jobs.Jobs.Values).Status);
        Assert.Empty(page.FindAll("[data-testid=job-cancel]"));

        await page.Find("[data-testid=job-resume]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("running", page.Find("[data-testid=job-row]").GetAttribute("data-status")));
        Assert.Contains("resumed", page.Find("[data-testid=job-submitted]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resuming_a_job_whose_input_changed_is_refused_with_the_reason()
    {
        var page = RenderPage();
        Upload(page, "gone.smi", "CCO\nCCN\n");
        await page.Find("[data-testid=job-submit]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Single(_jobs.Jobs.Values));
        var job = _jobs.Jobs.Values.Single();
        await page.Find("[data-testid=job-cancel]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=job-resume]")));
        await File.WriteAllTextAsync(job.InputPath, "c1ccccc1\n");

        await page.Find("[data-testid=job-resume]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Job “gone” cannot be resumed: job 'gone' exists with another input file", page.Find("[data-testid=job-form-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(RunStatus.Cancelled, job.Status);
    }
    [Fact]
    public async Task A_gzipped_sdf_upload_is_kept_compressed_and_counted_by_record()
    {
        var page = RenderPage();
        const string record = "water\n  MolForge\n\n  1  0  0  0  0  0  0  0  0  0999 V2000\n    0.0000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0\nM  END\n$$$$\n";
        using var packed = new MemoryStream();
        await using (var gz = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            await gz.WriteAsync(Encoding.UTF8.GetBytes(record + record.Replace("water", "oxygen", StringComparison.Ordinal)));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(packed.ToArray(), "two.sdf.gz"));
        Assert.Equal("two", page.Find("input[data-testid=job-name]").GetAttribute("value"));
        await page.Find("[data-testid=job-submit]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Contains("2 molecules to score", page.Find("[data-testid=job-submitted]").TextContent, StringComparison.Ordinal));
        var job = Assert.Single(_jobs.Jobs.Values);
        Assert.EndsWith("two.sdf.gz", job.InputPath, StringComparison.Ordinal);
        Assert.Equal(packed.ToArray(), await File.ReadAllBytesAsync(job.InputPath));
        Assert.Equal("sdf", ScreeningJobSpec.FromJson(job.SettingsJson).Format);
    }
    [Fact]
    public async Task A_cluster_that_does_not_answer_leaves_a_stored_job_for_the_pump_and_no_error_page()
    {
        _dispatcher = new UnreachableCluster();
        var page = RenderPage();
        Upload(page, "later.smi", "CCO\n");
        await page.Find("[data-testid=job-submit]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("was stored; it will start within a few seconds", page.Find("[data-testid=job-submitted]").TextContent, StringComparison.Ordinal));
        var job = Assert.Single(_jobs.Jobs.Values);
        Assert.True(File.Exists(job.InputPath));
        Assert.Equal(RunStatus.Running, job.Status);
    }
    [Fact]
    public async Task Invalid_lines_are_listed_with_their_line_number_and_reason()
    {
        var spec = new ScreeningJobSpec(new ScoringSettings(Method: "rhf"), 16, "csv").ToJson();
        var job = new ScreeningJob { Name = "table", OwnerId = Owner, SettingsJson = spec, Status = RunStatus.Completed, Total = 3, Done = 2, Failed = 1 };
        _jobs.Jobs[job.Id] = job;
        _jobs.Items.Add(new ScreeningItem { JobId = job.Id, LineIndex = 0, Smiles = "CCO", Status = ScreeningItemStatus.Done });
        _jobs.Items.Add(new ScreeningItem { JobId = job.Id, LineIndex = 1, Smiles = "C1CC(", Status = ScreeningItemStatus.Invalid, Error = "unclosed ring 1" });
        var page = RenderPage();
        Assert.Empty(page.FindAll("[data-testid=job-problems]"));

        await page.Find("[data-testid=job-problems-toggle]").ClickAsync(new());
        var row = page.WaitForElement("[data-testid=job-problem]");
        Assert.Equal(["line 3", "C1CC(", "invalid", "unclosed ring 1"], row.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Single(page.FindAll("[data-testid=job-problem]"));

        await page.Find("[data-testid=job-problems-toggle]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=job-problems]")));
    }

    /// <summary>A stored job of <paramref name="owner"/> with <paramref name="items"/> results, its input written
    /// under the owner's upload folder (as the page stores uploads) unless <paramref name="inputPath"/> is given.</summary>
    private ScreeningJob StoredJob(string owner, string name, RunStatus status, int items, string? inputPath = null)
    {
        var path = inputPath ?? Path.Combine(_uploads, owner, $"20261125080000-{Guid.NewGuid().ToString("N")[..8]}-{name}.smi");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("CCO\n", Math.Max(1, items))));
        var spec = new ScreeningJobSpec(new ScoringSettings(Method: "rhf"), 16, "smi").ToJson();
        var job = new ScreeningJob { Name = name, OwnerId = owner, InputPath = path, SettingsJson = spec, Status = status, Total = Math.Max(1, items), Done = items };
        _jobs.Jobs[job.Id] = job;
        for (var i = 0; i < items; i++) _jobs.Items.Add(new ScreeningItem { JobId = job.Id, LineIndex = i, Smiles = "CCO", Status = ScreeningItemStatus.Done });
        return job;
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_then_removes_the_users_job_its_results_and_its_upload_only()
    {
        var mine = StoredJob(Owner, "set", RunStatus.Completed, items: 2);
        var theirs = StoredJob("user-2", "set", RunStatus.Completed, items: 3);
        var page = RenderPage();
        Assert.Single(page.FindAll("[data-testid=job-row]"));

        // Keep: nothing happens.
        await page.Find("[data-testid=job-delete]").ClickAsync(new());
        Assert.Contains("Delete job “set”, its 2 stored results and its uploaded file?", page.Find("[data-testid=job-delete-confirmation]").TextContent, StringComparison.Ordinal);
        await page.Find("[data-testid=job-delete-keep]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=job-delete-confirmation]")));
        Assert.Equal(2, _jobs.Jobs.Count);
        Assert.True(File.Exists(mine.InputPath));

        await page.Find("[data-testid=job-delete]").ClickAsync(new());
        await page.Find("[data-testid=job-delete-confirm]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Job “set” deleted with its 2 stored results and its uploaded file.", page.Find("[data-testid=job-submitted]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=job-row]"));
        Assert.NotNull(page.Find("[data-testid=jobs-empty]"));
        Assert.False(File.Exists(mine.InputPath));
        Assert.DoesNotContain(_jobs.Items, i => i.JobId == mine.Id);

        // The other user's job of the same name, its results and its upload are untouched.
        Assert.Same(theirs, Assert.Single(_jobs.Jobs.Values));
        Assert.Equal(3, _jobs.Items.Count(i => i.JobId == theirs.Id));
        Assert.True(File.Exists(theirs.InputPath));
    }

    [Fact]
    public async Task A_running_job_has_no_delete_button_and_an_input_outside_the_upload_folder_is_kept()
    {
        StoredJob(Owner, "busy", RunStatus.Running, items: 1);
        var outside = Path.Combine(Path.GetTempPath(), "molforge-web-tests", $"{Guid.NewGuid():N}-own.smi");
        var cancelled = StoredJob(Owner, "own", RunStatus.Cancelled, items: 1, inputPath: outside);
        try
        {
            var page = RenderPage();
            var busy = page.Find("[data-testid=job-row][data-job-name=busy]");
            Assert.Empty(busy.QuerySelectorAll("[data-testid=job-delete]"));
            Assert.NotNull(busy.QuerySelector("[data-testid=job-cancel]"));

            await page.Find("[data-testid=job-row][data-job-name=own] [data-testid=job-delete]").ClickAsync(new());
            await page.Find("[data-testid=job-delete-confirm]").ClickAsync(new());
            page.WaitForAssertion(() => Assert.Contains("Job “own” deleted with its 1 stored result.", page.Find("[data-testid=job-submitted]").TextContent, StringComparison.Ordinal));
            Assert.True(File.Exists(outside)); // not an upload of this app: never deleted
            Assert.False(_jobs.Jobs.ContainsKey(cancelled.Id));
            Assert.Single(page.FindAll("[data-testid=job-row]"));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task A_database_failure_while_deleting_is_shown_in_the_page_and_keeps_the_job_and_its_file()
    {
        var job = StoredJob(Owner, "stuck", RunStatus.Completed, items: 2);
        _jobs.FailDeletes = true;
        var page = RenderPage();
        await page.Find("[data-testid=job-delete]").ClickAsync(new());
        await page.Find("[data-testid=job-delete-confirm]").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("Job “stuck” could not be deleted because of a server problem", page.Find("[data-testid=job-form-error]").TextContent, StringComparison.Ordinal));
        Assert.Single(page.FindAll("[data-testid=job-row]"));
        Assert.True(File.Exists(job.InputPath));
        Assert.Empty(page.FindAll("[data-testid=job-delete-confirmation]"));
    }

    [Fact]
    public void Rate_and_eta_come_from_recent_progress_and_show_a_dash_until_there_is_enough()
    {
        // Created a day ago with 600 lines done before a pause: the page must not average over that day.
        var job = StoredJob(Owner, "long", RunStatus.Running, items: 0);
        job.Total = 1000;
        job.Done = 600;
        job.CreatedAt = _clock.GetUtcNow().AddDays(-1);
        var page = RenderPage(TimeSpan.FromMilliseconds(20));
        Assert.Equal("—", page.Find("[data-testid=job-rate]").TextContent);
        Assert.EndsWith("ETA —", page.Find("[data-testid=job-eta]").TextContent, StringComparison.Ordinal);

        // 20 more lines in the next 10 s (the page re-reads the list while the job runs): 2 lines/s.
        _clock.Advance(TimeSpan.FromSeconds(10));
        job.Done = 620;
        page.WaitForAssertion(() => Assert.Equal("7200 mol/h", page.Find("[data-testid=job-rate]").TextContent));
        Assert.Equal("62% · ETA 3m10s", page.Find("[data-testid=job-eta]").TextContent);
    }
}
