using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Export;
using MolForge.Application.Screening;
using MolForge.Cli.Infrastructure;
using MolForge.Cli.Verbs.Export;
using MolForge.Cli.Verbs.Screening;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge export --job NAME --format csv|smi [-o OUT]`: a job's results, one row per input line.  Job rows are
/// written by the Application's <see cref="ScreeningJobExporter"/> (the same files the web app's Jobs page serves). `--run ID --candidate RANK --format molden|fcidump|qasm` writes one candidate's file for other
/// quantum tools.</summary>
internal sealed class ExportVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var job = new Option<string?>("--job") { Description = "Screening job name." };
        var run = new Option<string?>("--run") { Description = "Design run id (as printed by `molforge design`)." };
        var db = new Option<string?>("--db") { Description = "Database: a SQLite file path (default: the user's MolForge database) or postgres://…" };
        var candidate = new Option<int?>("--candidate") { Description = "With --run: the candidate of this rank (1 = best), exported as --format molden, fcidump or qasm." };
        var format = new Option<string>("--format") { Description = "csv (one row per input line), sdf (3D, with data fields) or smi (scored molecules); with --candidate: molden, fcidump or qasm.", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default: standard output)." };
        var command = new Command("export", "Export the results of a screening job (--job) or a design run (--run).");
        foreach (var o in new Option[] { job, run, candidate, db, format, output }) command.Options.Add(o);
        command.SetAction(async (r, ct) =>
        {
            var isArtefact = CandidateArtefactExport.KindOf(r.GetValue(format)!) is not null;
            if (r.GetValue(candidate) is not null && r.GetValue(run) is null) throw new CliUsageException("--candidate needs --run ID");
            if (isArtefact && r.GetValue(candidate) is null)
                throw new CliUsageException($"--format {r.GetValue(format)} is made per candidate: give --run ID --candidate RANK");
            if (r.GetValue(run) is { } runId)
            {
                if (r.GetValue(job) is not null) throw new CliUsageException("give --job or --run, not both");
                if (r.GetValue(candidate) is { } rank)
                    return await CandidateArtefactExport.WriteAsync(io, runId, rank, r.GetValue(db), r.GetValue(format)!, r.GetValue(output), ct).ConfigureAwait(false);
                return await DesignRunExport.WriteAsync(io, runId, r.GetValue(db), r.GetValue(format)!, r.GetValue(output), ct).ConfigureAwait(false);
            }
            var jobFormat = JobFormat(r.GetValue(format)!);
            var jobName = r.GetValue(job) ?? throw new CliUsageException("say what to export: --job NAME or --run ID");
            await using var services = ScreeningCli.JobServices(r.GetValue(db));
            var jobService = services.GetRequiredService<ScreeningJobService>();
            var screeningJob = await ScreeningCli.RequireJobAsync(jobService, jobName, ct).ConfigureAwait(false);
            var target = io.OpenOutput(r.GetValue(output));
            try
            {
                await new ScreeningJobExporter(jobService).WriteAsync(screeningJob, jobFormat, target, ct).ConfigureAwait(false);
            }
            finally
            {
                if (!ReferenceEquals(target, io.Out)) await target.DisposeAsync().ConfigureAwait(false);
                else await target.FlushAsync(ct).ConfigureAwait(false);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static ExportFormat JobFormat(string format) => format.ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "smi" or "smiles" => ExportFormat.Smiles,
        "sdf" => ExportFormat.Sdf,
        _ => throw new CliUsageException($"unknown --format '{format}' (expected csv, sdf or smi)"),
    };
}
