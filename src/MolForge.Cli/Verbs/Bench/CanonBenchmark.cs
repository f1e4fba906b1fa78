using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using MolForge.Chem.Smiles;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs.Bench;

/// <summary>`molforge bench canon --n N [--file F] [--threads T] --json`: time to parse and canonicalise N SMILES.</summary>
internal sealed class CanonBenchmark : IBenchmark
{
    public Command Build(CliIO io)
    {
        var n = new Option<int>("--n") { Description = "Number of SMILES (the input is cycled).", DefaultValueFactory = _ => 24_000 };
        var file = new Option<string?>("--file") { Description = "SMILES file (default: the shipped 2,400 ZINC SMILES)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads (1 = single thread).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("canon", "Parse + canonical SMILES for N molecules.");
        command.Options.Add(n);
        command.Options.Add(file);
        command.Options.Add(threads);
        command.Options.Add(json);
        command.SetAction(r =>
        {
            var count = r.GetValue(n);
            if (count <= 0) throw new CliUsageException("--n must be positive");
            var path = r.GetValue(file) ?? Path.Combine(AppContext.BaseDirectory, "data", "bench", "canon_zinc_2400.smi.gz");
            var source = new List<string>();
            using (var reader = io.OpenInput(path))
                while (reader.ReadLine() is { } line)
                    if (line.Trim().Length > 0) source.Add(line.Trim());
            if (source.Count == 0) throw new CliUsageException($"no SMILES in {path}");
            var inputs = new string[count];
            for (var i = 0; i < count; i++) inputs[i] = source[i % source.Count];
            // Warm-up on a small slice (JIT), then time the whole set.
            for (var i = 0; i < Math.Min(200, count); i++) Canon(inputs[i]);
            var t = r.GetValue(threads);
            var invalid = 0;
            var sw = Stopwatch.StartNew();
            if (t > 1)
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = t }, i => { if (Canon(inputs[i]) is null) Interlocked.Increment(ref invalid); });
            else
                for (var i = 0; i < count; i++) if (Canon(inputs[i]) is null) invalid++;
            var seconds = sw.Elapsed.TotalSeconds;
            var inv = CultureInfo.InvariantCulture;
            if (r.GetValue(json))
                io.Out.WriteLine(string.Create(inv, $"{{\"n\": {count}, \"seconds\": {seconds:F4}, \"microseconds_per_molecule\": {seconds * 1e6 / count:F2}, \"molecules_per_second\": {count / seconds:F0}, \"threads\": {t}, \"invalid\": {invalid}}}"));
            else
                io.Out.WriteLine(string.Create(inv, $"canon: {count} SMILES in {seconds:F3} s ({seconds * 1e6 / count:F1} µs each, {t} thread(s), {invalid} invalid)"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string? Canon(string smiles) =>
        SmilesReader.TryParse(smiles, out var m, out _) ? SmilesWriter.Write(m) : null;
}
