using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MolForge.Chem.Core;
using MolForge.Chem.Descriptors;
using MolForge.Chem.Fingerprints;
using MolForge.Chem.Smarts;
using MolForge.Chem.Smiles;
using MolForge.Chem.Substructure;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs.Bench;

/// <summary>`molforge bench describe FILE [--json]`: single-threaded time per stage of the descriptor pipeline
/// (SMILES parse, Crippen, TPSA, Lipinski counts, QED properties, Morgan fingerprints, one SMARTS search) over
/// the SMILES in FILE.</summary>
internal sealed class DescribeBenchmark : IBenchmark
{
    public Command Build(CliIO io)
    {
        var file = new Argument<string>("file") { Description = "SMILES file (SMILES [name] per line)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("describe", "Time the descriptor pipeline stages (single thread) over a SMILES file.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction((ParseResult r, CancellationToken ct) =>
        {
            var lines = new List<string>();
            using (var reader = io.OpenInput(r.GetValue(file)!))
                while (reader.ReadLine() is { } line)
                    if (line.Trim().Split(' ', '\t')[0] is { Length: > 0 } s) lines.Add(s);
            var sw = Stopwatch.StartNew();
            var mols = new List<Molecule>(lines.Count);
            foreach (var s in lines)
                if (SmilesReader.TryParse(s, out var m, out _)) mols.Add(m);
            var tParse = sw.Elapsed.TotalSeconds;
            var stages = new Dictionary<string, double> { ["parse"] = tParse };
            var cpu = new Dictionary<string, double>();
            void Stage(string name, Action<Molecule> work)
            {
                foreach (var m in mols.Take(50)) work(m); // warm-up (JIT)
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                sw.Restart();
                foreach (var m in mols) work(m);
                stages[name] = sw.Elapsed.TotalSeconds;
                cpu[name] = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            }
            var sink = 0.0;
            Stage("rings", m => sink += m.RingInfo.RingCount);
            Stage("crippen", m => sink += Crippen.Contributions(m, m.RingInfo).LogP);
            Stage("tpsa", m => sink += Tpsa.Compute(m, m.RingInfo));
            Stage("lipinski", m =>
            {
                var t = new SubstructureTarget(m, m.RingInfo);
                sink += Lipinski.NumHBD(t) + Lipinski.NumHBA(t) + Lipinski.NumRotatableBonds(t);
            });
            Stage("qed_properties", m => sink += Qed.Properties(new SubstructureTarget(m, m.RingInfo), 0, 0, 0, 0, 0).Alerts);
            Stage("all_descriptors", m => sink += MolecularDescriptors.Compute(m).Qed);
            Stage("morgan2_2048", m => sink += MorganFingerprint.Bits(m, m.RingInfo).Count);
            var amide = SmartsQuery.Parse("C(=O)[NX3]");
            Stage("smarts_amide_count", m => sink += SubstructureMatcher.CountMatches(amide, new SubstructureTarget(m, m.RingInfo)));
            if (r.GetValue(json))
            {
                io.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["molecules"] = mols.Count,
                    ["seconds"] = stages,
                    ["cpu_seconds"] = cpu,
                    ["checksum"] = Math.Round(sink, 3),
                }));
            }
            else
            {
                io.Out.WriteLine($"{mols.Count} molecules");
                foreach (var (k, v) in stages)
                {
                    var c = cpu.GetValueOrDefault(k, v);
                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{k,-20} wall {v * 1000,9:F1} ms  cpu {c * 1000,9:F1} ms  {c * 1e6 / Math.Max(1, mols.Count),8:F1} us/mol (cpu)"));
                }
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
