using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MolForge.Web.E2E.Tests;

/// <summary>Steps the tests share: register, wait for the interactive circuit, submit a prompt.</summary>
internal static partial class BrowserSteps
{
    public const string Password = "Forge!2026pass";

    /// <summary>How long a design run may take (ms): the shipped model proposes drug-sized molecules, much slower to score.</summary>
    public static float ResultsTimeout => MolForgeAppFixture.UsesFakeGenerator ? 90_000 : 900_000;

    [GeneratedRegex(@"/runs/([0-9a-f-]{36})$")]
    public static partial Regex RunUrl();

    [GeneratedRegex(@"/design\?run=")]
    public static partial Regex DesignUrl();

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid().ToString("N")[..8]}@lab.example";

    /// <summary>Registers through the static SSR form; lands on the design page signed in.</summary>
    public static async Task RegisterAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Register");
        await page.GetByTestId("register-email").FillAsync(email);
        await page.GetByTestId("register-password").FillAsync(Password);
        await page.GetByTestId("register-confirm").FillAsync(Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await page.WaitForURLAsync(DesignUrl());
    }

    /// <summary>Repeats <paramref name="act"/> until <paramref name="reacted"/> holds: the first attempts may land on
    /// the prerendered page before the Blazor circuit is connected.</summary>
    public static async Task UntilReactsAsync(Func<Task> act, Func<Task<bool>> reacted, int attempts = 40)
    {
        for (var i = 0; i < attempts; i++)
        {
            await act();
            for (var k = 0; k < 5; k++)
            {
                if (await reacted()) return;
                await Task.Delay(100);
            }
        }
        throw new TimeoutException("the page did not react (is the interactive circuit connected?)");
    }

    /// <summary>Fills the scaffold until the browser draws it (proof the circuit is live), sets the count.</summary>
    public static async Task FillPromptAsync(IPage page, string scaffold, int count)
    {
        var scaffoldBox = page.GetByTestId("prompt-scaffold");
        await UntilReactsAsync(
            async () => { await scaffoldBox.FillAsync(""); await scaffoldBox.FillAsync(scaffold); },
            async () => await page.Locator("[data-testid=scaffold-depiction] svg").CountAsync() > 0);
        var countBox = page.GetByTestId("prompt-count");
        await countBox.FillAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await countBox.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("prompt-submit")).ToContainTextAsync($"Design {count} candidates");
    }

    /// <summary>Submits and waits for the run page; returns the run id.</summary>
    public static async Task<Guid> SubmitAsync(IPage page)
    {
        await page.GetByTestId("prompt-submit").ClickAsync();
        await page.WaitForURLAsync(RunUrl(), new PageWaitForURLOptions { Timeout = 30_000 });
        return Guid.Parse(RunUrl().Match(page.Url).Groups[1].Value);
    }

    public static Task ShotAsync(IPage page, MolForgeAppFixture app, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotFolder, name + ".png"), FullPage = true });
}
