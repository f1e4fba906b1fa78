using System.Security.Claims;
using System.Text;
using MolForge.Application.Export;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Web.Account;

namespace MolForge.Web.Endpoints;

/// <summary>Downloads of a screening job's results (CSV / SDF / SMILES, the columns of <c>molforge export --job</c>)
/// through <see cref="ScreeningJobExporter"/>, streamed from the database. Another user's job answers 404.</summary>
internal static class JobExportEndpoints
{
    public static IEndpointRouteBuilder MapJobExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/jobs/{jobId:guid}").RequireAuthorization().MapGet("/export/{format}", ExportJobAsync);
        return endpoints;
    }

    private static async Task<IResult> ExportJobAsync(Guid jobId, string format, ClaimsPrincipal user, ScreeningJobService jobs, ScreeningJobExporter exporter, CancellationToken ct)
    {
        if (ExportEndpoints.ParseFormat(format) is not { } f) return TypedResults.BadRequest($"Unknown export format '{format}': use csv, sdf or smi.");
        if (user.OwnerId() is not { } owner) return TypedResults.Unauthorized();
        var job = await jobs.GetAsync(jobId, owner, ct).ConfigureAwait(false);
        if (job is null) return TypedResults.NotFound("No such job.");
        var contentType = f switch { ExportFormat.Sdf => "chemical/x-mdl-sdfile", ExportFormat.Smiles => "chemical/x-daylight-smiles", _ => "text/csv" };
        return TypedResults.Stream(stream => exporter.WriteAsync(job, f, stream, ct), contentType, $"{FileStem(job)}.{ScreeningJobExporter.Extension(f)}");
    }

    /// <summary>"molforge-job-" and the job name (letters, digits, dashes).</summary>
    public static string FileStem(ScreeningJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var sb = new StringBuilder("molforge-job-");
        foreach (var ch in job.Name.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(ch);
            else if (sb[^1] != '-') sb.Append('-');
            if (sb.Length > 60) break;
        }
        return sb.ToString().TrimEnd('-');
    }
}
