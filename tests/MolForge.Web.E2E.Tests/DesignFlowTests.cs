using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MolForge.Web.E2E.Tests;

/// <summary>A chemist's path through the app in headless Chromium: register, prompt, ranked candidates with
/// depictions, candidate detail, SDF export read back, history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DesignFlowTests(MolForgeAppFixture app)
{
    private const string Amide = "NC=O";

    [ChromiumFact]
    public async Task Register_design_see_ranked_candidates_open_detail_and_export_sdf()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RegisterAsync(page, BrowserSteps.NewEmail("chemist"));

        await BrowserSteps.FillPromptAsync(page, Amide, 3);
        await BrowserSteps.ShotAsync(page, app, "01-design");
        var runId = await BrowserSteps.SubmitAsync(page);
        await BrowserSteps.ShotAsync(page, app, "01b-run-progress");

        // Ranked results: one row per candidate, each with its RDKit SVG depiction.
        var rows = page.GetByTestId("candidate-row");
        await Expect(page.Locator("[data-testid=candidate-row] svg")).ToHaveCountAsync(3, new() { Timeout = BrowserSteps.ResultsTimeout });
        var ranks = new List<int>();
        foreach (var row in await rows.AllAsync()) ranks.Add(int.Parse((await row.GetAttributeAsync("data-rank"))!, CultureInfo.InvariantCulture));
        Assert.Equal([1, 2, 3], ranks);
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Completed");
        await BrowserSteps.ShotAsync(page, app, "02-run");

        // All result columns fit a 1440 px window (no horizontal scrolling); sort/filter buttons appear on hover.
        var overflow = await page.EvaluateAsync<int>("() => { const c = document.querySelector('[data-testid=results-grid] .mud-table-container'); return c.scrollWidth - c.clientWidth; }");
        Assert.True(overflow <= 0, $"the results grid scrolls horizontally by {overflow} px at 1440 px");
        var scoreHeader = page.Locator("[data-testid=results-grid] thead th", new() { HasText = "Score" });
        await scoreHeader.HoverAsync();
        await Expect(scoreHeader.Locator(".column-options button").First).ToBeVisibleAsync();
        await scoreHeader.Locator(".column-options button").First.ClickAsync(); // sort by score still works

        // Detail of the best candidate: 3D viewer canvas, orbital and VQE plots, provenance.
        await rows.First.ClickAsync();
        var detail = page.GetByTestId("candidate-detail");
        await Expect(detail).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=viewer-3d] canvas")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=plot-orbitals] .main-svg").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("candidate-provenance")).ToContainTextAsync("STO-3G");
        await page.WaitForTimeoutAsync(500);
        await BrowserSteps.ShotAsync(page, app, "03-candidate");

        // Molden download through the owner-checked endpoint: the file, or (in a build without the artefact service)
        // the server's reason in the page — never an error page.
        var artefacts = app.Services?.GetService(typeof(MolForge.Application.Artefacts.ICandidateArtefactService));
        if (artefacts is not null)
        {
            var molden = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("candidate-molden").ClickAsync());
            Assert.Contains("[Molden Format]", await File.ReadAllTextAsync((await molden.PathAsync())!), StringComparison.OrdinalIgnoreCase);
        }
        else if (app.Services is not null)
        {
            await page.GetByTestId("candidate-molden").ClickAsync();
            await Expect(page.GetByTestId("artefact-error")).ToContainTextAsync("not available in this build");
        }
        await Expect(detail).ToBeVisibleAsync();

        // Export the run as SDF and read it back: one record per scored candidate, in rank order.
        await page.GotoAsync($"/runs/{runId}");
        var exportButton = page.GetByTestId("export-sdf");
        await Expect(exportButton).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => exportButton.ClickAsync());
        Assert.EndsWith(".sdf", download.SuggestedFilename, StringComparison.Ordinal);
        var sdf = await File.ReadAllTextAsync((await download.PathAsync())!);
        var records = SdfRecords.Parse(sdf);
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.True(r.AtomCount > 0, "every record has atoms"));
        Assert.Equal(new[] { "1", "2", "3" }, records.Select(r => r.Fields.GetValueOrDefault("mf_rank") ?? "").ToArray());
        Assert.All(records, r => Assert.True(r.Fields.ContainsKey("e_hf") && r.Fields.ContainsKey("smiles"), "contract fields e_hf and smiles"));
        var gridSmiles = new List<string>();
        foreach (var row in await page.GetByTestId("candidate-row").AllAsync()) gridSmiles.Add((await row.Locator("[data-smiles]").GetAttributeAsync("data-smiles"))!);
        Assert.Equal(gridSmiles, records.Select(r => r.Fields["smiles"]).ToList());

        // The run is in the history.
        await page.GotoAsync("/runs");
        await Expect(page.GetByTestId("run-link")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await BrowserSteps.ShotAsync(page, app, "04-runs");
    }

    [ChromiumFact]
    public async Task Submitting_twice_from_two_tabs_of_the_same_form_makes_one_run()
    {
        await using var context = await app.NewContextAsync();
        var first = await context.NewPageAsync();
        await BrowserSteps.RegisterAsync(first, BrowserSteps.NewEmail("twotabs"));
        var second = await context.NewPageAsync();
        await second.GotoAsync(first.Url); // a duplicated tab: same form, same run id
        await BrowserSteps.FillPromptAsync(first, Amide, 2);
        await BrowserSteps.FillPromptAsync(second, Amide, 2);

        var a = await BrowserSteps.SubmitAsync(first);
        var b = await BrowserSteps.SubmitAsync(second);

        Assert.Equal(a, b);
        await first.GotoAsync("/runs");
        await Expect(first.GetByTestId("run-link")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
    }
}
