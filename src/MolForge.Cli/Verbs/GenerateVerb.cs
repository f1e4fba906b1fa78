using System.CommandLine;
using System.Globalization;
using MolForge.Application.Design;
using MolForge.Application.Generation;
using MolForge.Cli.Infrastructure;
using MolForge.Generation.Model;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge generate [--prompt FILE] [--n N] [--seed S] [--model PATH] [--format smi|csv]`: distinct
/// candidates from the graph generator, meeting the prompt's constraints.</summary>
internal sealed class GenerateVerb : ICliVerb
{
    // `generate` is not capped like the web form (--n has no limit either); the other limits are the design prompt's.
    private static readonly DesignLimits PromptLimits = new() { MaxCount = 1_000_000 };

    public Command Build(CliIO io)
    {
        var prompt = new Option<string?>("--prompt") { Description = "Design prompt JSON (scaffold, count, seed, properties, required, forbidden, elements); '-' = stdin." };
        var n = new Option<int?>("--n") { Description = "Number of distinct candidates (default: the prompt's count, else 10)." };
        var seed = new Option<int?>("--seed") { Description = "Seed (default: the prompt's seed, else 1)." };
        var model = new Option<string?>("--model") { Description = "Model file (default: the shipped data/model/generator.mfgen.gz)." };
        var format = new Option<string>("--format") { Description = "smi (one SMILES per line) or csv (smiles,mol_weight,clogp,qed).", DefaultValueFactory = _ => "smi" };
        format.AcceptOnlyFromAmong("smi", "csv");
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature.", DefaultValueFactory = _ => 1.0 };
        var timeout = new Option<double>("--timeout") { Description = "Time budget in seconds.", DefaultValueFactory = _ => 120 };
        var stats = new Option<bool>("--stats") { Description = "Print sampling statistics (sampled, invalid, rejected, seconds) on stderr." };
        var unconditioned = new Option<bool>("--unconditioned") { Description = "Do not feed the property ranges to the model; only filter on them." };
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default stdout)." };
        var cmd = new Command("generate", "Generate candidate molecules with the graph model.");
        foreach (var o in new Option[] { prompt, n, seed, model, format, temperature, timeout, output, stats, unconditioned }) cmd.Options.Add(o);
        cmd.SetAction((ParseResult r, CancellationToken ct) =>
        {
            GenerationConstraints p;
            try
            {
                // The one prompt reader (as `design` and the web app use), so every error names the JSON field.
                p = r.GetValue(prompt) is { } path
                    ? GenerationConstraints.From(DesignPromptReader.Parse(ReadAll(io, path), PromptLimits, new ChemStructureChecker()))
                    : new GenerationConstraints();
            }
            catch (DesignPromptException e) { throw new CliUsageException($"prompt: {e.Message}"); }
            if (r.GetValue(n) is { } count)
            {
                if (count < 1) throw new CliUsageException("--n must be at least 1");
                p = p with { Count = count };
            }
            if (r.GetValue(seed) is { } s) p = p with { Seed = s };
            if (r.GetValue(temperature) <= 0) throw new CliUsageException("--temperature must be positive");
            var modelPath = r.GetValue(model) ?? GenerationFiles.DefaultModelPath();
            GraphGenerator generator;
            try { generator = GraphGenerator.Load(modelPath); }
            catch (ModelFormatException e) { throw new CliUsageException(e.Message); }
            using (generator)
            {
                GenerationResult result;
                try { result = GenerationService.Generate(generator, p, TimeSpan.FromSeconds(r.GetValue(timeout)), r.GetValue(temperature), !r.GetValue(unconditioned), ct); }
                catch (DesignPromptException e) { throw new CliUsageException($"prompt: {e.Message}"); }
                var writer = io.OpenOutput(r.GetValue(output));
                try
                {
                    var csv = r.GetValue(format) == "csv";
                    if (csv) writer.WriteLine("smiles,mol_weight,clogp,qed");
                    foreach (var c in result.Candidates)
                        writer.WriteLine(csv
                            ? string.Create(CultureInfo.InvariantCulture, $"{c.Smiles},{c.MolWeight:F3},{c.CLogP:F4},{c.Qed:F4}")
                            : c.Smiles);
                }
                finally
                {
                    if (!ReferenceEquals(writer, io.Out)) writer.Dispose(); else writer.Flush();
                }
                if (r.GetValue(stats))
                    io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"candidates {result.Candidates.Count} sampled {result.Sampled} invalid {result.Invalid} rejected {result.Rejected} seconds {result.Elapsed.TotalSeconds:F1}"));
                if (result.Candidates.Count < result.Requested)
                    io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"made {result.Candidates.Count} of {result.Requested} candidates within {result.Elapsed.TotalSeconds:F0} s ({result.Sampled} sampled, {result.Rejected} rejected by constraints or duplicates)"));
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return cmd;
    }

    private static string ReadAll(CliIO io, string path)
    {
        using var reader = io.OpenInput(path);
        return reader.ReadToEnd();
    }
}
