using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using MolForge.Application;
using MolForge.Application.Generation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MolForge.Application.Pipeline;
using MolForge.Data;
using MolForge.Web.Account;
using MolForge.Web.Components;
using MolForge.Web.Endpoints;
using MolForge.Web.Infrastructure;
using MolForge.Web.Jobs;
using MolForge.Application.Screening;
using MolForge.Screening;
using MudBlazor.Services;

namespace MolForge.Web;

/// <summary>Service registration and request pipeline of the web app (Program.cs stays a few lines).</summary>
public static class WebHostingExtensions
{
    /// <summary>Everything the app needs: <see cref="AddMolForgeWeb(IServiceCollection, IConfiguration)"/> plus a
    /// co-hosted Orleans screening silo. On the embedded SQLite database the silo is a single-machine cluster
    /// (localhost clustering); when <c>ConnectionStrings:MolForge</c> is PostgreSQL it joins the PostgreSQL cluster
    /// that <c>molforge worker</c> processes join. Settings: the <c>Screening</c> section (<see cref="ScreeningWebOptions"/>).</summary>
    public static WebApplicationBuilder AddMolForgeWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMolForgeWeb(builder.Configuration);
        var options = builder.Configuration.GetSection(ScreeningWebOptions.Section).Get<ScreeningWebOptions>() ?? new ScreeningWebOptions();
        var (provider, connection) = ConnectionStrings.Resolve(builder.Configuration.GetConnectionString("MolForge"));
        var limits = new ScreeningLimits
        {
            MaxInputBytes = options.MaxUploadBytes,
            MaxRecords = Math.Max(1, options.MaxRecords),
            MaxConcurrentScoresPerSilo = Math.Max(1, options.Parallel),
        };
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new JobUploadStore(UploadFolder(options, provider, connection), options.MaxUploadBytes));
        // Per circuit: the Jobs page's recent readings (rate, ETA) survive navigating away and back.
        builder.Services.AddScoped(sp => new ScreeningProgressTracker(sp.GetService<TimeProvider>()));
        builder.AddMolForgeScreening(new ScreeningClusterOptions { ClusterConnectionString = provider == DatabaseProvider.PostgreSql ? connection : null }, limits);
        return builder;
    }

    /// <summary>The configured upload folder; else <c>uploads</c> beside the SQLite file; else under the user's data folder.</summary>
    internal static string UploadFolder(ScreeningWebOptions options, DatabaseProvider provider, string connection)
    {
        if (!string.IsNullOrWhiteSpace(options.UploadFolder)) return Path.GetFullPath(options.UploadFolder);
        if (provider == DatabaseProvider.Sqlite
            && new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource is { Length: > 0 } file && file != ":memory:"
            && Path.GetDirectoryName(Path.GetFullPath(file)) is { Length: > 0 } folder)
            return Path.Combine(folder, "uploads");
        return Path.Combine(Path.GetDirectoryName(ConnectionStrings.DefaultSqlitePath)!, "uploads");
    }

    /// <summary>Registers Blazor Server, MudBlazor, Identity (EF Core store), the database, the Application use cases
    /// and the background design-run queue. Settings: <c>ConnectionStrings:MolForge</c> and the <c>MolForge</c>
    /// section (see <see cref="WebOptions"/>).</summary>
    public static IServiceCollection AddMolForgeWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        services.AddSingleton(options);

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        // Accounts: ASP.NET Core Identity with the EF Core store, cookie sign-in (the Blazor Identity template's shape).
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = IdentityConstants.ApplicationScheme;
            o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
        }).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Login";
            o.Cookie.Name = "MolForge.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
        services.AddAuthorization();
        services.AddIdentityCore<MolForgeUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<MolForgeDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddMolForgeData(configuration.GetConnectionString("MolForge"));
        services.AddMolForgeGeneration(new GenerationOptions { ModelPath = options.ModelPath });
        services.AddMolForgeApplication(options.Limits);
        // The generator and scorer come from the chemistry/quantum cores; until a build registers them the design
        // services must not be validated eagerly (factories are resolved only when DesignAvailability says so).
        services.Replace(ServiceDescriptor.Singleton(sp => ActivatorUtilities.CreateInstance<DesignPipeline>(sp)));
        services.Replace(ServiceDescriptor.Singleton(sp => ActivatorUtilities.CreateInstance<DesignRunService>(sp)));
        services.AddSingleton<DesignAvailability>();
        services.AddHostedService<DatabaseMigrationService>();
        services.AddHostedService<DesignQueueWorker>();

        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxUploadBytes);
        return services;
    }

    /// <summary>Error handling (no stack traces outside Development), authentication, antiforgery, static assets,
    /// the Blazor endpoints, the account endpoints and the export endpoints.</summary>
    public static WebApplication UseMolForgeWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Production error handling in every environment (the README's `dotnet run` uses Development so that static
        // web assets are served from the build): users never see a stack trace. MolForge:DeveloperErrors=true opts out.
        if (!app.Configuration.GetValue<bool>("MolForge:DeveloperErrors"))
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapExportEndpoints();
        app.MapJobExportEndpoints();
        app.MapArtefactEndpoints();
        return app;
    }
}
