using MolForge.Application.Design;

namespace MolForge.Web.Infrastructure;

/// <summary>Settings of the web app (configuration section <c>MolForge</c>).</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "MolForge";

    /// <summary>Largest file a user may upload (bytes); larger uploads are refused with a message.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The generator model file; null for the shipped model (data/model next to the app, or MOLFORGE_MODEL).</summary>
    public string? ModelPath { get; set; }

    /// <summary>Limits applied to design prompts.</summary>
    public DesignLimits Limits { get; set; } = new();
}
