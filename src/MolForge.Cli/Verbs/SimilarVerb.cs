using System.CommandLine;
using System.Globalization;
using MolForge.Application.Chemistry;
using MolForge.Chem.Fingerprints;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge similar SMILES FILE|- --top K`: nearest inputs by Tanimoto on Morgan r=2, 2048-bit
/// fingerprints.</summary>
internal sealed class SimilarVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var query = new Argument<string>("smiles") { Description = "Query molecule as SMILES." };
        var file = new Argument<string>("file") { Description = "SMILES file (SMILES [name] per line; .gz ok), or - for standard input." };
        var top = new Option<int>("--top") { Description = "How many nearest inputs to print.", DefaultValueFactory = _ => 10 };
        var output = new Option<string?>("--out", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("similar",
            "Print the K inputs most similar to the query (Tanimoto, Morgan radius 2, 2048 bits), most similar first: SMILES, name, similarity (tab-separated).");
        command.Arguments.Add(query);
        command.Arguments.Add(file);
        command.Options.Add(top);
        command.Options.Add(output);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var k = r.GetValue(top);
            if (k < 1) throw new CliUsageException("--top must be at least 1");
            BitFingerprint fp;
            try
            {
                fp = SimilarityService.QueryFingerprint(r.GetValue(query)!);
            }
            catch (FormatException e)
            {
                throw new CliUsageException(e.Message);
            }
            var invalid = 0;
            var reader = io.OpenInput(r.GetValue(file)!);
            var writer = io.OpenOutput(r.GetValue(output));
            try
            {
                var rows = SimilarityService.Nearest(fp, reader, k, (line, reason) =>
                {
                    invalid++;
                    io.ReportInvalid(line, reason);
                }, ct);
                foreach (var row in rows)
                    writer.WriteLine($"{row.Smiles}\t{row.Name}\t{row.Similarity.ToString("F4", CultureInfo.InvariantCulture)}");
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
