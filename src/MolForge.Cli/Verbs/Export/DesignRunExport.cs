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
        using var buffer = new MemoryStream();
        await services.GetRequiredService<IRunExporter>().WriteAsync(run, exportFormat, buffer, ct).ConfigureAwait(false);
        if (outPath is null or "-")
        {
            await io.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            await io.Out.FlushAsync(ct).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllBytesAsync(outPath, buffer.ToArray(), ct).ConfigureAwait(false);
        }
        return ExitCodes.Ok;
    }
}
