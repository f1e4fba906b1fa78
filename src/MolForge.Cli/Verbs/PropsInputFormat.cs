using System.CommandLine;
using MolForge.Application.Chemistry;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs;

/// <summary>The input format of describe/match/similar: from <c>--from</c>, else the file extension, else SMILES.</summary>
internal static class PropsInputFormat
{
    public static Option<string?> CreateOption() =>
        new("--from") { Description = "Input format: smi, csv, sdf or xyz (default: from the file extension; SMILES for -)." };

    public static MoleculeFileFormat Resolve(string path, string? from)
    {
        if (from is not null)
            return MoleculeFiles.Parse(from) ?? throw new CliUsageException($"--from must be smi, csv, sdf or xyz, not '{from}'");
        return path == "-" ? MoleculeFileFormat.Smiles : MoleculeFiles.FormatOfPath(path) ?? MoleculeFileFormat.Smiles;
    }
}
