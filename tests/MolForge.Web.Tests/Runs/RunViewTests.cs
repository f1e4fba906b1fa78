using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Storage;
using MolForge.Web.Components.Pages;
using MolForge.Web.Infrastructure;
using MolForge.Web.Tests.Support;

namespace MolForge.Web.Tests.Runs;

/// <summary>The run page: owner scoping and live progress from <see cref="DesignProgressHub"/>.</summary>
public sealed class RunViewTests : IAsyncLifetime
{
    private const string Owner = "user-1";
    private readonly BunitContext _ctx = new();
    private readonly InMemoryRunRepository _runs = new();
    private readonly DesignProgressHub _hub = new();

    public Task InitializeAsync()
    {
        _ctx.AddPageServices();
        _ctx.Services.AddSingleton<IDesignRunRepository>(_runs);
        _ctx.Services.AddSingleton(_hub);
        _ctx.Services.AddSingleton<DesignAvailability>();
        _ctx.SignIn(Owner);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _ctx.DisposeAsync();

    private static DesignRun Run(string owner, RunStatus status) => new()
    {
        OwnerId = owner, Title = "amides", Status = status, PromptJson = """{"scaffold": "NC=O", "count": 2}""",
    };

    private static Candidate Scored(int rank, string smiles) => new()
    {
        Rank = rank, Index = rank - 1, Smiles = smiles, Status = CandidateStatus.Scored, Score = 1.0 / rank, MolWeight = 59.07, Qed = 0.4,
        Quantum = new QuantumScore { EHf = -207.9, Homo = -0.4, Lumo = 0.2, HomoLumoGap = 0.6, Basis = "sto-3g", Method = "vqe" },
    };

    [Fact]
    public void Another_users_run_is_not_found()
    {
        var run = Run("someone-else", RunStatus.Completed);
        run.Candidates.Add(Scored(1, "CC(N)=O"));
        _runs.Runs[run.Id] = run;

        var page = _ctx.Render<RunView>(p => p.Add(x => x.RunId, run.Id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=run-not-found]")));
        Assert.Empty(page.FindAll("[data-testid=candidate-row]"));
        Assert.DoesNotContain("CC(N)=O", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_is_shown_live_and_results_replace_it_when_the_run_is_done()
    {
        var run = Run(Owner, RunStatus.Running);
        _runs.Runs[run.Id] = run;
        _hub.Publish(new DesignProgress(run.Id, PipelineStage.Conformer, 2, 0, 0));

        var page = _ctx.Render<RunView>(p => p.Add(x => x.RunId, run.Id));
        page.WaitForAssertion(() => Assert.Contains("Scoring candidates", page.Find("[data-testid=run-stage]").TextContent, StringComparison.Ordinal));

        // Progress arrives on another thread, as from the pipeline.
        await Task.Run(() => _hub.Publish(new DesignProgress(run.Id, PipelineStage.Conformer, 2, 1, 0, new CandidateProgress(0, "CC(N)=O", PipelineStage.Rhf))));
        page.WaitForAssertion(() => Assert.Contains("1 scored · 0 failed · 2 total", page.Find("[data-testid=progress-counts]").TextContent, StringComparison.Ordinal));
        Assert.Contains("RHF", page.Find("[data-testid=run-progress]").TextContent, StringComparison.Ordinal);

        run.Status = RunStatus.Completed;
        run.Candidates.AddRange([Scored(1, "CC(N)=O"), Scored(2, "NC(=O)O")]);
        await Task.Run(() => _hub.Publish(new DesignProgress(run.Id, PipelineStage.Done, 2, 2, 0)));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=candidate-row]").Count));
        Assert.Equal(["1", "2"], page.FindAll("[data-testid=candidate-row]").Select(r => r.GetAttribute("data-rank")));
        Assert.Empty(page.FindAll("[data-testid=run-progress]"));
        Assert.NotNull(page.Find("a[data-testid=export-sdf]"));
    }

    [Fact]
    public void A_running_run_unknown_to_this_process_is_reported_as_interrupted()
    {
        var run = Run(Owner, RunStatus.Running);
        _runs.Runs[run.Id] = run;

        var page = _ctx.Render<RunView>(p => p.Add(x => x.RunId, run.Id));

        page.WaitForAssertion(() => Assert.Contains("not being processed any more", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=run-cancel]"));
    }
}
