using Microsoft.Extensions.DependencyInjection;
using MolForge.Application;
using MolForge.Application.Design;
using MolForge.Application.Export;
using MolForge.Application.Pipeline;
using MolForge.Application.Scoring;
using MolForge.Application.Storage;
using MolForge.Chem.Formats;
using MolForge.Chem.Smiles;
using MolForge.QChem.Scf;

namespace MolForge.Data.Tests;

/// <summary>A small prompt through the real cores (descriptors, conformer, RHF, CASCI) into a SQLite file and back out
/// as SDF.</summary>
public sealed class DesignPipelineEndToEndTests
{
    private sealed class ListGenerator(params string[] smiles) : ICandidateGenerator
    {
        public Task<GenerationOutcome> GenerateAsync(DesignPrompt prompt, CancellationToken cancellationToken) =>
            Task.FromResult(new GenerationOutcome(smiles.Take(prompt.Count).ToArray()));
    }

    [Fact]
    public async Task Candidates_are_scored_ranked_stored_reloaded_and_exported()
    {
        var path = Path.Combine(Path.GetTempPath(), "molforge-tests", $"{Guid.NewGuid():N}.db");
        var services = new ServiceCollection()
            .AddMolForgeData($"Data Source={path}")
            .AddSingleton<ICandidateGenerator>(new ListGenerator("CC=O", "OCC", "C#N", "C1CC1C"))
            .AddMolForgeApplication(pipelineOptions: new PipelineOptions { MaxParallelCandidates = 2 });
        await using var sp = services.BuildServiceProvider();
        var pipeline = sp.GetRequiredService<DesignPipeline>();
        var repository = sp.GetRequiredService<IDesignRunRepository>();
        const string json = """{"count": 4, "properties": {"mol_weight": [40, 50]}, "scoring": {"method": "casci", "active": [2, 2]}}""";
        var prompt = DesignPromptReader.Parse(json, checker: new ChemStructureChecker());
        var run = new DesignRun { OwnerId = "cli", PromptJson = json };
        await repository.AddAsync(run);

        await pipeline.RunAsync(run, prompt, null, CancellationToken.None);
        var loaded = await repository.GetAsync(run.Id, "cli");

        Assert.NotNull(loaded);
        Assert.Equal(RunStatus.Completed, loaded.Status);
        Assert.Equal([1, 2, 3, 4], loaded.Candidates.Select(c => c.Rank));
        Assert.All(loaded.Candidates, c => Assert.Equal(CandidateStatus.Scored, c.Status));
        // MW 40-50: acetaldehyde (44.05) and ethanol (46.07) rank above HCN (27.03) and methylcyclopropane (56.11).
        Assert.Equal(["CC=O", "CCO"], loaded.Candidates.Take(2).Select(c => c.Smiles).Order(StringComparer.Ordinal));

        foreach (var c in loaded.Candidates)
        {
            // e_hf matches a direct QChem call on the stored conformer (the molblock keeps 1e-4 Å, so ~1e-5 Eh).
            var molecule = new SdfReader(new StringReader(c.ConformerMolBlock! + "$$$$\n")) { RemoveHydrogens = false }.ReadAll().Single().Molecule!;
            var direct = RhfSolver.Run(MoleculeScorer.ToQChem(molecule), "sto-3g");
            Assert.Equal(direct.Energy, c.Quantum!.EHf, 4);
            Assert.True(c.Quantum.ECasci <= c.Quantum.EHf + 1e-9);
        }

        using var sdf = new MemoryStream();
        await sp.GetRequiredService<IRunExporter>().WriteAsync(loaded, ExportFormat.Sdf, sdf);
        sdf.Position = 0;
        var records = new SdfReader(new StreamReader(sdf)) { RemoveHydrogens = false }.ReadAll().ToList();
        Assert.Equal(4, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var m = records[i].Molecule!;
            Assert.True(m.Conformer!.Is3D);
            Assert.Contains(m.Atoms.ToArray(), a => a.AtomicNumber == 1);
            Assert.Equal(loaded.Candidates[i].Smiles, m.Properties["smiles"]);
            Assert.Equal(SmilesWriter.Write(SmilesReader.Parse(m.Properties["smiles"])), SmilesWriter.Write(RemoveHydrogens(m)));
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), m.Properties["mf_rank"]);
            foreach (var field in new[] { "mf_score", "mol_weight", "clogp", "qed", "tpsa", "e_hf", "homo", "lumo", "homo_lumo_gap", "e_casci", "basis", "active_space", "backend" })
                Assert.True(m.Properties.ContainsKey(field), field);
            Assert.Equal(loaded.Candidates[i].Quantum!.EHf, double.Parse(m.Properties["e_hf"], System.Globalization.CultureInfo.InvariantCulture));
        }

        using var csv = new MemoryStream();
        await sp.GetRequiredService<IRunExporter>().WriteAsync(loaded, ExportFormat.Csv, csv);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RunExporter.CsvColumns), lines[0]);
        Assert.Equal(5, lines.Length);
    }

    private static MolForge.Chem.Core.Molecule RemoveHydrogens(MolForge.Chem.Core.Molecule m)
    {
        var text = SdfWriter.ToMolBlock(m) + "$$$$\n";
        return new SdfReader(new StringReader(text)) { RemoveHydrogens = true }.ReadAll().Single().Molecule!;
    }
}
