using System.CommandLine;
using System.Globalization;
using MolForge.Application.Chemistry;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge convert IN OUT [--from FMT] [--to FMT]`: between .smi, .csv, .sdf and .xyz.</summary>
internal sealed class ConvertVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var input = new Argument<string>("in") { Description = "Input file (.smi, .csv, .sdf, .xyz, optionally .gz) or - with --from." };
        var output = new Argument<string>("out") { Description = "Output file (.smi, .csv, .sdf, .xyz) or - with --to." };
        var from = new Option<string?>("--from") { Description = "Input format when IN is - (smi, csv, sdf, xyz)." };
        var to = new Option<string?>("--to") { Description = "Output format when OUT is - (smi, csv, sdf, xyz)." };
        var command = new Command("convert", "Convert molecule files between SMILES, CSV, SDF and XYZ.");
        command.Arguments.Add(input);
        command.Arguments.Add(output);
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction(r =>
        {
            var inPath = r.GetValue(input)!;
            var outPath = r.GetValue(output)!;
            var inFormat = Resolve(r.GetValue(from), inPath, "--from");
            var outFormat = Resolve(r.GetValue(to), outPath, "--to");
            using var reader = io.OpenInput(inPath);
            var writer = io.OpenOutput(outPath);
            var invalid = 0;
            try
            {
                var fileWriter = new MoleculeFileWriter(writer, outFormat);
                foreach (var record in MoleculeFiles.Read(reader, inFormat))
                {
                    var error = record.Molecule is { } m ? fileWriter.Write(m) : record.Error;
                    if (error is null) continue;
                    invalid++;
                    Report(io, record.LineNumber, error);
                }
                writer.Flush();
            }
            finally
            {
                if (!ReferenceEquals(writer, io.Out)) writer.Dispose();
            }
            return invalid > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok;
        });
        return command;
    }

    private static MoleculeFileFormat Resolve(string? given, string path, string flag)
    {
        if (given is not null)
            return MoleculeFiles.Parse(given) ?? throw new CliUsageException($"unknown format '{given}' for {flag} (use smi, csv, sdf or xyz)");
        if (path == "-") throw new CliUsageException($"{flag} is required when the file is -");
        return MoleculeFiles.FormatOfPath(path) ?? throw new CliUsageException($"cannot tell the format of '{path}' from its extension; use {flag}");
    }

    /// <summary>Errors that already name a line ("line 17: ...") keep it; others get the record's line.</summary>
    private static void Report(CliIO io, long recordLine, string error)
    {
        if (error.StartsWith("line ", StringComparison.Ordinal))
        {
            var colon = error.IndexOf(':', StringComparison.Ordinal);
            if (colon > 5 && long.TryParse(error.AsSpan(5, colon - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                io.ReportInvalid(n, error[(colon + 1)..].TrimStart());
                return;
            }
        }
        io.ReportInvalid(recordLine, error);
    }
}
