using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Storage;
using MolForge.Web.Components.Pages;
using MolForge.Web.Tests.Support;

namespace MolForge.Web.Tests.Candidates;

/// <summary>The candidate page's VQE convergence curve (Plotly through JS interop) and its file downloads.</summary>
public sealed class CandidateDetailTests : IAsyncLifetime
{
    private const string Owner = "user-1";
    private readonly BunitContext _ctx = new();
    private readonly InMemoryRunRepository _runs = new();

    public Task InitializeAsync()
    {
        _ctx.AddPageServices();
        _ctx.Services.AddSingleton<IDesignRunRepository>(_runs);
        _ctx.SignIn(Owner);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private (DesignRun Run, Candidate Candidate) Store(string method, string convergenceJson)
    {
        var candidate = new Candidate
        {
            Id = Guid.NewGuid(), Rank = 1, Smiles = "CC(N)=O", Status = CandidateStatus.Scored,
            Quantum = new QuantumScore
            {
                Method = method, Basis = "sto-3g", ActiveElectrons = 2, ActiveOrbitals = 2, EHf = -205.27, ECasci = -205.29, EVqe = method == "vqe" ? -205.29 : null,
                OrbitalEnergiesJson = "[-20.5,-11.2,-0.4,0.3]", VqeConvergenceJson = convergenceJson,
            },
        };
        var run = new DesignRun { Id = Guid.NewGuid(), OwnerId = Owner, Title = "amides", Status = RunStatus.Completed, Candidates = [candidate] };
        _runs.Runs[run.Id] = run;
        return (run, candidate);
    }

    private IRenderedComponent<CandidateDetail> Render(DesignRun run, Candidate candidate) =>
        _ctx.Render<CandidateDetail>(p => p.Add(x => x.RunId, run.Id).Add(x => x.CandidateId, candidate.Id));

    [Fact]
    public void A_recorded_trace_is_plotted_with_the_hf_and_casci_reference_lines()
    {
        var (run, candidate) = Store("vqe", "[-205.27,-205.285,-205.2899,-205.29]");
        var page = Render(run, candidate);
        page.WaitForAssertion(() => Assert.Single(_ctx.JSInterop.Invocations["molforge.plotConvergence"]));
        var args = _ctx.JSInterop.Invocations["molforge.plotConvergence"][0].Arguments;
        Assert.Equal([-205.27, -205.285, -205.2899, -205.29], (double[])args[1]!);
        Assert.Equal(-205.27, (double)args[2]!);
        Assert.Equal(-205.29, (double?)args[3]);
        Assert.Empty(page.FindAll("[data-testid=vqe-no-trace]"));
    }

    [Theory]
    [InlineData("{\"count\": 3, \"scoring\": {\"active\": [2, 2], \"orbitals\": \"mp2\"}}", "(2 e, 2 o) of MP2 natural orbitals")]
    [InlineData("{\"count\": 3, \"scoring\": {\"active\": [2, 2]}}", "(2 e, 2 o) around HOMO/LUMO")]
    public void The_active_space_says_which_orbitals_the_run_chose(string promptJson, string expected)
    {
        var (run, candidate) = Store("casci", "[]");
        run.PromptJson = promptJson;
        var page = Render(run, candidate);
        page.WaitForAssertion(() => Assert.StartsWith(expected, page.Find("[data-testid=candidate-active-space]").TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("vqe", "[]")]
    [InlineData("vqe", "not json")]
    [InlineData("rhf", "[]")]
    public void Without_a_trace_the_page_says_none_was_recorded_and_plots_nothing(string method, string json)
    {
        var (run, candidate) = Store(method, json);
        var page = Render(run, candidate);
        page.WaitForAssertion(() => Assert.Contains("No convergence trace recorded", page.Find("[data-testid=vqe-no-trace]").TextContent, StringComparison.Ordinal));
        Assert.Empty(_ctx.JSInterop.Invocations["molforge.plotConvergence"]);
    }

    [Fact]
    public void A_file_that_cannot_be_made_shows_the_servers_message_in_the_page()
    {
        var (run, candidate) = Store("vqe", "[]");
        _ctx.JSInterop.Setup<string?>("molforge.download", $"/runs/{run.Id}/candidates/{candidate.Id}/files/qasm")
            .SetResult("candidate 1 (CC(N)=O) has no stored VQE parameters");
        var page = Render(run, candidate);
        page.WaitForAssertion(() => page.Find("button[data-testid=candidate-qasm]"));
        page.Find("button[data-testid=candidate-qasm]").Click();
        page.WaitForAssertion(() => Assert.Equal("candidate 1 (CC(N)=O) has no stored VQE parameters", page.Find("[data-testid=artefact-error]").TextContent.Trim()));
    }

    [Fact]
    public void Qasm_is_offered_only_for_vqe_candidates()
    {
        var (run, candidate) = Store("rhf", "[]");
        var page = Render(run, candidate);
        page.WaitForAssertion(() => Assert.True(page.Find("button[data-testid=candidate-qasm]").HasAttribute("disabled")));
        Assert.False(page.Find("button[data-testid=candidate-molden]").HasAttribute("disabled"));
    }
}
