using System.Text;
using Microsoft.Playwright;
using MolForge.Web.E2E.Tests.Fakes;
using static Microsoft.Playwright.Assertions;

namespace MolForge.Web.E2E.Tests;

/// <summary>Bulk screening in the browser (the app's co-hosted Orleans silo and real RHF scoring), refusals of bad
/// uploads, and cancelling a design run.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JobsFlowTests(MolForgeAppFixture app)
{
    // Small molecules (RHF/STO-3G in well under a second each) and one line that is not SMILES.
    private static readonly string[] InputLines =
    [
        "CCO ethanol", "CC(N)=O acetamide", "NC=O formamide", "CO methanol", "C1CC(bad broken", "C=O formaldehyde", "CC#N acetonitrile", "O water",
    ];

    private static async Task OpenJobsAsync(IPage page)
    {
        await page.GotoAsync("/jobs");
        await Expect(page.GetByTestId("job-form")).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>Chooses a file until the page reacts (the first attempts may hit the prerendered page).</summary>
    private static Task ChooseFileAsync(IPage page, string name, byte[] content, string reactedTestId) =>
        BrowserSteps.UntilReactsAsync(
            () => page.GetByTestId("job-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/plain", Buffer = content }),
            async () => await page.GetByTestId(reactedTestId).CountAsync() > 0);

    [ChromiumFact]
    public async Task Upload_a_smiles_file_watch_it_complete_and_download_one_csv_row_per_input_line()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RegisterAsync(page, BrowserSteps.NewEmail("screener"));
        await OpenJobsAsync(page);
        await Expect(page.GetByTestId("jobs-empty")).ToBeVisibleAsync();

        var input = Encoding.UTF8.GetBytes(string.Join('\n', InputLines) + "\n");
        await ChooseFileAsync(page, "small-set.smi", input, "job-file-info");
        await Expect(page.Locator("input[data-testid=job-name]")).ToHaveValueAsync("small-set");
        await page.Locator("input[data-testid=job-name]").FillAsync("e2e screen");
        await page.GetByTestId("job-submit").ClickAsync();
        await Expect(page.GetByTestId("job-submitted")).ToContainTextAsync($"{InputLines.Length} molecules to score", new() { Timeout = 30_000 });
        var row = page.Locator("[data-testid=job-row][data-job-name='e2e screen']");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("job-total")).ToHaveTextAsync(InputLines.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await BrowserSteps.ShotAsync(page, app, "07-jobs-running");

        // Live progress: the row turns completed without a reload.
        await Expect(row).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 180_000 });
        var done = int.Parse(await row.GetByTestId("job-done").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        var failed = int.Parse(await row.GetByTestId("job-failed").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(InputLines.Length, done + failed);
        Assert.True(failed >= 1, "the broken line is counted as failed/invalid");
        await row.GetByTestId("job-problems-toggle").ClickAsync();
        await Expect(page.GetByTestId("job-problem")).ToHaveCountAsync(failed);
        await Expect(page.GetByTestId("job-problem").First).ToContainTextAsync("line 5");
        await page.WaitForTimeoutAsync(800); // let the progress bar finish its transition
        await BrowserSteps.ShotAsync(page, app, "08-jobs-completed");

        // CSV download: the contract's header and one row per input line, in line order.
        var download = await page.RunAndWaitForDownloadAsync(() => row.GetByTestId("job-export-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("index,smiles,name,status,error,e_hf,homo,lumo,homo_lumo_gap,e_vqe,mol_weight,clogp,qed", lines[0]);
        Assert.Equal(InputLines.Length, lines.Length - 1);
        for (var i = 0; i < InputLines.Length; i++)
        {
            var fields = lines[i + 1].Split(',');
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[0]);
            Assert.Equal(InputLines[i].Split(' ')[1], fields[2]);
        }
        Assert.Contains(",broken,invalid,", lines[5], StringComparison.Ordinal);
        var ethanol = lines[1].Split(',');
        Assert.Equal("done", ethanol[3]);
        Assert.InRange(double.Parse(ethanol[5], System.Globalization.CultureInfo.InvariantCulture), -160, -150); // E(HF)/STO-3G of ethanol ≈ -152.1 Eh

        // Another user does not see the job, and its download is 404 for them.
        var jobId = await row.GetAttributeAsync("data-job-id");
        await using var other = await app.NewContextAsync();
        var otherPage = await other.NewPageAsync();
        await BrowserSteps.RegisterAsync(otherPage, BrowserSteps.NewEmail("other"));
        await OpenJobsAsync(otherPage);
        await Expect(otherPage.GetByTestId("jobs-empty")).ToBeVisibleAsync();
        Assert.Equal(404, (await other.APIRequest.GetAsync($"/jobs/{jobId}/export/csv")).Status);

        // The owner deletes the finished job after a confirmation: the row, its results and the uploaded file go.
        var uploads = app.Services?.GetService(typeof(MolForge.Web.Jobs.JobUploadStore)) as MolForge.Web.Jobs.JobUploadStore;
        var uploaded = uploads is null ? [] : Directory.GetFiles(uploads.Folder, "*small-set.smi", SearchOption.AllDirectories);
        if (uploads is not null) Assert.Single(uploaded);
        await row.GetByTestId("job-delete").ClickAsync();
        await Expect(page.GetByTestId("job-delete-confirmation")).ToContainTextAsync("Delete job “e2e screen”, its 8 stored results and its uploaded file?");
        await BrowserSteps.ShotAsync(page, app, "08b-jobs-delete-confirm");
        await page.GetByTestId("job-delete-confirm").ClickAsync();
        await Expect(page.GetByTestId("job-submitted")).ToContainTextAsync("Job “e2e screen” deleted with its 8 stored results and its uploaded file.");
        await Expect(page.GetByTestId("jobs-empty")).ToBeVisibleAsync();
        Assert.Equal(404, (await context.APIRequest.GetAsync($"/jobs/{jobId}/export/csv")).Status);
        foreach (var file in uploaded) Assert.False(File.Exists(file), $"{file} should have been deleted with its job");
    }

    [ChromiumFact]
    public async Task An_oversized_upload_and_a_wrong_file_type_are_refused_with_a_message()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RegisterAsync(page, BrowserSteps.NewEmail("bulky"));
        await OpenJobsAsync(page);

        var big = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("CCCCCCCCCCO\n", (int)(MolForgeAppFixture.JobUploadLimit / 12) + 100)));
        await ChooseFileAsync(page, "too-big.smi", big, "job-file-error");
        await Expect(page.GetByTestId("job-file-error")).ToContainTextAsync("beyond the upload limit of 16 KiB; nothing was uploaded");
        await Expect(page.GetByTestId("job-submit")).ToBeDisabledAsync();
        await BrowserSteps.ShotAsync(page, app, "09-jobs-oversized");

        await ChooseFileAsync(page, "results.xlsx", Encoding.UTF8.GetBytes("CCO\n"), "job-file-error");
        await Expect(page.GetByTestId("job-file-error")).ToContainTextAsync("results.xlsx: not a SMILES, CSV or SDF file");
        await Expect(page.GetByTestId("job-submit")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("jobs-empty")).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task A_running_design_run_can_be_cancelled()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RegisterAsync(page, BrowserSteps.NewEmail("impatient"));
        await BrowserSteps.FillPromptAsync(page, "NC=O", MolForgeAppFixture.UsesFakeGenerator ? E2EFakeGenerator.SlowCount : 20);
        await BrowserSteps.SubmitAsync(page);

        var cancel = page.GetByTestId("run-cancel");
        await BrowserSteps.UntilReactsAsync(
            async () => { if (await cancel.IsVisibleAsync() && await cancel.IsEnabledAsync()) await cancel.ClickAsync(); },
            async () => await page.GetByTestId("run-status").First.InnerTextAsync() == "Cancelled", attempts: 100);
        await Expect(page.GetByTestId("run-status").First).ToHaveTextAsync("Cancelled");
        await Expect(page.GetByTestId("run-cancel")).ToHaveCountAsync(0);
        await BrowserSteps.ShotAsync(page, app, "10-run-cancelled");
    }
}
