using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace MolForge.Web.Tests.Support;

/// <summary>The set-up every page test shares: MudBlazor's services with loose JS interop (MudBlazor calls into
/// JavaScript the tests do not model) before anything is registered, and a signed-in user with the popover provider
/// (menus, selects) after the page's own services — bUnit freezes the service provider at the first render.</summary>
internal static class PageContext
{
    public static void AddPageServices(this BunitContext ctx)
    {
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLogging();
    }

    public static void SignIn(this BunitContext ctx, string userId)
    {
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("chemist@lab.example");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        ctx.Render<MudPopoverProvider>();
    }
}
