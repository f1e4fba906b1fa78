using System.Reflection;

namespace MolForge.Application;

/// <summary>The version recorded with every result (provenance).</summary>
public static class SoftwareVersion
{
    /// <summary>"MolForge x.y.z" from the assembly's informational version.</summary>
    public static string Describe()
    {
        var version = typeof(SoftwareVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SoftwareVersion).Assembly.GetName().Version?.ToString() ?? "0";
        return $"MolForge {version}";
    }
}
