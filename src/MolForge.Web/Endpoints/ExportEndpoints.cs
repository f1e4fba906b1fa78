using System.Security.Claims;
using System.Text;
using MolForge.Application.Export;
using MolForge.Application.Storage;
using MolForge.Web.Account;

namespace MolForge.Web.Endpoints;

/// <summary>File downloads of a run (SDF, SMILES, CSV) and of one candidate (SDF), through <see cref="IRunExporter"/>.
/// Every request is checked against the signed-in owner: another user's run answers 404, as if it did not exist.</summary>
internal static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/runs/{runId:guid}").RequireAuthorization();
        group.MapGet("/export/{format}", ExportRunAsync);
        group.MapGet("/candidates/{candidateId:guid}/sdf", ExportCandidateAsync);
        return endpoints;
    }

    /// <summary>The export format for a URL segment (sdf, smi/smiles, csv), or null.</summary>
    public static ExportFormat? ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "sdf" => ExportFormat.Sdf,
        "smi" or "smiles" => ExportFormat.Smiles,
        "csv" => ExportFormat.Csv,
        _ => null,
    };

    private static async Task<IResult> ExportRunAsync(Guid runId, string format, ClaimsPrincipal user, IDesignRunRepository runs, IServiceProvider services, CancellationToken ct)
    {
        if (ParseFormat(format) is not { } f) return TypedResults.BadRequest($"Unknown export format '{format}': use sdf, smi or csv.");
        if (user.OwnerId() is not { } owner) return TypedResults.Unauthorized();
        var run = await runs.GetAsync(runId, owner, ct).ConfigureAwait(false);
        if (run is null) return TypedResults.NotFound("No such run.");
        return Download(services, run, f, $"{FileStem(run)}.{Extension(f)}");
    }

    private static async Task<IResult> ExportCandidateAsync(Guid runId, Guid candidateId, ClaimsPrincipal user, IDesignRunRepository runs, IServiceProvider services, CancellationToken ct)
    {
        if (user.OwnerId() is not { } owner) return TypedResults.Unauthorized();
        var run = await runs.GetAsync(runId, owner, ct).ConfigureAwait(false);
        var candidate = run?.Candidates.FirstOrDefault(c => c.Id == candidateId);
        if (run is null || candidate is null) return TypedResults.NotFound("No such candidate.");
        var single = new DesignRun
        {
            Id = run.Id, OwnerId = run.OwnerId, Title = run.Title, PromptJson = run.PromptJson, Status = run.Status,
            CreatedAt = run.CreatedAt, CompletedAt = run.CompletedAt, SoftwareVersion = run.SoftwareVersion, Candidates = [candidate],
        };
        return Download(services, single, ExportFormat.Sdf, $"{FileStem(run)}-rank{candidate.Rank}.sdf");
    }

    private static IResult Download(IServiceProvider services, DesignRun run, ExportFormat format, string fileName)
    {
        if (services.GetService<IRunExporter>() is not { } exporter)
            return TypedResults.Problem("Export is not available in this build (no exporter is registered).", statusCode: StatusCodes.Status503ServiceUnavailable);
        return TypedResults.Stream(stream => exporter.WriteAsync(run, format, stream), ContentType(format), fileName);
    }

    private static string Extension(ExportFormat f) => f switch { ExportFormat.Sdf => "sdf", ExportFormat.Smiles => "smi", _ => "csv" };

    private static string ContentType(ExportFormat f) => f switch
    {
        ExportFormat.Sdf => "chemical/x-mdl-sdfile",
        ExportFormat.Smiles => "chemical/x-daylight-smiles",
        _ => "text/csv",
    };

    /// <summary>A file name stem from the run's title (letters, digits, dashes) and the start of its id.</summary>
    public static string FileStem(DesignRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sb = new StringBuilder("molforge-");
        foreach (var ch in run.Title.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(ch);
            else if (sb[^1] != '-') sb.Append('-');
            if (sb.Length > 48) break;
        }
        if (sb[^1] != '-') sb.Append('-');
        sb.Append(run.Id.ToString("N")[..8]);
        return sb.ToString();
    }
}
