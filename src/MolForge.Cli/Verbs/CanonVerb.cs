using System.CommandLine;
using MolForge.Application.Chemistry;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge canon FILE|- [--no-stereo] [--kekule] [-o OUT]`: canonical isomeric SMILES, one line per input line.</summary>
internal sealed class CanonVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var file = new Argument<string>("file") { Description = "Input SMILES file (.smi, .csv with a smiles column, .gz) or - for standard input." };
        var noStereo = new Option<bool>("--no-stereo") { Description = "Write without stereo and isotopes." };
        var kekule = new Option<bool>("--kekule") { Description = "Write Kekulé forms (no aromatic atoms)." };
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default: standard output)." };
        var command = new Command("canon", "Canonical isomeric SMILES for each input line (name column kept, tab-separated).");
        command.Arguments.Add(file);
        command.Options.Add(noStereo);
        command.Options.Add(kekule);
        command.Options.Add(output);
        command.SetAction(r =>
        {
            using var input = io.OpenInput(r.GetValue(file)!);
            var outPath = r.GetValue(output);
            var writer = io.OpenOutput(outPath);
            try
            {
                var invalid = SmilesLineCanonicalizer.Run(input, writer, new CanonicalizeOptions { NoStereo = r.GetValue(noStereo), Kekule = r.GetValue(kekule) }, io.ReportInvalid);
                writer.Flush();
                return invalid > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok;
            }
            finally
            {
                if (!ReferenceEquals(writer, io.Out)) writer.Dispose();
            }
        });
        return command;
    }
}
