using System.CommandLine;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge bench NAME ... --json`: timings of the hot paths, one subcommand per <see cref="IBenchmark"/>.</summary>
internal sealed class BenchVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var command = new Command("bench", "Time a hot path (statevector, rhf, canon, generate…); --json for machine-readable output.");
        var benchmarks = typeof(BenchVerb).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
            .Select(t => ((IBenchmark)Activator.CreateInstance(t)!).Build(io))
            .OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var sub in benchmarks) command.Subcommands.Add(sub);
        return command;
    }
}
