using System.CommandLine;
using System.Globalization;
using MolForge.Application.Generation;
using MolForge.Cli.Infrastructure;
using MolForge.Generation.Model;
using MolForge.Generation.Training;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge train --data FILE --out MODEL [--epochs E]`: trains the graph generator; progress on stderr.</summary>
internal sealed class TrainVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var data = new Option<string>("--data") { Description = "Training molecules: CSV with a smiles column (mol_weight, clogp, qed columns used when present) or a SMILES file; .gz ok.", Required = true };
        var outPath = new Option<string>("--out") { Description = "Model file to write.", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the data.", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch-size") { Description = "Molecules per batch.", DefaultValueFactory = _ => 128 };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 2e-3 };
        var seed = new Option<int>("--seed") { Description = "Seed (data order, DFS orders, weights).", DefaultValueFactory = _ => 1 };
        var hidden = new Option<int>("--hidden") { Description = "GRU hidden size.", DefaultValueFactory = _ => 256 };
        var layers = new Option<int>("--layers") { Description = "GRU layers.", DefaultValueFactory = _ => 2 };
        var embedding = new Option<int>("--embedding") { Description = "Action embedding size.", DefaultValueFactory = _ => 64 };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Checkpoint file (default OUT.ckpt)." };
        var every = new Option<double>("--checkpoint-minutes") { Description = "Minutes between checkpoints.", DefaultValueFactory = _ => 5 };
        var resume = new Option<bool>("--resume") { Description = "Continue from the checkpoint if it exists." };
        var maxSteps = new Option<int>("--max-steps") { Description = "Stop after this many batches (0 = no limit)." };
        var limit = new Option<int>("--limit") { Description = "Use only the first N molecules (0 = all)." };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (0 = default).", DefaultValueFactory = _ => 0 };
        var minutes = new Option<double>("--minutes") { Description = "Training time budget in minutes across resumes (0 = none); the learning-rate schedule follows it." };
        var every_n = new Option<int>("--log-every") { Description = "Print a progress line every N batches.", DefaultValueFactory = _ => 20 };
        var cmd = new Command("train", "Train the graph generator on a molecule file.");
        foreach (var o in new Option[] { data, outPath, epochs, batch, lr, seed, hidden, layers, embedding, checkpoint, every, resume, maxSteps, limit, threads, every_n, minutes })
            cmd.Options.Add(o);
        cmd.SetAction((ParseResult r, CancellationToken ct) =>
        {
            if (r.GetValue(epochs) < 1) throw new CliUsageException("--epochs must be at least 1");
            if (r.GetValue(batch) < 1) throw new CliUsageException("--batch-size must be at least 1");
            var invalid = 0;
            var logEvery = Math.Max(1, r.GetValue(every_n));
            var request = new TrainingRequest
            {
                DataPath = r.GetValue(data)!,
                OutPath = r.GetValue(outPath)!,
                Model = new ModelConfig { HiddenSize = r.GetValue(hidden), Layers = r.GetValue(layers), EmbeddingSize = r.GetValue(embedding) },
                Options = new TrainingOptions
                {
                    Epochs = r.GetValue(epochs), BatchSize = r.GetValue(batch), LearningRate = r.GetValue(lr), Seed = r.GetValue(seed),
                    CheckpointPath = r.GetValue(checkpoint), CheckpointEvery = TimeSpan.FromMinutes(r.GetValue(every)),
                    MaxSteps = r.GetValue(maxSteps), Threads = r.GetValue(threads),
                    TimeBudget = r.GetValue(minutes) > 0 ? TimeSpan.FromMinutes(r.GetValue(minutes)) : null,
                },
                Resume = r.GetValue(resume),
                Limit = r.GetValue(limit),
                CommandLine = "molforge " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
            };
            var progress = new SyncProgress<TrainingProgress>(p =>
            {
                if (p.Step % logEvery != 0 && !p.CheckpointWritten && p.Batch + 1 != p.BatchesPerEpoch) return;
                var frac = (p.Batch + 1) / (double)p.BatchesPerEpoch;
                var bar = new string('#', (int)(frac * 20)).PadRight(20, '.');
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"epoch {p.Epoch + 1} [{bar}] {p.Batch + 1}/{p.BatchesPerEpoch} step {p.Step} loss {p.Loss:F4} avg {p.SmoothedLoss:F4} {p.Elapsed:hh\\:mm\\:ss}{(p.CheckpointWritten ? " checkpoint" : "")}"));
            });
            try
            {
                var loss = TrainingService.Train(request, (line, reason) => { invalid++; if (invalid <= 20) io.ReportInvalid(line, reason); }, progress, ct);
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"saved {request.OutPath} (final loss {loss:F4}; {invalid} invalid input lines)"));
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ModelFormatException)
            {
                throw new CliUsageException(e.Message);
            }
            return Task.FromResult(invalid > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok);
        });
        return cmd;
    }

    /// <summary>IProgress that reports on the calling thread (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
