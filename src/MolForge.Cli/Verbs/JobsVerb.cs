using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using MolForge.Cli.Verbs.Screening;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge jobs [list|show NAME|cancel NAME|delete NAME] [--db PATH] [--json]`: screening jobs and their
/// counts (read from the database, so current while a job runs elsewhere); `delete` removes a job that is not running
/// with its stored results (the input file, which the CLI only read, is kept).</summary>
internal sealed class JobsVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var db = new Option<string?>("--db") { Description = "Database: a SQLite file path (default: the user's MolForge database) or postgres://…", Recursive = true };
        var json = new Option<bool>("--json") { Description = "Machine-readable output.", Recursive = true };
        var command = new Command("jobs", "List, show, cancel or delete screening jobs.");
        command.Options.Add(db);
        command.Options.Add(json);
        command.SetAction((r, ct) => ListAsync(io, r.GetValue(db), r.GetValue(json), ct));

        var list = new Command("list", "All jobs, newest first.");
        list.SetAction((r, ct) => ListAsync(io, r.GetValue(db), r.GetValue(json), ct));

        var showName = new Argument<string>("name") { Description = "Job name." };
        var show = new Command("show", "One job's status and counts.");
        show.Arguments.Add(showName);
        show.SetAction((r, ct) => ShowAsync(io, r.GetValue(db), r.GetValue(showName)!, r.GetValue(json), ct));

        var cancelName = new Argument<string>("name") { Description = "Job name." };
        var cancel = new Command("cancel", "Stop a running job (results so far are kept; screen resumes it).");
        cancel.Arguments.Add(cancelName);
        cancel.SetAction((r, ct) => CancelAsync(io, r.GetValue(db), r.GetValue(cancelName)!, r.GetValue(json), ct));

        var deleteName = new Argument<string>("name") { Description = "Job name." };
        var delete = new Command("delete", "Remove a job that is not running and its stored results (cancel a running job first); the input file is kept.");
        delete.Arguments.Add(deleteName);
        delete.SetAction((r, ct) => DeleteAsync(io, r.GetValue(db), r.GetValue(deleteName)!, r.GetValue(json), ct));

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(cancel);
        command.Subcommands.Add(delete);
        return command;
    }

    private static async Task<int> ListAsync(CliIO io, string? db, bool json, CancellationToken ct)
    {
        await using var services = ScreeningCli.JobServices(db);
        var jobs = await services.GetRequiredService<ScreeningJobService>().ListAsync(ScreeningJobService.LocalOwner, ct).ConfigureAwait(false);
        if (json)
        {
            io.Out.WriteLine(JsonSerializer.Serialize(jobs.Select(Summary).ToList()));
            return ExitCodes.Ok;
        }
        io.Out.WriteLine("name\tstatus\tdone\tfailed\ttotal\tupdated");
        foreach (var j in jobs)
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{j.Name}\t{ScreeningCli.StatusName(j.Status)}\t{j.Done}\t{j.Failed}\t{j.Total}\t{j.UpdatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"));
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowAsync(CliIO io, string? db, string name, bool json, CancellationToken ct)
    {
        await using var services = ScreeningCli.JobServices(db);
        var job = await ScreeningCli.RequireJobAsync(services.GetRequiredService<ScreeningJobService>(), name, ct).ConfigureAwait(false);
        Print(io, job, json);
        return ExitCodes.Ok;
    }

    private static async Task<int> CancelAsync(CliIO io, string? db, string name, bool json, CancellationToken ct)
    {
        await using var services = ScreeningCli.JobServices(db);
        var job = await services.GetRequiredService<ScreeningJobService>().CancelAsync(name, ScreeningJobService.LocalOwner, ct).ConfigureAwait(false)
                  ?? throw new CliUsageException($"no screening job named '{name}' in this database");
        Print(io, job, json);
        return ExitCodes.Ok;
    }

    private static async Task<int> DeleteAsync(CliIO io, string? db, string name, bool json, CancellationToken ct)
    {
        await using var services = ScreeningCli.JobServices(db);
        ScreeningJobDeletion deletion;
        try
        {
            // No upload folder: a CLI job's input is the user's own file, never deleted.
            deletion = await services.GetRequiredService<ScreeningJobService>().DeleteAsync(name, ScreeningJobService.LocalOwner, uploadFolder: null, ct).ConfigureAwait(false)
                       ?? throw new CliUsageException($"no screening job named '{name}' in this database");
        }
        catch (ScreeningJobException ex)
        {
            throw new CliUsageException($"{ex.Message} (molforge jobs cancel {Quote(name)})", ex);
        }
        if (json)
        {
            io.Out.WriteLine(JsonSerializer.Serialize(new DeleteSummary(deletion.Job.Name, ScreeningCli.StatusName(deletion.Job.Status), deletion.ItemsRemoved, deletion.InputFileRemoved)));
            return ExitCodes.Ok;
        }
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"deleted job {deletion.Job.Name} ({ScreeningCli.StatusName(deletion.Job.Status)}): the job and its {deletion.ItemsRemoved} stored result{(deletion.ItemsRemoved == 1 ? "" : "s")}"));
        io.Out.WriteLine(deletion.InputFileRemoved ? $"input file removed: {deletion.Job.InputPath}" : $"input file kept: {deletion.Job.InputPath}");
        return ExitCodes.Ok;
    }

    private static string Quote(string name) => name.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`' or '\\') ? $"'{name.Replace("'", "'\\''", StringComparison.Ordinal)}'" : name;

    private static void Print(CliIO io, ScreeningJob job, bool json)
    {
        if (json)
        {
            io.Out.WriteLine(JsonSerializer.Serialize(Summary(job)));
            return;
        }
        var spec = ScreeningJobSpec.FromJson(job.SettingsJson);
        io.Out.WriteLine($"name: {job.Name}");
        io.Out.WriteLine($"status: {ScreeningCli.StatusName(job.Status)}");
        if (job.Error is { Length: > 0 } error) io.Out.WriteLine($"error: {error}");
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total: {job.Total}\ndone: {job.Done}\nfailed: {job.Failed}"));
        io.Out.WriteLine($"input: {job.InputPath} (sha256 {job.InputSha256})");
        io.Out.WriteLine($"settings: {ScreeningJobSpec.Describe(spec.Scoring)}");
        io.Out.WriteLine($"created: {job.CreatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}, updated: {job.UpdatedAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
    }

    private static JobSummary Summary(ScreeningJob j) => new(j.Name, ScreeningCli.StatusName(j.Status), j.Total, j.Done, j.Failed, j.Error);

    private sealed record DeleteSummary(
        [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("status")] string Status,
        [property: System.Text.Json.Serialization.JsonPropertyName("items_removed")] int ItemsRemoved,
        [property: System.Text.Json.Serialization.JsonPropertyName("input_file_removed")] bool InputFileRemoved);

    private sealed record JobSummary(
        [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name,
        [property: System.Text.Json.Serialization.JsonPropertyName("status")] string Status,
        [property: System.Text.Json.Serialization.JsonPropertyName("total")] int Total,
        [property: System.Text.Json.Serialization.JsonPropertyName("done")] int Done,
        [property: System.Text.Json.Serialization.JsonPropertyName("failed")] int Failed,
        [property: System.Text.Json.Serialization.JsonPropertyName("error"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Error);
}
