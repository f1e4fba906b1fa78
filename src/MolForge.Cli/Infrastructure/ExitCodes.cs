namespace MolForge.Cli.Infrastructure;

/// <summary>Exit codes of the CLI contract (shared/CLI.md).</summary>
internal static class ExitCodes
{
    /// <summary>All inputs handled.</summary>
    public const int Ok = 0;
    /// <summary>Some inputs were invalid (each reported as <c>line N: reason</c>).</summary>
    public const int SomeInvalid = 1;
    /// <summary>Bad usage or a fatal error.</summary>
    public const int Fatal = 2;
}
