namespace MolForge.Web.E2E.Tests;

/// <summary>A browser test: skipped, with the reason shown, when Debian's Chromium is not installed (xUnit 2 has no
/// dynamic skip, so the attribute decides in its constructor). `.ci/run` installs it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    /// <summary>The browser the tests drive (PLATFORM.md: Playwright's own browsers are not used).</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
            Skip = $"Chromium not found at {ChromiumPath}: install it with `apt-get install -y chromium` (.ci/run does) to run the browser tests.";
    }
}
