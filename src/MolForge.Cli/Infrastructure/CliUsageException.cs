namespace MolForge.Cli.Infrastructure;

/// <summary>Bad usage the user can fix (missing file, bad flag value): printed plainly, exit code 2.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message) : base(message) { }
    public CliUsageException(string message, Exception inner) : base(message, inner) { }
    public CliUsageException() { }
}
