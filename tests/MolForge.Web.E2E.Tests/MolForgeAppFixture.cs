using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using MolForge.Application.Generation;
using MolForge.Application.Pipeline;
using MolForge.Web.E2E.Tests.Fakes;

namespace MolForge.Web.E2E.Tests;

/// <summary>The real web app (Program, AddMolForgeWeb/UseMolForgeWeb) on Kestrel at 127.0.0.1 with a fresh SQLite
/// file, in Development (static web assets from the build), plus headless Debian Chromium. When the build has no
/// MOLFORGE_E2E_REAL_GENERATOR=1, a TEST-ONLY fixed-list generator stands in; everything else is real.</summary>
public sealed class MolForgeAppFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "molforge-e2e-" + Guid.NewGuid().ToString("N")[..8]);
    private AppFactory? _factory;
    private IPlaywright? _playwright;

    /// <summary>The Jobs page's upload limit in this app (bytes).</summary>
    public const long JobUploadLimit = 16 * 1024;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>The app's services (null when driving an external app through MOLFORGE_E2E_BASE_URL).</summary>
    public IServiceProvider? Services => _factory?.Services;

    /// <summary>Where screenshots go (MOLFORGE_E2E_SCREENSHOTS or the test output folder).</summary>
    public string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("MOLFORGE_E2E_SCREENSHOTS") is { Length: > 0 } s ? s : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return; // every test skips
        Directory.CreateDirectory(ScreenshotFolder);
        // Playwright's 5 s default for Expect(...) is short for a Blazor circuit's first render on CI's two busy cores.
        Assertions.SetDefaultExpectTimeout(30_000);
        if (Environment.GetEnvironmentVariable("MOLFORGE_E2E_BASE_URL") is { Length: > 0 } external)
        {
            // Drive an app that is already running (e.g. `dotnet run --project src/MolForge.Web`) instead.
            BaseUrl = external.TrimEnd('/');
        }
        else
        {
            StartApp();
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private void StartApp()
    {
        Directory.CreateDirectory(_folder);
        _factory = new AppFactory(Path.Combine(_folder, "molforge.db"));
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
    }

    /// <summary>A fresh browser context (one user), with downloads allowed and a desktop-sized window.</summary>
    public Task<IBrowserContext> NewContextAsync() => Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = BaseUrl,
        AcceptDownloads = true,
        ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
    });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>True unless MOLFORGE_E2E_REAL_GENERATOR=1 and the shipped model is in the build output: the TEST-ONLY
    /// fixed-list generator keeps the browser tests deterministic and quick (the model proposes drug-sized molecules
    /// whose RHF takes tens of seconds each on CI's two cores; the generator has its own tests).</summary>
    public static bool UsesFakeGenerator =>
        Environment.GetEnvironmentVariable("MOLFORGE_E2E_REAL_GENERATOR") != "1" || !File.Exists(GenerationFiles.DefaultModelPath());

    private sealed class AppFactory(string databasePath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:MolForge", $"Data Source={databasePath}");
            builder.UseSetting("MolForge:MaxUploadBytes", "65536");
            builder.UseSetting("Screening:MaxUploadBytes", JobUploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services =>
            {
                // The real pipeline throughout, except (by default) the generator.
                if (UsesFakeGenerator) services.Replace(ServiceDescriptor.Singleton<ICandidateGenerator, E2EFakeGenerator>());
            });
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<MolForgeAppFixture>
{
    public const string Name = "browser";
}
