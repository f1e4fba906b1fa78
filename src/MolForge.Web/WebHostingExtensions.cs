using MolForge.Web.Components;
using MudBlazor.Services;

namespace MolForge.Web;

/// <summary>Service registration and request pipeline of the web app (Program.cs stays a few lines).</summary>
public static class WebHostingExtensions
{
    public static IServiceCollection AddMolForgeWeb(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    public static WebApplication UseMolForgeWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
