using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MolForge.Application.Design;
using MolForge.Application.Ranking;
using MolForge.Application.Storage;

namespace MolForge.Application.Pipeline;

/// <summary>The design use case: generate → score each candidate (bounded parallelism, cached by canonical SMILES +
/// settings, failures recorded per candidate) → rank → store. Progress per candidate and stage.</summary>
public sealed class DesignPipeline(
    ICandidateGenerator generator,
    ICandidateScorer scorer,
    IDesignRunRepository runs,
    IScoreCache cache,
    PipelineOptions? options = null)
{
    private static readonly JsonSerializerOptions CacheJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly PipelineOptions _options = options ?? new PipelineOptions();

    /// <summary>Runs <paramref name="run"/> (already stored) to completion, failure or cancellation, storing the outcome.</summary>
    public async Task<DesignRun> RunAsync(DesignRun run, DesignPrompt prompt, IProgress<DesignProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(prompt);
        var stageSeconds = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();
        run.Status = RunStatus.Running;
        run.StartedAt = DateTimeOffset.UtcNow;
        run.SoftwareVersion = SoftwareVersion.Describe();
        await runs.UpdateAsync(run, CancellationToken.None).ConfigureAwait(false);

        var results = new ConcurrentDictionary<int, CandidateScoreResult>();
        var scored = 0;
        var failed = 0;
        var smiles = (IReadOnlyList<string>)[];
        try
        {
            progress?.Report(new DesignProgress(run.Id, PipelineStage.Generating, prompt.Count, 0, 0));
            var watch = Stopwatch.StartNew();
            var generated = await generator.GenerateAsync(prompt, cancellationToken).ConfigureAwait(false);
            stageSeconds["generate"] = watch.Elapsed.TotalSeconds;
            smiles = generated.Smiles;
            progress?.Report(new DesignProgress(run.Id, PipelineStage.Conformer, smiles.Count, 0, 0, Message: generated.Message));

            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelCandidates, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(Enumerable.Range(0, smiles.Count), parallel, async (index, ct) =>
            {
                var stage = new SyncProgress<PipelineStage>(s => progress?.Report(new DesignProgress(run.Id, PipelineStage.Conformer, smiles.Count, Volatile.Read(ref scored), Volatile.Read(ref failed), new CandidateProgress(index, smiles[index], s))));
                var result = await ScoreCachedAsync(smiles[index], prompt.Scoring, stage, ct).ConfigureAwait(false);
                results[index] = result;
                foreach (var (name, seconds) in result.StageSeconds) stageSeconds.AddOrUpdate(name, seconds, (_, s) => s + seconds);
                var done = result.Succeeded ? Interlocked.Increment(ref scored) : Volatile.Read(ref scored);
                var bad = result.Succeeded ? Volatile.Read(ref failed) : Interlocked.Increment(ref failed);
                progress?.Report(new DesignProgress(run.Id, PipelineStage.Conformer, smiles.Count, done, bad,
                    new CandidateProgress(index, result.CanonicalSmiles ?? smiles[index], result.Succeeded ? PipelineStage.Done : PipelineStage.Failed, result.Error)));
            }).ConfigureAwait(false);
            run.Status = RunStatus.Completed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Status = RunStatus.Cancelled;
            run.Error = "cancelled by the user";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            run.Status = RunStatus.Failed;
            run.Error = ex.Message;
        }

        progress?.Report(new DesignProgress(run.Id, PipelineStage.Ranking, smiles.Count, scored, failed));
        run.Candidates = BuildCandidates(run.Id, smiles, results, prompt);
        stageSeconds["total"] = total.Elapsed.TotalSeconds;
        run.StageSecondsJson = JsonSerializer.Serialize(stageSeconds.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Math.Round(p.Value, 4)));
        run.CompletedAt = DateTimeOffset.UtcNow;
        progress?.Report(new DesignProgress(run.Id, PipelineStage.Storing, smiles.Count, scored, failed));
        await runs.UpdateAsync(run, CancellationToken.None).ConfigureAwait(false);
        var final = run.Status switch { RunStatus.Completed => PipelineStage.Done, RunStatus.Cancelled => PipelineStage.Cancelled, _ => PipelineStage.Failed };
        progress?.Report(new DesignProgress(run.Id, final, smiles.Count, scored, failed, Message: run.Error));
        return run;
    }

    private async Task<CandidateScoreResult> ScoreCachedAsync(string smiles, ScoringSettings settings, IProgress<PipelineStage> stage, CancellationToken ct)
    {
        var key = $"{smiles}|{settings.CacheKey}";
        if (_options.UseCache && await cache.GetAsync(key, ct).ConfigureAwait(false) is { } json)
        {
            try
            {
                if (JsonSerializer.Deserialize<CandidateScoreResult>(json, CacheJson) is { } hit) return hit;
            }
            catch (JsonException)
            {
                // A stale cache entry from an older format: score again and overwrite it.
            }
        }
        var result = await scorer.ScoreAsync(smiles, settings, stage, ct).ConfigureAwait(false);
        if (_options.UseCache && result.Succeeded)
            await cache.SetAsync(key, JsonSerializer.Serialize(result, CacheJson), ct).ConfigureAwait(false);
        return result;
    }

    private static List<Candidate> BuildCandidates(Guid runId, IReadOnlyList<string> smiles, ConcurrentDictionary<int, CandidateScoreResult> results, DesignPrompt prompt)
    {
        var scoredIndices = results.Where(r => r.Value.Succeeded).Select(r => r.Key).Order().ToArray();
        var ranked = CandidateRanker.Rank(scoredIndices.Select(i => (IReadOnlyDictionary<string, double>)RankingObjectives.Values(results[i])).ToArray(), RankingObjectives.For(prompt));
        var candidates = new List<Candidate>(smiles.Count);
        for (var k = 0; k < scoredIndices.Length; k++)
        {
            var r = results[scoredIndices[k]];
            candidates.Add(ToCandidate(runId, scoredIndices[k], r, prompt.Scoring, ranked[k].Rank, ranked[k].Score, ranked[k].IsParetoOptimal));
        }
        var nextRank = scoredIndices.Length + 1;
        for (var i = 0; i < smiles.Count; i++)
        {
            if (results.TryGetValue(i, out var r) && r.Succeeded) continue;
            var error = r?.Error ?? "not scored (run stopped first)";
            candidates.Add(new Candidate { DesignRunId = runId, Index = i, Smiles = r?.CanonicalSmiles ?? smiles[i], Status = CandidateStatus.Failed, Error = error, Rank = nextRank++ });
        }
        return candidates;
    }

    private static Candidate ToCandidate(Guid runId, int index, CandidateScoreResult r, ScoringSettings s, int rank, double score, bool pareto)
    {
        var d = r.Descriptors!;
        var c = new Candidate
        {
            DesignRunId = runId, Index = index, Smiles = r.CanonicalSmiles ?? r.InputSmiles, Status = CandidateStatus.Scored,
            Rank = rank, Score = score, IsParetoOptimal = pareto,
            MolWeight = d.MolWeight, CLogP = d.CLogP, Qed = d.Qed, Tpsa = d.Tpsa, Hbd = d.Hbd, Hba = d.Hba,
            RotatableBonds = d.RotatableBonds, HeavyAtoms = d.HeavyAtoms, ConformerMolBlock = r.ConformerMolBlock,
        };
        if (r.Quantum is { } q)
        {
            c.Quantum = new QuantumScore
            {
                CandidateId = c.Id, Basis = s.Basis, ActiveElectrons = s.ActiveElectrons, ActiveOrbitals = s.ActiveOrbitals,
                Method = s.Method, Backend = s.Backend, Mapping = s.Mapping, Ansatz = s.Ansatz, Shots = s.Backend == "statevector" ? 0 : s.Shots,
                BasisFunctions = q.BasisFunctions, ENuc = q.ENuc, EHf = q.EHf, Homo = q.Homo, Lumo = q.Lumo, HomoLumoGap = q.HomoLumoGap,
                ScfConverged = q.ScfConverged, ScfIterations = q.ScfIterations, ECasci = q.ECasci, EVqe = q.EVqe, EVqeStdErr = q.EVqeStdErr,
                VqeIterations = q.VqeIterations, Qubits = q.Qubits, PauliTerms = q.PauliTerms,
                OrbitalEnergiesJson = JsonSerializer.Serialize(q.OrbitalEnergies),
                VqeConvergenceJson = JsonSerializer.Serialize(q.VqeConvergence ?? []),
                VqeParametersJson = JsonSerializer.Serialize(q.VqeParameters ?? []),
                TimingsJson = JsonSerializer.Serialize(r.StageSeconds.ToDictionary(p => p.Key, p => Math.Round(p.Value, 4).ToString(CultureInfo.InvariantCulture))),
            };
        }
        return c;
    }
}
