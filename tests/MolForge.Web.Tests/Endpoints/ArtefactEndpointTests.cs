using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MolForge.Application.Artefacts;
using MolForge.Application.Storage;
using MolForge.Web.Endpoints;
using MolForge.Web.Tests.Support;

namespace MolForge.Web.Tests.Endpoints;

/// <summary>The Molden/FCIDUMP/QASM download endpoint with a fake <see cref="ICandidateArtefactService"/>: owner check,
/// the service's refusal as 422 text, 503 without an implementation, 400 for unknown kinds.</summary>
public sealed class ArtefactEndpointTests
{
    private const string Owner = "owner-1";
    private readonly InMemoryRunRepository _runs = new();
    private readonly DesignRun _run;
    private readonly Candidate _candidate;

    public ArtefactEndpointTests()
    {
        _candidate = new Candidate { Id = Guid.NewGuid(), Smiles = "CC(N)=O", Rank = 1, Status = CandidateStatus.Scored };
        _run = new DesignRun { Id = Guid.NewGuid(), OwnerId = Owner, Title = "amides", Candidates = [_candidate] };
        _runs.Runs[_run.Id] = _run;
    }

    private sealed class FakeArtefacts : ICandidateArtefactService
    {
        public List<(Guid Run, Guid Candidate, CandidateArtefactKind Kind)> Calls { get; } = [];

        public Task<CandidateArtefact> CreateAsync(DesignRun run, Candidate candidate, CandidateArtefactKind kind, CancellationToken cancellationToken = default)
        {
            Calls.Add((run.Id, candidate.Id, kind));
            if (kind == CandidateArtefactKind.Qasm) throw new CandidateArtefactException($"candidate {candidate.Rank} ({candidate.Smiles}) has no stored VQE parameters");
            var text = $"[Molden Format]\n{candidate.Smiles}\n";
            return Task.FromResult(new CandidateArtefact($"rank{candidate.Rank}.{kind.ToString().ToLowerInvariant()}", "text/plain", Encoding.UTF8.GetBytes(text)));
        }
    }

    private static ClaimsPrincipal User(string? id) => id is null
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id)], "test"));

    private async Task<(int Status, string Body, string? Disposition)> CallAsync(string kind, string? user, ICandidateArtefactService? service, Guid? candidateId = null)
    {
        var services = new ServiceCollection().AddLogging();
        if (service is not null) services.AddSingleton(service);
        var provider = services.BuildServiceProvider();
        var result = await ArtefactEndpoints.DownloadAsync(_run.Id, candidateId ?? _candidate.Id, kind, User(user), _runs, provider, CancellationToken.None);
        var http = new DefaultHttpContext { RequestServices = provider };
        var body = new MemoryStream();
        http.Response.Body = body;
        await result.ExecuteAsync(http);
        return (http.Response.StatusCode, Encoding.UTF8.GetString(body.ToArray()), http.Response.Headers.ContentDisposition.ToString());
    }

    [Theory]
    [InlineData("molden", CandidateArtefactKind.Molden)]
    [InlineData("FCIDUMP", CandidateArtefactKind.Fcidump)]
    public async Task The_owner_gets_the_file_the_service_makes(string kind, CandidateArtefactKind expected)
    {
        var fake = new FakeArtefacts();
        var (status, body, disposition) = await CallAsync(kind, Owner, fake);
        Assert.Equal(200, status);
        Assert.Equal("[Molden Format]\nCC(N)=O\n", body);
        Assert.Contains($"rank1.{expected.ToString().ToLowerInvariant()}", disposition, StringComparison.Ordinal);
        Assert.Equal([(_run.Id, _candidate.Id, expected)], fake.Calls);
    }

    [Fact]
    public async Task Another_users_run_or_an_unknown_candidate_is_404_and_the_service_is_not_asked()
    {
        var fake = new FakeArtefacts();
        Assert.Equal(404, (await CallAsync("molden", "intruder", fake)).Status);
        Assert.Equal(404, (await CallAsync("molden", Owner, fake, Guid.NewGuid())).Status);
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task A_refusal_of_the_service_is_a_422_with_its_message_as_text()
    {
        var (status, body, _) = await CallAsync("qasm", Owner, new FakeArtefacts());
        Assert.Equal(422, status);
        Assert.Equal("candidate 1 (CC(N)=O) has no stored VQE parameters", body);
    }

    [Fact]
    public async Task Without_an_implementation_the_endpoint_says_so_with_503()
    {
        var (status, body, _) = await CallAsync("molden", Owner, null);
        Assert.Equal(503, status);
        Assert.Contains("not available in this build", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_kinds_are_400_and_signed_out_users_401()
    {
        Assert.Equal(400, (await CallAsync("xyz", Owner, new FakeArtefacts())).Status);
        Assert.Equal(401, (await CallAsync("molden", null, new FakeArtefacts())).Status);
    }
}
