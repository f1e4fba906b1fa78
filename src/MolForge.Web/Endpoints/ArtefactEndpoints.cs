using System.Security.Claims;
using MolForge.Application.Artefacts;
using MolForge.Application.Storage;
using MolForge.Web.Account;

namespace MolForge.Web.Endpoints;

/// <summary>Downloads of one candidate's Molden / FCIDUMP / QASM files through <see cref="ICandidateArtefactService"/>.
/// Owner-checked (another user's run answers 404); a file that cannot be made for this candidate answers 422 with the
/// service's message as plain text; 503 when this build registers no artefact service.</summary>
internal static class ArtefactEndpoints
{
    public static IEndpointRouteBuilder MapArtefactEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/runs/{runId:guid}/candidates/{candidateId:guid}").RequireAuthorization().MapGet("/files/{kind}", DownloadAsync);
        return endpoints;
    }

    /// <summary>The artefact kind for a URL segment (molden, fcidump, qasm), or null.</summary>
    public static CandidateArtefactKind? ParseKind(string text) => text.ToLowerInvariant() switch
    {
        "molden" => CandidateArtefactKind.Molden,
        "fcidump" => CandidateArtefactKind.Fcidump,
        "qasm" => CandidateArtefactKind.Qasm,
        _ => null,
    };

    internal static async Task<IResult> DownloadAsync(Guid runId, Guid candidateId, string kind, ClaimsPrincipal user, IDesignRunRepository runs, IServiceProvider services, CancellationToken ct)
    {
        if (ParseKind(kind) is not { } k) return TypedResults.Text($"Unknown file kind '{kind}': use molden, fcidump or qasm.", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        if (user.OwnerId() is not { } owner) return TypedResults.Unauthorized();
        var run = await runs.GetAsync(runId, owner, ct).ConfigureAwait(false);
        var candidate = run?.Candidates.FirstOrDefault(c => c.Id == candidateId);
        if (run is null || candidate is null) return TypedResults.NotFound("No such candidate.");
        if (services.GetService<ICandidateArtefactService>() is not { } artefacts)
            return TypedResults.Text("Molden, FCIDUMP and QASM files are not available in this build (no artefact service is registered).", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        try
        {
            var file = await artefacts.CreateAsync(run, candidate, k, ct).ConfigureAwait(false);
            return TypedResults.File(file.Content, file.ContentType, file.FileName);
        }
        catch (CandidateArtefactException ex)
        {
            return TypedResults.Text(ex.Message, "text/plain", statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }
}
