using System.CommandLine;
using System.Globalization;
using MolForge.Application.Generation;
using MolForge.Cli.Infrastructure;
using MolForge.Generation.Model;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge generate [--prompt FILE] [--n N] [--seed S] [--model PATH] [--format smi|csv]`: distinct
/// candidates from the graph generator, meeting the prompt's constraints.</summary>
internal sealed class GenerateVerb : ICliVerb
{
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
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default stdout)." };
        var cmd = new Command("generate", "Generate candidate molecules with the graph model.");
        foreach (var o in new Option[] { prompt, n, seed, model, format, temperature, timeout, output }) cmd.Options.Add(o);
        cmd.SetAction((ParseResult r, CancellationToken ct) =>
        {
            GenerationPrompt p;
            try
            {
                p = r.GetValue(prompt) is { } path ? GenerationPrompt.Parse(ReadAll(io, path)) : new GenerationPrompt();
            }
            catch (PromptException e) { throw new CliUsageException($"prompt: {e.Message}"); }
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
                try { result = GenerationService.Generate(generator, p, TimeSpan.FromSeconds(r.GetValue(timeout)), r.GetValue(temperature), ct); }
                catch (PromptException e) { throw new CliUsageException($"prompt: {e.Message}"); }
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
