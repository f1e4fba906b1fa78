using Microsoft.Extensions.DependencyInjection;
using MolForge.Application;
using MolForge.Application.Export;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using MolForge.Data;

namespace MolForge.Cli.Verbs.Export;

/// <summary>`molforge export --run ID`: a stored design run (made on the command line) as SDF, SMILES or CSV.</summary>
internal static class DesignRunExport
{
    public static async Task<int> WriteAsync(CliIO io, string runId, string? db, string format, string? outPath, CancellationToken ct)
    {
        if (!Guid.TryParse(runId, out var id)) throw new CliUsageException($"--run expects a run id such as 3f2c…-…, got '{runId}'");
        var exportFormat = ExportFormats.Resolve(format, outPath);
        await using var services = new ServiceCollection().AddMolForgeData(db).AddMolForgeApplication().BuildServiceProvider();
        var run = await services.GetRequiredService<IDesignRunRepository>().GetAsync(id, CliOwner.Id, ct).ConfigureAwait(false)
            ?? throw new CliUsageException($"no design run {id} in this database");
        await WriteRunAsync(io, services.GetRequiredService<IRunExporter>(), run, exportFormat, outPath, ct).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    /// <summary>Writes a run to standard output or a file (shared by `design` and `export --run`).</summary>
    public static async Task WriteRunAsync(CliIO io, IRunExporter exporter, DesignRun run, ExportFormat format, string? outPath, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await exporter.WriteAsync(run, format, buffer, ct).ConfigureAwait(false);
        if (outPath is null or "-")
        {
            await io.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            await io.Out.FlushAsync(ct).ConfigureAwait(false);
        }
        else
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (folder is not null) Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(outPath, buffer.ToArray(), ct).ConfigureAwait(false);
        }
    }
}
