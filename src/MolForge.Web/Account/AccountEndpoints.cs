using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MolForge.Data;

namespace MolForge.Web.Account;

/// <summary>Account endpoints that are not pages: sign out (a POST form with the antiforgery token).</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (SignInManager<MolForgeUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync().ConfigureAwait(false);
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        });
        return endpoints;
    }

    /// <summary>A local path to return to after signing in or out; anything else (absolute URLs, //host) becomes "/".</summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl)) return "/";
        if (returnUrl[0] != '/' || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal)) return "/";
        return returnUrl;
    }
}
