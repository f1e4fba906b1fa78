using System.CommandLine;

namespace MolForge.Cli.Infrastructure;

/// <summary>One `molforge` verb. Each verb lives in its own class under Verbs/ and is found by reflection, so
/// adding a verb touches no shared file. A verb only parses, validates and calls Application services.</summary>
internal interface ICliVerb
{
    /// <summary>Builds the System.CommandLine command for this verb, its action writing through <paramref name="io"/>.</summary>
    Command Build(CliIO io);
}
