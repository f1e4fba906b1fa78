using System.CommandLine;
using System.Reflection;

namespace MolForge.Cli.Infrastructure;

/// <summary>Builds the root command from every <see cref="ICliVerb"/> in this assembly and runs it, turning
/// exceptions into a one-line message and exit code 2 (a stack trace only with --verbose).</summary>
internal static class CliApp
{
    /// <summary>Global flag: print stack traces of fatal errors.</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "Print full error details (stack traces).", Recursive = true };

    public static RootCommand BuildRoot(CliIO io)
    {
        var root = new RootCommand("MolForge: molecule design with cheminformatics, quantum chemistry and VQE.");
        root.Options.Add(Verbose);
        var verbs = typeof(CliApp).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliVerb).IsAssignableFrom(t))
            .Select(t => (ICliVerb)Activator.CreateInstance(t)!)
            .Select(v => v.Build(io))
            .OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var command in verbs) root.Subcommands.Add(command);
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var io = new CliIO(stdin, stdout, stderr);
        var verbose = args.Contains("--verbose");
        try
        {
            var root = BuildRoot(io);
            var parse = root.Parse(args);
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
            var code = await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
            await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
            // System.CommandLine reports a command line it cannot parse (missing argument, unknown option or verb)
            // with exit code 1, which the contract reserves for invalid input lines: bad usage is 2.
            return parse.Errors.Count > 0 ? ExitCodes.Fatal : code;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
            stderr.WriteLine(inner is CliUsageException or OperationCanceledException ? $"error: {inner.Message}" : $"error: {inner.GetType().Name}: {inner.Message}");
            if (verbose) stderr.WriteLine(inner.ToString());
            return ExitCodes.Fatal;
        }
    }
}
