using System.Globalization;
using System.Text;
using MolForge.Application.Design;
using MolForge.Application.Export;
using MolForge.Application.Pipeline;
using MolForge.Application.Storage;

namespace MolForge.Web.E2E.Tests.Fakes;

/// <summary>TEST-ONLY stand-ins used by the E2E fixture when the app build has no real generator, scorer or
/// exporter registered (they are added with TryAdd, so the real ones win once they exist). The molecules, 3D
/// conformers and descriptors come from RDKit (Fakes/fake-candidates.sdf, made by
/// tools/references/make_web_e2e_fixtures.py); the quantum numbers are made up and labelled as such.</summary>
internal static class E2EFakeData
{
    public sealed record Entry(string Smiles, string MolBlock, IReadOnlyDictionary<string, string> Fields);

    public static IReadOnlyList<Entry> Entries { get; } = Load();

    private static List<Entry> Load()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fakes", "fake-candidates.sdf"));
        var entries = new List<Entry>();
        foreach (var record in text.Split("$$$$", StringSplitOptions.RemoveEmptyEntries))
        {
            var body = record.TrimStart('\r', '\n');
            if (body.Trim().Length == 0) continue;
            var end = body.IndexOf("M  END", StringComparison.Ordinal);
            var molblock = body[..(end + "M  END".Length)] + "\n";
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var lines = body[(end + 6)..].Split('\n');
            for (var i = 0; i < lines.Length - 1; i++)
                if (lines[i].StartsWith("> ", StringComparison.Ordinal) && lines[i].IndexOf('<', StringComparison.Ordinal) is var a and >= 0)
                    fields[lines[i][(a + 1)..lines[i].IndexOf('>', a)]] = lines[i + 1].Trim();
            entries.Add(new Entry(fields["smiles"], molblock, fields));
        }
        return entries;
    }
}

/// <summary>TEST-ONLY: proposes the fixture molecules in order.</summary>
internal sealed class E2EFakeGenerator : ICandidateGenerator
{
    public Task<GenerationOutcome> GenerateAsync(DesignPrompt prompt, CancellationToken cancellationToken) =>
        Task.FromResult(new GenerationOutcome(E2EFakeData.Entries.Take(prompt.Count).Select(e => e.Smiles).ToArray(),
            prompt.Count > E2EFakeData.Entries.Count ? $"the test generator knows only {E2EFakeData.Entries.Count} molecules" : null));
}

/// <summary>TEST-ONLY: RDKit descriptors and conformers from the fixture; invented orbital energies and a VQE trace;
/// a short delay per stage so that progress can be watched.</summary>
internal sealed class E2EFakeScorer : ICandidateScorer
{
    public async Task<CandidateScoreResult> ScoreAsync(string smiles, ScoringSettings settings, IProgress<PipelineStage>? stageProgress, CancellationToken cancellationToken)
    {
        var entry = E2EFakeData.Entries.First(e => e.Smiles == smiles);
        var index = E2EFakeData.Entries.ToList().IndexOf(entry);
        foreach (var stage in new[] { PipelineStage.Conformer, PipelineStage.Rhf, PipelineStage.ActiveSpace, PipelineStage.Hamiltonian, PipelineStage.Vqe })
        {
            stageProgress?.Report(stage);
            await Task.Delay(60, cancellationToken);
        }
        double F(string key) => double.Parse(entry.Fields[key], CultureInfo.InvariantCulture);
        int I(string key) => int.Parse(entry.Fields[key], CultureInfo.InvariantCulture);
        var descriptors = new MoleculeDescriptors(F("mol_weight"), F("mol_weight"), "", I("heavy_atoms"), F("clogp"), F("tpsa"),
            I("hbd"), I("hba"), I("rotatable_bonds"), 0, 0, 0, F("qed"));
        var homo = -0.30 + 0.01 * index;
        var lumo = 0.12 - 0.005 * index;
        double[] orbitals = [-20.6, -15.7, -11.3, -1.30, -1.05, -0.92, -0.75, -0.61, -0.52, -0.44, homo, lumo, lumo + 0.08, lumo + 0.2, lumo + 0.35];
        var eHf = -600.0 - 10 * index;
        var eCasci = eHf - 0.0215;
        var trace = Enumerable.Range(0, 12).Select(k => eCasci + 0.0215 * Math.Exp(-0.6 * k)).ToArray();
        var quantum = new QuantumResult(120 + index, 60 + 2 * index, 700 + index, eHf, homo, lumo, true, 14, orbitals,
            ECasci: eCasci, EVqe: trace[^1], VqeIterations: trace.Length, VqeParameters: [0.11, -0.03], VqeConvergence: trace, Qubits: 4, PauliTerms: 15);
        return new CandidateScoreResult(smiles, smiles, PipelineStage.Done, null, descriptors, entry.MolBlock, quantum,
            new Dictionary<string, double> { ["conformer"] = 0.05, ["rhf"] = 0.1, ["vqe"] = 0.1 });
    }
}

/// <summary>TEST-ONLY exporter (until the lead's lands): SDF records with the data fields of shared/CLI.md, SMILES, CSV.</summary>
internal sealed class E2EFakeExporter : IRunExporter
{
    public async Task WriteAsync(DesignRun run, ExportFormat format, Stream output, CancellationToken cancellationToken = default)
    {
        var sb = new StringBuilder();
        var scored = run.Candidates.Where(c => c.Status == CandidateStatus.Scored).OrderBy(c => c.Rank).ToList();
        foreach (var c in scored)
        {
            switch (format)
            {
                case ExportFormat.Sdf:
                    var block = c.ConformerMolBlock ?? "";
                    sb.Append(c.Smiles).Append('\n').Append(block[(block.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
                    if (!block.EndsWith('\n')) sb.Append('\n');
                    Field(sb, "mf_rank", c.Rank.ToString(CultureInfo.InvariantCulture));
                    Field(sb, "mf_score", c.Score.ToString("R", CultureInfo.InvariantCulture));
                    Field(sb, "smiles", c.Smiles);
                    sb.Append("$$$$\n");
                    break;
                case ExportFormat.Smiles:
                    sb.Append(c.Smiles).Append('\t').Append(c.Rank.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    break;
                default:
                    if (sb.Length == 0) sb.Append("rank,smiles,score\n");
                    sb.Append(CultureInfo.InvariantCulture, $"{c.Rank},{c.Smiles},{c.Score.ToString("R", CultureInfo.InvariantCulture)}\n");
                    break;
            }
        }
        await output.WriteAsync(Encoding.UTF8.GetBytes(sb.ToString()), cancellationToken);
    }

    private static void Field(StringBuilder sb, string name, string value) => sb.Append("> <").Append(name).Append(">\n").Append(value).Append("\n\n");
}
