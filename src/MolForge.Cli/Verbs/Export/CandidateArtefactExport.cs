using Microsoft.Extensions.DependencyInjection;
using MolForge.Application;
using MolForge.Application.Artefacts;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using MolForge.Data;

namespace MolForge.Cli.Verbs.Export;

/// <summary>`molforge export --run ID --candidate RANK --format molden|fcidump|qasm [-o OUT]`: one candidate of a stored
/// design run as a file for other quantum tools, made by <see cref="ICandidateArtefactService"/>.</summary>
internal static class CandidateArtefactExport
{
    /// <summary>The formats this export makes (the others are whole-run formats).</summary>
    public static readonly IReadOnlyList<string> Formats = ["molden", "fcidump", "qasm"];

    public static CandidateArtefactKind? KindOf(string format) => format.ToLowerInvariant() switch
    {
        "molden" => CandidateArtefactKind.Molden,
        "fcidump" => CandidateArtefactKind.Fcidump,
        "qasm" => CandidateArtefactKind.Qasm,
        _ => null,
    };

    public static async Task<int> WriteAsync(CliIO io, string runId, int rank, string? db, string format, string? outPath, CancellationToken ct)
    {
        if (!Guid.TryParse(runId, out var id)) throw new CliUsageException($"--run expects a run id such as 3f2c…-…, got '{runId}'");
        var kind = KindOf(format) ?? throw new CliUsageException($"--candidate exports {string.Join(", ", Formats)}; got --format {format}");
        if (rank < 1) throw new CliUsageException($"--candidate expects a rank (1 = best), got {rank}");
        await using var services = new ServiceCollection().AddMolForgeData(db).AddMolForgeApplication().BuildServiceProvider();
        var run = await services.GetRequiredService<IDesignRunRepository>().GetAsync(id, CliOwner.Id, ct).ConfigureAwait(false)
            ?? throw new CliUsageException($"no design run {id} in this database");
        var candidate = run.Candidates.FirstOrDefault(c => c.Rank == rank)
            ?? throw new CliUsageException($"design run {id} has no candidate of rank {rank} (ranks 1..{run.Candidates.Count})");
        CandidateArtefact artefact;
        try
        {
            artefact = await services.GetRequiredService<ICandidateArtefactService>().CreateAsync(run, candidate, kind, ct).ConfigureAwait(false);
        }
        catch (CandidateArtefactException ex)
        {
            throw new CliUsageException(ex.Message, ex);
        }
        if (outPath is null or "-")
        {
            await io.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(artefact.Content)).ConfigureAwait(false);
            await io.Out.FlushAsync(ct).ConfigureAwait(false);
        }
        else
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(outPath, artefact.Content, ct).ConfigureAwait(false);
            io.Error.WriteLine($"wrote {outPath} ({artefact.FileName}, {artefact.Content.Length} bytes)");
        }
        return ExitCodes.Ok;
    }
}
