using System.CommandLine;
using MolForge.Application.Chemistry;
using MolForge.Application.Conformers;
using MolForge.Chem.Conformers;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge conformer FILE|- [-o OUT.sdf] [--seed N] [--conformers K]`: one (or K) MMFF94-minimised 3D
/// conformers with explicit hydrogens per valid SMILES line, as SDF with the input's name as title.</summary>
internal sealed class ConformerVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var file = new Argument<string>("file") { Description = "Input: .smi (SMILES [name] per line), .csv, .sdf or .xyz (.gz allowed), or - for standard input." };
        var from = new Option<string?>("--from") { Description = "Input format when reading standard input or an unknown extension (smi, csv, sdf, xyz); default smi." };
        var output = new Option<string?>("--out", "-o") { Description = "Output SDF file (default: standard output)." };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same conformers).", DefaultValueFactory = _ => 42 };
        var count = new Option<int>("--conformers") { Description = "Conformers per molecule (RMSD-pruned, lowest energy first).", DefaultValueFactory = _ => 1 };
        var command = new Command("conformer", "3D conformers (ETKDG-style distance geometry + MMFF94) as SDF with hydrogens.");
        command.Arguments.Add(file);
        command.Options.Add(output);
        command.Options.Add(from);
        command.Options.Add(seed);
        command.Options.Add(count);
        command.SetAction(r =>
        {
            var k = r.GetValue(count);
            if (k < 1) throw new CliUsageException("--conformers must be at least 1");
            var options = new ConformerOptions(Seed: r.GetValue(seed), Conformers: k);
            var path = r.GetValue(file)!;
            var fromName = r.GetValue(from);
            MoleculeFileFormat format;
            if (fromName is not null) format = MoleculeFiles.Parse(fromName) ?? throw new CliUsageException($"unknown input format '{fromName}' (smi, csv, sdf, xyz)");
            else format = path == "-" ? MoleculeFileFormat.Smiles : MoleculeFiles.FormatOfPath(path) ?? MoleculeFileFormat.Smiles;
            using var input = io.OpenInput(path);
            var outPath = r.GetValue(output);
            var writer = io.OpenOutput(outPath);
            var invalid = false;
            try
            {
                foreach (var outcome in ConformerService.Run(input, format, options))
                {
                    if (outcome.Error is not null)
                    {
                        io.ReportInvalid(outcome.LineNumber, outcome.Error);
                        invalid = true;
                        continue;
                    }
                    ConformerService.WriteSdf(writer, outcome);
                }
            }
            finally
            {
                writer.Flush();
                if (!ReferenceEquals(writer, io.Out)) writer.Dispose();
            }
            return invalid ? ExitCodes.SomeInvalid : ExitCodes.Ok;
        });
        return command;
    }
}
