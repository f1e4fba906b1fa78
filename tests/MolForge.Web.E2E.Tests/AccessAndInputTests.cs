using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MolForge.Web.E2E.Tests;

/// <summary>Who may see what, and how bad input is reported.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessAndInputTests(MolForgeAppFixture app)
{
    [ChromiumFact]
    public async Task One_user_cannot_open_another_users_run_or_its_export_by_url()
    {
        await using var alice = await app.NewContextAsync();
        var alicePage = await alice.NewPageAsync();
        await BrowserSteps.RegisterAsync(alicePage, BrowserSteps.NewEmail("alice"));
        await BrowserSteps.FillPromptAsync(alicePage, "NC=O", 1);
        var runId = await BrowserSteps.SubmitAsync(alicePage);
        await Expect(alicePage.Locator("[data-testid=candidate-row] svg")).ToHaveCountAsync(1, new() { Timeout = BrowserSteps.ResultsTimeout });
        var aliceExport = await alice.APIRequest.GetAsync($"/runs/{runId}/export/sdf");
        Assert.Equal(200, aliceExport.Status);

        await using var bob = await app.NewContextAsync();
        var bobPage = await bob.NewPageAsync();
        await BrowserSteps.RegisterAsync(bobPage, BrowserSteps.NewEmail("bob"));
        await bobPage.GotoAsync($"/runs/{runId}");
        await Expect(bobPage.GetByTestId("run-not-found")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(0, await bobPage.GetByTestId("candidate-row").CountAsync());
        await BrowserSteps.ShotAsync(bobPage, app, "06-not-found");
        var bobExport = await bob.APIRequest.GetAsync($"/runs/{runId}/export/sdf");
        Assert.Equal(404, bobExport.Status);
        await bobPage.GotoAsync("/runs");
        await Expect(bobPage.GetByTestId("runs-empty")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        // Sign out (a POST with the antiforgery token): the data pages are closed again.
        await bobPage.GetByTestId("logout-submit").ClickAsync();
        await bobPage.GotoAsync("/runs");
        await Expect(bobPage.GetByTestId("login-email")).ToBeVisibleAsync();

        // Signed out: data pages send you to sign in.
        await using var stranger = await app.NewContextAsync();
        var strangerPage = await stranger.NewPageAsync();
        await strangerPage.GotoAsync($"/runs/{runId}");
        await Expect(strangerPage.GetByTestId("login-email")).ToBeVisibleAsync();
        var anonymousExport = await stranger.APIRequest.GetAsync($"/runs/{runId}/export/sdf", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, anonymousExport.Status);
    }

    [ChromiumFact]
    public async Task Inverted_ranges_and_bad_counts_are_named_in_the_page_and_block_submit()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await BrowserSteps.RegisterAsync(page, BrowserSteps.NewEmail("careless"));
        await BrowserSteps.FillPromptAsync(page, "c1ccccc1", 5);

        var min = page.GetByTestId("range-clogp-min");
        await min.FillAsync("6");
        await min.PressAsync("Tab");
        await Expect(page.GetByTestId("range-clogp-error")).ToContainTextAsync("inverted");
        await Expect(page.GetByTestId("prompt-submit")).ToBeDisabledAsync();

        var count = page.GetByTestId("prompt-count");
        await count.FillAsync("0");
        await count.PressAsync("Tab");
        await Expect(page.GetByTestId("prompt-errors")).ToContainTextAsync("count: must be between 1 and");
        await BrowserSteps.ShotAsync(page, app, "05-design-errors");

        var scaffold = page.GetByTestId("prompt-scaffold");
        await scaffold.FillAsync("c1ccc(cc1");
        await Expect(page.GetByTestId("prompt-errors")).ToContainTextAsync("scaffold:");

        await scaffold.FillAsync("c1ccccc1");
        await min.FillAsync("1");
        await count.FillAsync("3");
        await count.PressAsync("Tab");
        await Expect(page.GetByTestId("prompt-errors")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("prompt-submit")).ToBeEnabledAsync();
    }

    [ChromiumFact]
    public async Task Wrong_password_and_mismatched_confirmation_are_reported_without_an_error_page()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator(".mf-hero-art svg")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await BrowserSteps.ShotAsync(page, app, "00-home");
        await page.GotoAsync("/Account/Register");
        await page.GetByTestId("register-email").FillAsync(BrowserSteps.NewEmail("typo"));
        await page.GetByTestId("register-password").FillAsync(BrowserSteps.Password);
        await page.GetByTestId("register-confirm").FillAsync(BrowserSteps.Password + "x");
        await page.GetByTestId("register-submit").ClickAsync();
        await Expect(page.Locator(".validation-message, .mf-field-error")).ToContainTextAsync(["do not match"]);

        await page.GotoAsync("/Account/Login");
        await page.GetByTestId("login-email").FillAsync("nobody@lab.example");
        await page.GetByTestId("login-password").FillAsync("wrong-password");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("not right");
        await BrowserSteps.ShotAsync(page, app, "00-login-error");
    }
}
