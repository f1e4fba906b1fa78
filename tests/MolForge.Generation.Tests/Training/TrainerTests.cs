using MolForge.Generation.Graphs;
using MolForge.Generation.Model;
using MolForge.Generation.Sampling;
using MolForge.Generation.Training;

namespace MolForge.Generation.Tests.Training;

public sealed class TrainerTests
{
    private static List<TrainingExample> Data() =>
        TestData.KekuleZinc.Select(s =>
        {
            var g = KekuleSmiles.Read(s);
            return new TrainingExample(g, [g.MolecularWeight(), double.NaN, double.NaN]);
        }).ToList();

    private static float[] Weights(GraphGenerator g) =>
        g.Net.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray();

    [Fact]
    public void Loss_falls_over_training()
    {
        var data = Data();
        using var g = new GraphGenerator(ModelConfig.Tiny, TrainingSetReader.FitConditioning(data), 1);
        var losses = new List<double>();
        Trainer.Train(g, data, new TrainingOptions { Epochs = 15, BatchSize = 4, Seed = 1, LearningRate = 1e-2, Threads = 1 },
            progress: new Sync(p => losses.Add(p.Loss)));
        Assert.Equal(45, losses.Count);
        Assert.True(losses.TakeLast(5).Average() < 0.6 * losses.Take(5).Average(), string.Join(", ", losses));
    }

    [Fact]
    public void Resuming_from_a_checkpoint_gives_the_same_weights_as_training_straight_through()
    {
        var data = Data();
        var dir = Directory.CreateTempSubdirectory("molforge-ckpt-");
        try
        {
            var options = new TrainingOptions { Epochs = 3, BatchSize = 4, Seed = 5, Threads = 1 };
            using var straight = new GraphGenerator(ModelConfig.Tiny, TrainingSetReader.FitConditioning(data), 1);
            Trainer.Train(straight, data, options);

            var ckpt = Path.Combine(dir.FullName, "m.ckpt");
            // Interrupt after 4 of 9 steps (as a killed run would stop), leaving the checkpoint.
            using var cts = new CancellationTokenSource();
            using (var first = new GraphGenerator(ModelConfig.Tiny, TrainingSetReader.FitConditioning(data), 1))
                Trainer.Train(first, data, options with { CheckpointPath = ckpt }, progress: new Sync(p => { if (p.Step == 4) cts.Cancel(); }),
                    cancellationToken: cts.Token);
            Assert.Contains("\"Step\":4", File.ReadAllText(ckpt + ".state.json"), StringComparison.Ordinal);
            // A different seed for the fresh weights: everything must come from the checkpoint.
            using var resumed = new GraphGenerator(ModelConfig.Tiny, TrainingSetReader.FitConditioning(data), 99);
            Trainer.Train(resumed, data, options with { CheckpointPath = ckpt }, resume: true);

            Assert.Equal(Weights(straight), Weights(resumed));
            var a = new Sampler(straight).Sample(20, new SamplingOptions { Seed = 3 }).Select(KekuleSmiles.Write);
            var b = new Sampler(resumed).Sample(20, new SamplingOptions { Seed = 3 }).Select(KekuleSmiles.Write);
            Assert.Equal(a, b);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Reader_takes_csv_property_columns_and_reports_bad_lines()
    {
        var csv = "smiles,mol_weight,clogp,qed\nCCO,46.069,-0.0014,0.4068\nC1CC,1,2,3\nCC(=O)[O-],59.044,-1.1,0.43\n";
        var bad = new List<long>();
        var data = TrainingSetReader.Read(new StringReader(csv), null, (line, _) => bad.Add(line));
        Assert.Equal([3L], bad);
        Assert.Equal(2, data.Count);
        Assert.Equal([46.069, -0.0014, 0.4068], data[0].Properties);
        var smi = TrainingSetReader.Read(new StringReader("CCO ethanol\nCCN\n"));
        Assert.Equal(2, smi.Count);
        Assert.Equal(46.069, smi[0].Properties[0], 2); // computed from the graph
        Assert.True(double.IsNaN(smi[0].Properties[1]));
    }

    [Fact]
    public void Batch_seeds_do_not_depend_on_the_process()
    {
        // SplitMix64 from state 0: the first two outputs of Vigna's reference splitmix64.c.
        Assert.Equal(0xE220A8397B1DCDAFUL, Trainer.SplitMix64(0));
        Assert.Equal(0x6E789E6AA1B965F4UL, Trainer.SplitMix64(0x9E3779B97F4A7C15UL));
        // Seeds are a pure function of (seed, epoch, batch) (HashCode.Combine was randomised per process) and vary.
        var seeds = new HashSet<int>();
        for (var e = 0; e < 5; e++)
            for (var b = -1; b < 20; b++)
            {
                Assert.Equal(Trainer.SeedFor(7, e, b), Trainer.SeedFor(7, e, b));
                seeds.Add(Trainer.SeedFor(7, e, b));
            }
        Assert.Equal(5 * 21, seeds.Count);
        Assert.NotEqual(Trainer.SeedFor(7, 0, 0), Trainer.SeedFor(8, 0, 0));
    }

    private sealed class Sync(Action<TrainingProgress> a) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => a(value);
    }
}
