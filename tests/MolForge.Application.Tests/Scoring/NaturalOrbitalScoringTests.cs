using System.Text;
using MolForge.Application.Artefacts;
using MolForge.Application.Design;
using MolForge.Application.Export;
using MolForge.Application.Pipeline;
using MolForge.Application.QuantumChemistry;
using MolForge.Application.Scoring;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Application.Tests.Pipeline;
using MolForge.Chem.Conformers;
using MolForge.Chem.Formats;
using MolForge.Chem.Smiles;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.Correlation;
using MolForge.QChem.IO;
using MolForge.QChem.Scf;

namespace MolForge.Application.Tests.Scoring;

/// <summary>The scoring object's "orbitals": "canonical"|"mp2" through prompt reading, scoring, artefacts, export and
/// the screening description.</summary>
public sealed class NaturalOrbitalScoringTests
{
    [Fact]
    public void The_prompt_reads_orbitals_and_defaults_to_canonical()
    {
        Assert.Equal("canonical", DesignPromptReader.Parse("""{"count": 2}""").Scoring.Orbitals);
        Assert.Equal("mp2", DesignPromptReader.Parse("""{"count": 2, "scoring": {"orbitals": "MP2"}}""").Scoring.Orbitals);
        var ex = Assert.Throws<DesignPromptException>(() => DesignPromptReader.Parse("""{"count": 2, "scoring": {"orbitals": "natural"}}"""));
        Assert.Contains("scoring.orbitals: 'natural' is not one of canonical, mp2", ex.Message, StringComparison.Ordinal);
        ex = Assert.Throws<DesignPromptException>(() => DesignPromptReader.Parse("""{"count": 2, "scoring": {"orbitals": 2}}"""));
        Assert.Contains("scoring.orbitals: must be a string", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_stored_before_the_option_existed_read_back_as_canonical_with_the_same_cache_key()
    {
        var old = new ScoringSettings(Method: "casci", ActiveElectrons: 4, ActiveOrbitals: 4);
        var json = new ScreeningJobSpec(old, 64, "smi").ToJson().Replace(",\"orbitals\":\"canonical\"", "", StringComparison.Ordinal);
        Assert.DoesNotContain("\"orbitals\"", json, StringComparison.Ordinal);
        var back = ScreeningJobSpec.FromJson(json);
        Assert.Equal(old, back.Scoring);
        Assert.Equal("sto-3g|4,4|casci|statevector|jordan-wigner|uccsd|0", old.CacheKey);
        Assert.NotEqual(old.CacheKey, (old with { Orbitals = "mp2" }).CacheKey);
        Assert.Contains("active 4,4 mp2,", ScreeningJobSpec.Describe(old with { Orbitals = "mp2" }), StringComparison.Ordinal);
        Assert.Contains("active 4,4,", ScreeningJobSpec.Describe(old), StringComparison.Ordinal);
    }

    [Fact]
    public void Scoring_in_mp2_natural_orbitals_matches_a_direct_qchem_call()
    {
        var settings = new ScoringSettings(Method: "casci", ActiveElectrons: 4, ActiveOrbitals: 4, Orbitals: "mp2");
        var result = new MoleculeScorer().Score("C=O", settings, null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        Assert.True(result.StageSeconds.ContainsKey("mp2"));
        var conformer = ConformerGenerator.Generate(SmilesReader.Parse("C=O"), new ConformerOptions(Seed: 42))[0].Molecule;
        var scf = RhfSolver.Run(MoleculeScorer.ToQChem(conformer), "sto-3g");
        var natural = CasciSolver.Solve(ActiveSpaceBuilder.Build(scf, 4, 4, ActiveOrbitals.Mp2Natural)).Energy;
        var canonical = CasciSolver.Solve(ActiveSpaceBuilder.Build(scf, 4, 4)).Energy;
        Assert.Equal(natural, result.Quantum!.ECasci!.Value, 1e-9);
        Assert.NotEqual(canonical, natural, 6);
        var canonicalRun = new MoleculeScorer().Score("C=O", settings with { Orbitals = "canonical" }, null, CancellationToken.None);
        Assert.Equal(canonical, canonicalRun.Quantum!.ECasci!.Value, 1e-9);
        Assert.False(canonicalRun.StageSeconds.ContainsKey("mp2"));
    }

    [Fact]
    public void Vqe_in_natural_orbitals_reaches_their_casci()
    {
        // UCCSD in a (2,2) space is exact; the HF reference of the natural-orbital space is the RHF determinant and the
        // MP2 initial amplitudes use the natural orbitals' Fock diagonals
        var scorer = new MoleculeScorer(new StateVectorVqeEngine());
        var result = scorer.Score("C=O", new ScoringSettings(Method: "vqe", Orbitals: "mp2"), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Error);
        var q = result.Quantum!;
        Assert.InRange(q.EVqe!.Value - q.ECasci!.Value, -1e-8, 1e-6);
        var canonical = scorer.Score("C=O", new ScoringSettings(Method: "vqe"), null, CancellationToken.None).Quantum!;
        Assert.True(q.ECasci < canonical.ECasci - 1e-3, $"natural {q.ECasci} canonical {canonical.ECasci}");
    }

    [Fact]
    public void A_space_too_large_for_the_molecule_fails_at_the_active_space_stage()
    {
        var result = new MoleculeScorer().Score("[H][H]", new ScoringSettings(Method: "casci", ActiveElectrons: 4, ActiveOrbitals: 4, Orbitals: "mp2"), null, CancellationToken.None);
        Assert.Equal(PipelineStage.ActiveSpace, result.FailedStage);
        Assert.Contains("the molecule has only 2 electrons", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_service_runs_mp2_and_builds_natural_orbital_spaces()
    {
        const string water = "3\nwater\nO 0.00754405 0.39774343 0.0\nH -0.76710314 -0.18439316 0.0\nH 0.75955908 -0.21335027 0.0\n";
        var service = new QuantumChemistryService();
        var mp2 = service.Run(new QuantumChemistryRequest { Input = "-", InputText = water, InputFormat = "xyz", Method = QChemMethod.Mp2, FrozenCore = 1 });
        Assert.NotNull(mp2.Mp2);
        Assert.Null(mp2.ActiveSpace);
        Assert.Equal(1, mp2.Mp2!.FrozenCore);
        Assert.Equal(-0.03645316802877119, mp2.Mp2.CorrelationEnergy, 1e-7); // Psi4 1.3.2, frozen core, STO-3G
        var cas = service.Run(new QuantumChemistryRequest { Input = "-", InputText = water, InputFormat = "xyz", Method = QChemMethod.Casci, Active = (4, 4), Orbitals = ActiveOrbitals.Mp2Natural });
        Assert.Equal(ActiveOrbitals.Mp2Natural, cas.ActiveSpace!.Orbitals);
        Assert.NotNull(cas.Mp2!.NaturalOccupations);
        Assert.True(cas.CasciEnergy < cas.Scf.Energy);
    }

    [Fact]
    public async Task A_run_with_mp2_orbitals_exports_them_and_its_fcidump_is_in_natural_orbitals()
    {
        const string prompt = """{"count": 1, "scoring": {"basis": "sto-3g", "active": [2, 2], "method": "casci", "orbitals": "mp2"}}""";
        var runs = new InMemoryRuns();
        var scorer = new MoleculeScorer(null, new ScorerOptions { WriteMolBlock = SdfWriter.ToMolBlock });
        var pipeline = new DesignPipeline(new FixedGenerator("NC=O"), scorer, runs, new InMemoryCache());
        var run = new DesignRun { OwnerId = "test", PromptJson = prompt };
        runs.Runs[run.Id] = run;
        run = await pipeline.RunAsync(run, DesignPromptReader.Parse(prompt), null, CancellationToken.None);
        var c = run.Candidates.Single(x => x.Status == CandidateStatus.Scored);

        Assert.Equal("mp2", RunExporter.OrbitalsOf(run));
        Assert.Contains(RunExporter.SdfFields(c, RunExporter.OrbitalsOf(run)), f => f.Key == "active_space" && f.Value == "2,2 mp2");
        Assert.Contains(RunExporter.SdfFields(c), f => f.Key == "active_space" && f.Value == "2,2");
        using var csv = new MemoryStream();
        await new RunExporter().WriteAsync(run, ExportFormat.Csv, csv);
        Assert.Contains(",\"2,2 mp2\",", Encoding.UTF8.GetString(csv.ToArray()), StringComparison.Ordinal);

        var artefact = await new CandidateArtefactService().CreateAsync(run, c, CandidateArtefactKind.Fcidump);
        using var reader = new StringReader(Encoding.UTF8.GetString(artefact.Content));
        var ci = CasciSolver.Solve(FcidumpReader.Read(reader));
        // recomputed from the stored (rounded) geometry: equal to the stored natural-orbital CASCI within the rounding
        Assert.Equal(c.Quantum!.ECasci!.Value, ci.Energy, 1e-4);
        using var mol = new StringReader(c.ConformerMolBlock!);
        var g = GeometryReader.ReadSdf(mol);
        var scf = RhfSolver.Run(MolForge.QChem.Molecule3D.FromAngstrom(g.AtomicNumbers, g.CoordinatesAngstrom, g.FormalCharge), "sto-3g");
        Assert.Equal(CasciSolver.Solve(ActiveSpaceBuilder.BuildFromNaturalOrbitals(scf, Mp2Solver.Run(scf), 2, 2)).Energy, ci.Energy, 1e-9);
        Assert.NotEqual(CasciSolver.Solve(ActiveSpaceBuilder.Build(scf, 2, 2)).Energy, ci.Energy, 6);
    }
}
