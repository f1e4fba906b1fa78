using System.Diagnostics;
using MolForge.Chem.Conformers;
using MolForge.Chem.ForceFields;
using MolForge.Chem.Smiles;
using Xunit.Abstractions;

namespace MolForge.Chem.Tests.Conformers;

public class ProfileTests(ITestOutputHelper output)
{
    [Fact]
    public void Profile()
    {
        var lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "References", "conformer_inputs.smi")).Take(30).ToList();
        var t = new TimeSpan[4];
        long[] its = new long[4];
        var proc = Process.GetCurrentProcess();
        TimeSpan Cpu() { proc.Refresh(); return proc.TotalProcessorTime; }
        var tEmbed = TimeSpan.Zero;
        foreach (var line in lines)
        {
            var c0 = Cpu();
            var conf = ConformerGenerator.Generate(SmilesReader.Parse(line.Split(' ')[0]), new ConformerOptions(Minimize: false))[0].Molecule;
            tEmbed += Cpu() - c0;
            var g = new EmbeddingGraph(conf);
            var x0 = StereoCheck.Flatten(conf.Conformer!);
            for (var v = 0; v < 4; v++)
            {
                var x = (double[])x0.Clone();
                var c = Cpu();
                var r = v switch
                {
                    0 => Lbfgs.Minimize(g.Mmff!, x, new LbfgsOptions(MaxIterations: 10000, GradientTolerance: 2e-4)),
                    1 => Bfgs.Minimize(g.Mmff!, x, new LbfgsOptions(MaxIterations: 10000, GradientTolerance: 2e-4)),
                    2 => Lbfgs.Minimize(g.Mmff!, x, new LbfgsOptions(MaxIterations: 10000, GradientTolerance: 2e-4, History: 32)),
                    _ => Bfgs.Minimize(g.Mmff!, x, new LbfgsOptions(MaxIterations: 10000, GradientTolerance: 1e-3)),
                };
                t[v] += Cpu() - c;
                its[v] += r.Iterations;
            }
        }
        output.WriteLine($"embed (no MMFF) cpu {tEmbed.TotalSeconds:F2} s");
        for (var v = 0; v < 4; v++) output.WriteLine($"variant {v}: cpu {t[v].TotalSeconds:F2} s its {its[v]}");
    }
}
