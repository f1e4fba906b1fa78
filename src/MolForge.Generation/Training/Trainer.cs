using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MolForge.Generation.Actions;
using MolForge.Generation.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace MolForge.Generation.Training;

/// <summary>Teacher-forced maximum-likelihood training of a <see cref="GraphGenerator"/> on random depth-first
/// action sequences of the training graphs, with the valence mask applied to the logits (so the loss is the
/// likelihood the sampler actually uses). Adam, gradient clipping, cosine learning-rate decay, checkpoints with
/// optimizer state, resumable and seeded.</summary>
public static class Trainer
{
    /// <summary>Trains <paramref name="generator"/> in place. When <paramref name="resume"/> is true and the
    /// checkpoint exists, weights, optimizer state and position are restored from it first.</summary>
    /// <returns>The final smoothed loss.</returns>
    public static double Train(GraphGenerator generator, IReadOnlyList<TrainingExample> data, TrainingOptions options,
        bool resume = false, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        if (data.Count == 0) throw new ArgumentException("No training molecules.", nameof(data));
        if (options.Threads > 0) set_num_threads(options.Threads);
        var space = generator.Space;
        var net = generator.Net;
        var optimizer = optim.Adam(net.parameters(), options.LearningRate);
        var batchesPerEpoch = (data.Count + options.BatchSize - 1) / options.BatchSize;
        var totalSteps = (long)batchesPerEpoch * options.Epochs;
        if (options.MaxSteps > 0) totalSteps = Math.Min(totalSteps, options.MaxSteps);
        var state = new CheckpointState();
        if (resume && options.CheckpointPath is not null && File.Exists(options.CheckpointPath))
            state = LoadCheckpoint(generator, optimizer, options.CheckpointPath);
        manual_seed(options.Seed + state.Step);
        net.train();
        var clock = Stopwatch.StartNew();
        var lastCheckpoint = clock.Elapsed;
        var lastReport = clock.Elapsed;
        var smoothed = state.SmoothedLoss;
        for (var epoch = state.Epoch; epoch < options.Epochs; epoch++)
        {
            var batches = PlanEpoch(data, space, options, epoch);
            for (var b = epoch == state.Epoch ? state.Batch : 0; b < batches.Count; b++)
            {
                var trained = state.Seconds + (clock.Elapsed - lastReport).TotalSeconds;
                var fraction = (double)state.Step / Math.Max(1, totalSteps);
                if (options.TimeBudget is { } budget) fraction = Math.Max(fraction, trained / budget.TotalSeconds);
                if (fraction >= 1 || cancellationToken.IsCancellationRequested) goto done;
                var lr = options.LearningRate * (0.1 + 0.9 * 0.5 * (1 + Math.Cos(Math.PI * fraction)));
                foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
                var condRandom = new Random(SeedFor(options.Seed, epoch, b));
                double loss;
                using (var scope = NewDisposeScope())
                {
                    var batch = Featurize(generator, data, batches[b], options.ConditionDropout, condRandom);
                    optimizer.zero_grad();
                    var logits = net.forward(batch.Previous, batch.Features, batch.Condition);
                    using var floor = tensor(-1e9f); // a tensor, not a Scalar: see GraphGeneratorNet.Residual
                    var masked = where(batch.Mask, logits, floor);
                    var l = nn.functional.cross_entropy(masked.view(-1, space.Count), batch.Target.view(-1), ignore_index: -100);
                    l.backward();
                    nn.utils.clip_grad_norm_(net.parameters(), options.GradientClip);
                    optimizer.step();
                    loss = l.item<float>();
                }
                smoothed = state.Step == 0 && smoothed == 0 ? loss : 0.98 * smoothed + 0.02 * loss;
                state = state with { Epoch = epoch, Batch = b + 1, Step = state.Step + 1, SmoothedLoss = smoothed, Seconds = state.Seconds + (clock.Elapsed - lastReport).TotalSeconds };
                lastReport = clock.Elapsed;
                var wrote = false;
                if (options.CheckpointPath is not null && clock.Elapsed - lastCheckpoint >= options.CheckpointEvery)
                {
                    SaveCheckpoint(generator, optimizer, options.CheckpointPath, state);
                    lastCheckpoint = clock.Elapsed;
                    wrote = true;
                }
                progress?.Report(new TrainingProgress(epoch, b, batches.Count, state.Step, loss, smoothed, clock.Elapsed, wrote));
            }
            state = state with { Epoch = epoch + 1, Batch = 0 };
        }
    done:
        if (options.CheckpointPath is not null) SaveCheckpoint(generator, optimizer, options.CheckpointPath, state);
        net.eval();
        return smoothed;
    }

    /// <summary>The epoch's batches: a seeded shuffle, then molecules grouped by size within windows of 64 batches
    /// so padding stays small.</summary>
    private static List<int[]> PlanEpoch(IReadOnlyList<TrainingExample> data, ActionSpace space, TrainingOptions options, int epoch)
    {
        var random = new Random(SeedFor(options.Seed, epoch, -1));
        var order = Enumerable.Range(0, data.Count).ToArray();
        random.Shuffle(order);
        var window = options.BatchSize * 64;
        var batches = new List<int[]>();
        for (var w = 0; w < order.Length; w += window)
        {
            var chunk = order.Skip(w).Take(window).OrderBy(i => data[i].Graph.AtomCount).ToArray();
            for (var s = 0; s < chunk.Length; s += options.BatchSize)
                batches.Add(chunk.Skip(s).Take(options.BatchSize).ToArray());
        }
        random.Shuffle(CollectionsMarshalSpan(batches));
        return batches;
    }

    /// <summary>A seed for one (run seed, epoch, batch) triple that is the same in every process. (HashCode.Combine,
    /// used before, is randomised per process, so a run resumed in a new process drew other batches and DFS orders
    /// than the uninterrupted run, and tests trained a different tiny model on every run.) Mixed with SplitMix64
    /// (Steele, Lea and Flood 2014, as in Vigna's reference splitmix64.c).</summary>
    internal static int SeedFor(int seed, int epoch, int batch)
    {
        var x = SplitMix64((ulong)(uint)seed);
        x = SplitMix64(x ^ (uint)epoch);
        x = SplitMix64(x ^ (uint)batch);
        return (int)(x >> 33);
    }

    /// <summary>One SplitMix64 step: the output for state <paramref name="state"/> (state advanced by the golden gamma first).</summary>
    internal static ulong SplitMix64(ulong state)
    {
        var z = state + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static Span<int[]> CollectionsMarshalSpan(List<int[]> list) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);

    internal sealed record Batch(Tensor Previous, Tensor Features, Tensor Condition, Tensor Mask, Tensor Target);

    /// <summary>Builds the padded tensors of one batch (random DFS orders from <paramref name="random"/>).</summary>
    internal static Batch Featurize(GraphGenerator generator, IReadOnlyList<TrainingExample> data, int[] members,
        double conditionDropout, Random random)
    {
        var space = generator.Space;
        var f = generator.FeatureCount;
        var v = space.Count;
        var seqs = new int[members.Length][];
        for (var i = 0; i < members.Length; i++)
            seqs[i] = DfsSequencer.SequenceWithRetries(data[members[i]].Graph, space, random)
                      ?? DfsSequencer.Sequence(data[members[i]].Graph, space)
                      ?? throw new InvalidOperationException($"Training molecule {members[i]} has no action sequence within the ring-offset limit.");
        var t = seqs.Max(s => s.Length);
        var n = members.Length;
        var prev = new long[n * t];
        var target = new long[n * t];
        var feats = new float[n * t * f];
        var mask = new bool[n * t * v];
        var cond = new float[n * Conditioning.Width];
        Array.Fill(target, -100L);
        Array.Fill(mask, true);
        var values = new double[Conditioning.Properties];
        for (var i = 0; i < n; i++)
        {
            var ex = data[members[i]];
            for (var p = 0; p < values.Length; p++)
                values[p] = random.NextDouble() < conditionDropout ? double.NaN : ex.Properties[p];
            generator.Conditioning.Encode(values, cond.AsSpan(i * Conditioning.Width, Conditioning.Width));
            var st = new GraphBuildState(space, int.MaxValue);
            var seq = seqs[i];
            for (var s = 0; s < seq.Length; s++)
            {
                var row = i * t + s;
                StepFeatures.Fill(st, feats.AsSpan(row * f, f), mask.AsSpan(row * v, v));
                prev[row] = s == 0 ? space.StartToken : seq[s - 1];
                target[row] = seq[s];
                st.Apply(seq[s]);
            }
        }
        return new Batch(
            tensor(prev, [n, t], ScalarType.Int64),
            tensor(feats, [n, t, f]),
            tensor(cond, [n, Conditioning.Width]),
            tensor(mask, [n, t, v]),
            tensor(target, [n, t], ScalarType.Int64));
    }

    private sealed record CheckpointState
    {
        public int Epoch { get; init; }
        public int Batch { get; init; }
        public long Step { get; init; }
        public double SmoothedLoss { get; init; }
        public double Seconds { get; init; }
    }

    private static void SaveCheckpoint(GraphGenerator generator, TorchSharp.Modules.OptimizerHelper optimizer, string path, CheckpointState state)
    {
        generator.Notes["checkpoint_step"] = state.Step.ToString(CultureInfo.InvariantCulture);
        generator.Save(path);
        var opt = path + ".optim";
        optimizer.save_state_dict(opt + ".tmp");
        File.Move(opt + ".tmp", opt, overwrite: true);
        File.WriteAllText(path + ".state.json", JsonSerializer.Serialize(state));
    }

    private static CheckpointState LoadCheckpoint(GraphGenerator generator, TorchSharp.Modules.OptimizerHelper optimizer, string path)
    {
        using (var loaded = GraphGenerator.Load(path))
        {
            var source = loaded.Net.state_dict();
            generator.Net.load_state_dict(source);
        }
        if (File.Exists(path + ".optim")) optimizer.load_state_dict(path + ".optim");
        return File.Exists(path + ".state.json")
            ? JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path + ".state.json")) ?? new CheckpointState()
            : new CheckpointState();
    }
}
