using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MolForge.Application;
using MolForge.Application.Design;
using MolForge.Application.Export;
using MolForge.Application.Pipeline;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using MolForge.Data;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge design PROMPT.json [-o OUT.sdf|.csv|.smi] [--db PATH]`: the whole pipeline (generate, filter,
/// 3D, RHF, active space, VQE, rank, store, export) with progress on stderr.</summary>
internal sealed class DesignVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var prompt = new Argument<string>("prompt") { Description = "Design prompt JSON file (shared/CLI.md), or - for standard input." };
        var output = new Option<string?>("--out", "-o") { Description = "Output file: .sdf (3D with hydrogens and scores), .csv or .smi; standard output (CSV) when absent." };
        var format = new Option<string?>("--format") { Description = "sdf, csv or smi (default: from the --out extension, else csv)." };
        var db = new Option<string?>("--db") { Description = "Database: a SQLite file path or a PostgreSQL connection string (default: the embedded SQLite file)." };
        var parallel = new Option<int>("--parallel") { Description = "Candidates scored at once.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount / 2) };
        var command = new Command("design", "Generate, score with quantum chemistry, rank, store and export candidates for a design prompt.");
        command.Arguments.Add(prompt);
        command.Options.Add(output);
        command.Options.Add(format);
        command.Options.Add(db);
        command.Options.Add(parallel);
        command.SetAction((r, ct) => RunAsync(io, r.GetValue(prompt)!, r.GetValue(output), r.GetValue(format), r.GetValue(db), r.GetValue(parallel), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliIO io, string promptPath, string? outPath, string? formatName, string? db, int parallel, CancellationToken ct)
    {
        var exportFormat = ExportFormats.Resolve(formatName, outPath);
        string json;
        using (var reader = io.OpenInput(promptPath)) json = await reader.ReadToEndAsync(ct).ConfigureAwait(false);

        var services = new ServiceCollection()
            .AddMolForgeData(db)
            .AddMolForgeGeneration()
            .AddMolForgeApplication(pipelineOptions: new PipelineOptions { MaxParallelCandidates = Math.Max(1, parallel) });
        await using var provider = services.BuildServiceProvider();
        DesignPrompt prompt;
        try
        {
            prompt = DesignPromptReader.Parse(json, provider.GetRequiredService<DesignLimits>(), provider.GetRequiredService<IStructureChecker>());
        }
        catch (DesignPromptException ex)
        {
            foreach (var error in ex.Errors) io.Error.WriteLine($"error: {promptPath}: {error}");
            return ExitCodes.Fatal;
        }

        var repository = provider.GetRequiredService<IDesignRunRepository>();
        var run = new DesignRun { OwnerId = CliOwner.Id, Title = Path.GetFileName(promptPath), PromptJson = json };
        await repository.AddAsync(run, ct).ConfigureAwait(false);
        io.Error.WriteLine($"design run {run.Id}: {prompt.Count} candidates, {prompt.Scoring.Method}/{prompt.Scoring.Basis}, active ({prompt.Scoring.ActiveElectrons},{prompt.Scoring.ActiveOrbitals}), {prompt.Scoring.Backend}");
        var progress = new SyncProgress<DesignProgress>(p => Report(io, p));
        run = await provider.GetRequiredService<DesignPipeline>().RunAsync(run, prompt, progress, ct).ConfigureAwait(false);

        await Export.DesignRunExport.WriteRunAsync(io, provider.GetRequiredService<IRunExporter>(), run, exportFormat, outPath, ct).ConfigureAwait(false);

        io.Error.WriteLine($"run {run.Id}: {run.Status.ToString().ToLowerInvariant()}, {run.Candidates.Count(c => c.Status == CandidateStatus.Scored)} scored, {run.Candidates.Count(c => c.Status == CandidateStatus.Failed)} failed; seconds per stage {run.StageSecondsJson}");
        return run.Status is RunStatus.Completed ? ExitCodes.Ok : ExitCodes.Fatal;
    }

    private static void Report(CliIO io, DesignProgress p)
    {
        if (p.Candidate is { } c && c.Stage is PipelineStage.Done or PipelineStage.Failed)
        {
            var outcome = c.Stage == PipelineStage.Done ? "scored" : $"failed: {c.Error}";
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{p.Scored + p.Failed}/{p.Total}] {c.Smiles}: {outcome}"));
        }
        else if (p.Candidate is null && p.Message is { } message)
        {
            io.Error.WriteLine(message);
        }
    }
}

/// <summary>The owner id of runs made on the command line (the web app uses Identity user ids).</summary>
internal static class CliOwner
{
    public const string Id = "cli";
}

/// <summary>Export format from a --format value or an output file's extension.</summary>
internal static class ExportFormats
{
    public static ExportFormat Resolve(string? format, string? path)
    {
        var name = format ?? Path.GetExtension(path ?? "").TrimStart('.').ToLowerInvariant() switch
        {
            "sdf" or "sd" or "mol" => "sdf",
            "smi" or "smiles" => "smi",
            _ => "csv",
        };
        return name.ToLowerInvariant() switch
        {
            "sdf" => ExportFormat.Sdf,
            "smi" or "smiles" => ExportFormat.Smiles,
            "csv" => ExportFormat.Csv,
            _ => throw new CliUsageException($"unknown format '{name}' (use sdf, csv or smi)"),
        };
    }
}
