using System.CommandLine;

namespace MolForge.Cli.Infrastructure;

/// <summary>One `molforge bench NAME` subcommand (statevector, rhf, canon, generate…). Found by reflection like
/// verbs, so each area adds its benchmark in its own file.</summary>
internal interface IBenchmark
{
    /// <summary>Builds the subcommand under `bench`.</summary>
    Command Build(CliIO io);
}
