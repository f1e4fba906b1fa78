using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MolForge.Application.Generation;
using MolForge.Cli.Infrastructure;
using MolForge.Generation.Model;

namespace MolForge.Cli.Verbs.Bench;

/// <summary>`molforge bench generate --n N [--reference ZINC.csv.gz] --json`: samples N molecules and reports
/// sampling speed, validity, uniqueness, novelty (against the training rows of the reference file), MOSES IntDiv₁
/// and the GuacaMol KL score
/// (all nine descriptors and the internal nearest-neighbour similarity, against its held-out rows).</summary>
internal sealed class GenerateBenchmark : IBenchmark
{
    public Command Build(CliIO io)
    {
        var n = new Option<int>("--n") { Description = "Molecules to sample.", DefaultValueFactory = _ => 10000 };
        var seed = new Option<int>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 1 };
        var model = new Option<string?>("--model") { Description = "Model file (default: the shipped model)." };
        var reference = new Option<string?>("--reference") { Description = "Molecule CSV/SMILES file the model was trained on (e.g. zinc250k.csv.gz): training rows for novelty, held-out rows for the KL score." };
        var holdout = new Option<int>("--holdout-every") { Description = "Row i is held out when i % K == K-1 (the shipped model's split: 20).", DefaultValueFactory = _ => 20 };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature.", DefaultValueFactory = _ => 1.0 };
        var samples = new Option<string?>("--samples") { Description = "Also write every sampled molecule (Kekulé SMILES as generated) to this file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var cmd = new Command("generate", "Sample from the graph generator and measure speed, validity, uniqueness, novelty, IntDiv and the GuacaMol KL score.");
        foreach (var o in new Option[] { n, seed, model, reference, holdout, temperature, json, samples }) cmd.Options.Add(o);
        cmd.SetAction((ParseResult r, CancellationToken ct) =>
        {
            if (r.GetValue(n) < 2) throw new CliUsageException("--n must be at least 2");
            var modelPath = r.GetValue(model) ?? GenerationFiles.DefaultModelPath();
            GraphGenerator generator;
            try { generator = GraphGenerator.Load(modelPath); }
            catch (ModelFormatException e) { throw new CliUsageException(e.Message); }
            List<string>? train = null, held = null;
            if (r.GetValue(reference) is { } refPath)
            {
                using var reader = io.OpenInput(refPath);
                (train, held) = GenerationBenchmark.ReadSplit(reader, r.GetValue(holdout));
                if (held.Count > 10000) held = held.Take(10000).ToList();
            }
            GenerationBenchmarkResult result;
            using (generator)
                result = GenerationBenchmark.Run(generator, r.GetValue(n), r.GetValue(seed), r.GetValue(temperature), train, held);
            if (r.GetValue(samples) is { } samplesPath)
                File.WriteAllLines(samplesPath, result.RawSmiles);
            static object? Num(double x) => double.IsNaN(x) ? null : Math.Round(x, 4);
            var payload = new Dictionary<string, object?>
            {
                ["n"] = result.Samples,
                ["sampling_seconds"] = Math.Round(result.SamplingSeconds, 3),
                ["sampling_cpu_seconds"] = Math.Round(result.SamplingCpuSeconds, 3),
                ["molecules_per_second"] = Math.Round(result.MoleculesPerSecond, 1),
                ["valid_molecules_per_second_with_canonicalization"] = Math.Round(result.ValidMoleculesPerSecondWithCanonicalization, 1),
                ["validity"] = Num(result.Validity),
                ["uniqueness"] = Num(result.Uniqueness),
                ["novelty"] = Num(result.Novelty),
                ["int_div"] = Num(result.InternalDiversity),
                ["kl_score"] = Num(result.KlScore),
                ["kl"] = result.Kl.ToDictionary(k => k.Key, k => Math.Round(k.Value, 4)),
                ["training_set"] = result.TrainingSetSize,
                ["reference_set"] = result.ReferenceSetSize,
                ["model"] = modelPath,
            };
            if (r.GetValue(json)) io.Out.WriteLine(JsonSerializer.Serialize(payload));
            else
                foreach (var (k, v) in payload)
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k}: {(v is Dictionary<string, double> d ? string.Join(", ", d.Select(x => $"{x.Key}={x.Value}")) : v is string[] a ? string.Join(",", a) : Convert.ToString(v, CultureInfo.InvariantCulture))}"));
            return Task.FromResult(ExitCodes.Ok);
        });
        return cmd;
    }
}
