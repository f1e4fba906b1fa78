using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using MolForge.Data;

namespace MolForge.Cli.Verbs.Screening;

/// <summary>What the screening verbs share: the --db option's meaning, job lookup and status names.</summary>
internal static class ScreeningCli
{
    /// <summary>Services to read and manage jobs without a silo (jobs, export).</summary>
    public static ServiceProvider JobServices(string? db) =>
        new ServiceCollection().AddMolForgeData(db).AddMolForgeScreeningJobs().BuildServiceProvider();

    /// <summary>The contract's lower-case status name.</summary>
    public static string StatusName(RunStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The contract's lower-case item status.</summary>
    public static string StatusName(ScreeningItemStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>The job named <paramref name="name"/>, or a usage error.</summary>
    public static async Task<ScreeningJob> RequireJobAsync(ScreeningJobService service, string name, CancellationToken cancellationToken) =>
        await service.FindAsync(name, ScreeningJobService.LocalOwner, cancellationToken).ConfigureAwait(false)
        ?? throw new CliUsageException($"no screening job named '{name}' in this database");

    /// <summary>"line N" for an item (the input line of a SMILES/CSV record; "record N" for SDF).</summary>
    public static string Where(ScreeningJob job, ScreeningItem item)
    {
        var format = "smi";
        try
        {
            format = ScreeningJobSpec.FromJson(job.SettingsJson).Format;
        }
        catch (InvalidDataException)
        {
        }
        return format switch
        {
            "csv" => $"line {item.LineIndex + 2}",
            "sdf" => $"record {item.LineIndex + 1}",
            _ => $"line {item.LineIndex + 1}",
        };
    }
}
