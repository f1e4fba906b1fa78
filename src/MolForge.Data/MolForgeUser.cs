using Microsoft.AspNetCore.Identity;

namespace MolForge.Data;

/// <summary>A MolForge account (ASP.NET Core Identity, EF Core store).</summary>
public sealed class MolForgeUser : IdentityUser
{
}
