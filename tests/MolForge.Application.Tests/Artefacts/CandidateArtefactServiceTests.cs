using System.Globalization;
using System.Text;
using MolForge.Application.Artefacts;
using MolForge.Application.Design;
using MolForge.Application.Pipeline;
using MolForge.Application.QuantumChemistry;
using MolForge.Application.Scoring;
using MolForge.Application.Storage;
using MolForge.Application.Tests.Pipeline;
using MolForge.Chem.Formats;
using MolForge.QChem;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.IO;
using MolForge.QChem.Scf;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Qasm;

namespace MolForge.Application.Tests.Artefacts;

/// <summary>A small design run on the real cores (formamide, acetamide and one invalid SMILES; STO-3G, VQE (4,4)
/// UCCSD/Jordan–Wigner on the state vector), stored in memory once for all tests.</summary>
public sealed class ArtefactRunFixture
{
    public const string Prompt = """{"count": 3, "scoring": {"basis": "sto-3g", "active": [4, 4], "backend": "statevector"}}""";

    public ArtefactRunFixture()
    {
        var runs = new InMemoryRuns();
        var scorer = new MoleculeScorer(new StateVectorVqeEngine(), new ScorerOptions { WriteMolBlock = SdfWriter.ToMolBlock });
        var pipeline = new DesignPipeline(new FixedGenerator("NC=O", "CC(N)=O", "CCXC"), scorer, runs, new InMemoryCache());
        var run = new DesignRun { OwnerId = "test", PromptJson = Prompt };
        runs.Runs[run.Id] = run;
        Run = pipeline.RunAsync(run, DesignPromptReader.Parse(Prompt), null, CancellationToken.None).GetAwaiter().GetResult();
    }

    public DesignRun Run { get; }

    /// <summary>The scored candidate generated at <paramref name="index"/> (0: formamide, 1: acetamide).</summary>
    public Candidate Scored(int index) => Run.Candidates.Single(c => c.Index == index && c.Status == CandidateStatus.Scored);
}

public sealed class CandidateArtefactServiceTests(ArtefactRunFixture fixture) : IClassFixture<ArtefactRunFixture>
{
    private readonly CandidateArtefactService _service = new();

    private static ScfResult DirectRhf(Candidate c)
    {
        using var reader = new StringReader(c.ConformerMolBlock!);
        var g = GeometryReader.ReadSdf(reader);
        return RhfSolver.Run(Molecule3D.FromAngstrom(g.AtomicNumbers, g.CoordinatesAngstrom, g.FormalCharge), "sto-3g");
    }

    [Fact]
    public async Task Molden_file_has_the_atoms_and_orbitals_of_a_direct_rhf()
    {
        var c = fixture.Scored(1);
        var artefact = await _service.CreateAsync(fixture.Run, c, CandidateArtefactKind.Molden);
        Assert.EndsWith(".molden", artefact.FileName, StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(artefact.Content).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("[Molden Format]", lines[0]);
        var atomsStart = lines.IndexOf("[Atoms] AU") + 1;
        var atoms = lines.Skip(atomsStart).TakeWhile(l => !l.StartsWith('[')).Where(l => l.Trim().Length > 0).ToList();
        var direct = DirectRhf(c);
        Assert.Equal(direct.Molecule.AtomCount, atoms.Count);
        Assert.Equal(9, atoms.Count); // C2H5NO
        var energies = lines.Where(l => l.TrimStart().StartsWith("Ene=", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Trim()[4..], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(direct.BasisFunctionCount, energies.Length);
        for (var k = 0; k < energies.Length; k++) Assert.Equal(direct.OrbitalEnergies[k], energies[k], 1e-9);
        var occupied = lines.Count(l => l.Trim() == "Occup= 2.000000");
        Assert.Equal(direct.OccupiedCount, occupied);
        // the stored molblock is rounded to 1e-4 Å, so the recomputed RHF is close to, not identical with, the run's
        Assert.Equal(c.Quantum!.EHf, direct.Energy, 1e-4);
    }

    [Fact]
    public async Task Fcidump_read_back_gives_the_stored_casci_energy()
    {
        var c = fixture.Scored(0);
        var artefact = await _service.CreateAsync(fixture.Run, c, CandidateArtefactKind.Fcidump);
        using var reader = new StringReader(Encoding.UTF8.GetString(artefact.Content));
        var ints = FcidumpReader.Read(reader);
        Assert.Equal((4, 4), (ints.ElectronCount, ints.OrbitalCount));
        var ci = CasciSolver.Solve(ints);
        Assert.Equal(c.Quantum!.ECasci!.Value, ci.Energy, 1e-4);
        // exactly the CASCI of a direct calculation on the stored geometry
        var direct = CasciSolver.Solve(ActiveSpaceBuilder.Build(DirectRhf(c), 4, 4));
        Assert.Equal(direct.Energy, ci.Energy, 1e-9);
        Assert.True(ci.Energy < c.Quantum.EHf);
    }

    [Fact]
    public async Task Qasm_circuit_parsed_and_simulated_gives_the_stored_vqe_energy()
    {
        var c = fixture.Scored(1);
        var artefact = await _service.CreateAsync(fixture.Run, c, CandidateArtefactKind.Qasm);
        var text = Encoding.UTF8.GetString(artefact.Content);
        Assert.StartsWith("OPENQASM 3.0;", text, StringComparison.Ordinal);
        var program = QasmParser.Parse(text);
        Assert.Equal(8, program.Circuit.QubitCount);
        Assert.Equal(0, program.Circuit.ParameterCount);
        var active = ActiveSpaceBuilder.Build(DirectRhf(c), 4, 4);
        var h = MolecularHamiltonian.Build(new MolForge.Quantum.Chemistry.ActiveSpaceIntegrals(active.OrbitalCount, active.ElectronCount, active.CoreEnergy,
            active.OneElectron, active.TwoElectron), "jordan-wigner");
        var energy = new StateVectorBackend().Expectation(program.Circuit, [], h.Operator);
        Assert.Equal(c.Quantum!.EVqe!.Value, energy, 1e-4);
        // the bound parameters matter: the HF reference alone is higher
        Assert.True(energy < c.Quantum.EHf - 1e-4);
    }

    [Fact]
    public async Task A_failed_candidate_without_geometry_is_refused_with_its_reason()
    {
        var failed = fixture.Run.Candidates.Single(c => c.Status == CandidateStatus.Failed);
        foreach (var kind in Enum.GetValues<CandidateArtefactKind>())
        {
            var ex = await Assert.ThrowsAsync<CandidateArtefactException>(() => _service.CreateAsync(fixture.Run, failed, kind));
            Assert.Contains("failed", ex.Message, StringComparison.Ordinal);
            Assert.Contains(failed.Smiles, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Qasm_without_vqe_parameters_is_refused()
    {
        var c = fixture.Scored(0);
        var copy = new Candidate { Index = c.Index, Rank = c.Rank, Smiles = c.Smiles, ConformerMolBlock = c.ConformerMolBlock, Quantum = new QuantumScore { EHf = c.Quantum!.EHf } };
        var ex = await Assert.ThrowsAsync<CandidateArtefactException>(() => _service.CreateAsync(fixture.Run, copy, CandidateArtefactKind.Qasm));
        Assert.Contains("no VQE parameters", ex.Message, StringComparison.Ordinal);
        var noGeometry = new Candidate { Rank = 7, Smiles = "CCO", Status = CandidateStatus.Scored };
        ex = await Assert.ThrowsAsync<CandidateArtefactException>(() => _service.CreateAsync(fixture.Run, noGeometry, CandidateArtefactKind.Molden));
        Assert.Contains("candidate 7 (CCO) has no stored 3D geometry", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_that_do_not_fit_the_circuit_and_unreadable_prompts_are_refused()
    {
        var c = fixture.Scored(0);
        var wrong = new Candidate
        {
            Rank = c.Rank, Smiles = c.Smiles, ConformerMolBlock = c.ConformerMolBlock,
            Quantum = new QuantumScore { EVqe = -1, VqeParametersJson = "[0.1, 0.2]" },
        };
        var ex = await Assert.ThrowsAsync<CandidateArtefactException>(() => _service.CreateAsync(fixture.Run, wrong, CandidateArtefactKind.Qasm));
        Assert.Contains("do not fit", ex.Message, StringComparison.Ordinal);
        var badRun = new DesignRun { PromptJson = "{\"count\": " };
        ex = await Assert.ThrowsAsync<CandidateArtefactException>(() => _service.CreateAsync(badRun, c, CandidateArtefactKind.Molden));
        Assert.Contains("prompt", ex.Message, StringComparison.Ordinal);
    }
}
