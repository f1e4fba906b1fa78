using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.Storage;

namespace MolForge.Application.Tests.Pipeline;

public sealed class DesignPipelineTests
{
    private static DesignRun NewRun(InMemoryRuns runs)
    {
        var run = new DesignRun { OwnerId = "alice" };
        runs.Runs[run.Id] = run;
        return run;
    }

    [Fact]
    public async Task Ranks_by_the_prompt_ranges_and_records_failures_without_aborting()
    {
        var runs = new InMemoryRuns();
        var pipeline = new DesignPipeline(new FixedGenerator("CCCCCCCCCC", "CCXC", "CCCCC", "CCCCCCCCCCCCCCCCCCCC"), new CountingScorer(), runs, new InMemoryCache());
        var prompt = DesignPromptReader.Parse("""{"count": 4, "properties": {"mol_weight": [45, 55]}}""");
        var reports = new List<DesignProgress>();

        var run = await pipeline.RunAsync(NewRun(runs), prompt, new SyncProgress<DesignProgress>(reports.Add), CancellationToken.None);

        Assert.Equal(RunStatus.Completed, run.Status);
        var byRank = run.Candidates.OrderBy(c => c.Rank).ToList();
        Assert.Equal(["CCCCC", "CCCCCCCCCC", "CCCCCCCCCCCCCCCCCCCC", "CCXC"], byRank.Select(c => c.Smiles));
        Assert.Equal(CandidateStatus.Failed, byRank[3].Status);
        Assert.Equal("rhf: SCF did not converge", byRank[3].Error);
        Assert.True(byRank[0].Score > byRank[1].Score);
        Assert.Equal(-75.0, byRank[0].Quantum!.EHf);
        Assert.Equal("sto-3g", byRank[0].Quantum!.Basis);
        Assert.Equal(PipelineStage.Done, reports[^1].Stage);
        Assert.Equal((3, 1), (reports[^1].Scored, reports[^1].Failed));
        Assert.Contains(reports, r => r.Candidate is { Stage: PipelineStage.Rhf });
        Assert.Contains("\"total\"", run.StageSecondsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_cached_by_smiles_and_settings()
    {
        var runs = new InMemoryRuns();
        var scorer = new CountingScorer();
        var cache = new InMemoryCache();
        var pipeline = new DesignPipeline(new FixedGenerator("CCO", "CCN"), scorer, runs, cache);
        var prompt = DesignPromptReader.Parse("""{"count": 2}""");

        await pipeline.RunAsync(NewRun(runs), prompt, null, CancellationToken.None);
        var second = await pipeline.RunAsync(NewRun(runs), prompt, null, CancellationToken.None);
        Assert.Equal(2, scorer.Calls);
        Assert.Equal(2, second.Candidates.Count(c => c.Status == CandidateStatus.Scored));
        Assert.Equal(-75.0, second.Candidates[0].Quantum!.EHf);

        var otherBasis = DesignPromptReader.Parse("""{"count": 2, "scoring": {"basis": "6-31g"}}""");
        await pipeline.RunAsync(NewRun(runs), otherBasis, null, CancellationToken.None);
        Assert.Equal(4, scorer.Calls);
    }

    [Fact]
    public async Task Cancellation_stores_the_run_as_cancelled_with_every_candidate_accounted_for()
    {
        var runs = new InMemoryRuns();
        var scorer = new CountingScorer { Gate = new TaskCompletionSource() };
        var pipeline = new DesignPipeline(new FixedGenerator("CCO", "CCN", "CCC"), scorer, runs, new InMemoryCache());
        using var cts = new CancellationTokenSource();
        var task = pipeline.RunAsync(NewRun(runs), DesignPromptReader.Parse("""{"count": 3}"""), null, cts.Token);
        await cts.CancelAsync();
        var run = await task;
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal(3, run.Candidates.Count);
        Assert.All(run.Candidates, c => Assert.Equal(CandidateStatus.Failed, c.Status));
    }

    [Fact]
    public async Task Submitting_the_same_run_twice_returns_the_first()
    {
        var runs = new InMemoryRuns();
        var hub = new DesignProgressHub();
        var pipeline = new DesignPipeline(new FixedGenerator("CCO"), new CountingScorer(), runs, new InMemoryCache());
        var service = new DesignRunService(pipeline, runs, hub, new DesignLimits());
        var id = Guid.NewGuid();
        var first = await service.SubmitAsync(id, "alice", "t", """{"count": 1}""");
        var second = await service.SubmitAsync(id, "alice", "t", """{"count": 1}""");
        Assert.Same(first, second);
        Assert.Single(runs.Runs);
        Assert.Equal(PipelineStage.Queued, hub.Latest(id)!.Stage);
        await Assert.ThrowsAsync<DesignPromptException>(() => service.SubmitAsync(Guid.NewGuid(), "alice", "t", """{"count": 0}"""));
    }
}
