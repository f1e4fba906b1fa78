using System.Security.Claims;

namespace MolForge.Web.Account;

/// <summary>The owner id passed to the repositories: the Identity user id of the signed-in user.</summary>
public static class UserIds
{
    /// <summary>The user id, or null when not signed in.</summary>
    public static string? OwnerId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }
}
