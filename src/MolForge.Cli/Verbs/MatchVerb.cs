using System.CommandLine;
using System.Globalization;
using MolForge.Application.Chemistry;
using MolForge.Chem.Smarts;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge match SMARTS FILE|- [--count]`: the inputs that contain a SMARTS pattern.</summary>
internal sealed class MatchVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var smarts = new Argument<string>("smarts") { Description = "SMARTS pattern (Daylight SMARTS with RDKit semantics)." };
        var file = new Argument<string>("file") { Description = "SMILES file (SMILES [name] per line; .gz ok), or - for standard input." };
        var count = new Option<bool>("--count") { Description = "Append the number of unique matches (tab-separated) to each matching input." };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("match", "Print the inputs (SMILES and name) that contain the SMARTS pattern, in input order.");
        command.Arguments.Add(smarts);
        command.Arguments.Add(file);
        command.Options.Add(count);
        command.Options.Add(output);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            SmartsQuery pattern;
            try
            {
                pattern = MatchingService.ParsePattern(r.GetValue(smarts)!);
            }
            catch (SmartsParseException e)
            {
                throw new CliUsageException(e.Message);
            }
            var withCount = r.GetValue(count);
            var invalid = 0;
            var reader = io.OpenInput(r.GetValue(file)!);
            var writer = io.OpenOutput(r.GetValue(output));
            try
            {
                foreach (var row in MatchingService.MatchLines(pattern, reader, (line, reason) =>
                {
                    invalid++;
                    io.ReportInvalid(line, reason);
                }, ct))
                {
                    if (row.Count == 0) continue;
                    var text = row.Name.Length > 0 ? row.Smiles + "\t" + row.Name : row.Smiles;
                    writer.WriteLine(withCount ? text + "\t" + row.Count.ToString(CultureInfo.InvariantCulture) : text);
                }
                writer.Flush();
            }
            finally
            {
                if (!ReferenceEquals(reader, io.In)) reader.Dispose();
                if (!ReferenceEquals(writer, io.Out)) writer.Dispose();
            }
            return Task.FromResult(invalid > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok);
        });
        return command;
    }
}
