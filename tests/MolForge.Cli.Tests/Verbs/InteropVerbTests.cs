using MolForge.Cli.Tests.Screening;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Design;
using MolForge.Application.QuantumScoring;
using MolForge.Application.Scoring;
using MolForge.Application.Storage;
using MolForge.Chem.Formats;
using MolForge.Cli.Infrastructure;
using MolForge.Data;
using MolForge.QChem.Ci;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Qasm;

namespace MolForge.Cli.Tests.Verbs;

/// <summary>`export-hamiltonian`, `qasm` and `export --run ID --candidate RANK` (molden, fcidump, qasm).</summary>
public sealed class InteropVerbTests : IDisposable
{
    private const string Water = CliRunner.WaterXyz;
    private readonly string _dir = Directory.CreateTempSubdirectory("molforge-interop-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string WaterFile()
    {
        var path = Path.Combine(_dir, "water.xyz");
        File.WriteAllText(path, Water);
        return path;
    }

    private static Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args) => CliRunner.RunAsync(stdin, args);

    private static async Task<double> QchemEnergy(string input, string key, params string[] extra)
    {
        var (code, output, err) = await Run("", ["qchem", input, "--json", .. extra]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.GetProperty(key).GetDouble();
    }

    [Fact]
    public async Task Fcidump_export_reads_back_to_the_casci_energy_of_qchem()
    {
        var water = WaterFile();
        var fcidump = Path.Combine(_dir, "out", "water.fcidump");
        var (code, _, err) = await Run("", "export-hamiltonian", water, "--active", "4,4", "--format", "fcidump", "-o", fcidump);
        Assert.True(code == 0, err);
        using var reader = File.OpenText(fcidump);
        var ints = MolForge.QChem.IO.FcidumpReader.Read(reader);
        Assert.Equal((4, 4), (ints.ElectronCount, ints.OrbitalCount));
        var expected = await QchemEnergy(water, "e_casci", "--method", "casci", "--active", "4,4");
        Assert.Equal(expected, CasciSolver.Solve(ints).Energy, 1e-9);
    }

    [Theory]
    [InlineData("jordan-wigner")]
    [InlineData("parity")]
    [InlineData("bravyi-kitaev")]
    public async Task Qubit_json_follows_its_schema_and_gives_the_hf_energy_on_the_hf_state(string mapping)
    {
        var (code, output, err) = await Run(Water, "export-hamiltonian", "-", "--format", "qubit-json", "--mapping", mapping);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("molforge.qubit-hamiltonian/1", root.GetProperty("schema").GetString());
        Assert.Equal(4, root.GetProperty("n_qubits").GetInt32());
        Assert.Equal(2, root.GetProperty("n_electrons").GetInt32());
        var terms = root.GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("n_terms").GetInt32(), terms.Count);
        Assert.Equal("I", terms[0].GetProperty("pauli").GetString());
        var hf = root.GetProperty("hf_state").GetString()!;
        Assert.Equal(4, hf.Length);
        // ⟨b|P|b⟩ is 0 unless P is made of I and Z; then it is (−1)^(number of Z on qubits set in b)
        double energy = 0;
        foreach (var t in terms)
        {
            var pauli = t.GetProperty("pauli").GetString()!;
            var sign = 1.0;
            var diagonal = true;
            foreach (var factor in pauli.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(f => f != "I"))
            {
                var qubit = int.Parse(factor[1..], CultureInfo.InvariantCulture);
                if (factor[0] != 'Z') { diagonal = false; break; }
                if (hf[hf.Length - 1 - qubit] == '1') sign = -sign;
            }
            if (diagonal) energy += sign * t.GetProperty("coefficient").GetDouble();
        }
        Assert.Equal(root.GetProperty("e_hf").GetDouble(), energy, 1e-8);
        Assert.True(root.GetProperty("e_hf").GetDouble() < -74.9);
    }

    [Fact]
    public async Task Qasm_of_the_optimised_circuit_simulates_to_the_casci_energy()
    {
        var water = WaterFile();
        var (code, qasm, err) = await Run("", "qasm", water, "--active", "2,2");
        Assert.True(code == 0, err);
        Assert.StartsWith("OPENQASM 3.0;\n// molforge qasm: sto-3g, active space (2,2), jordan-wigner, uccsd", qasm, StringComparison.Ordinal);
        var program = QasmParser.Parse(qasm);
        var fcidump = Path.Combine(_dir, "h.fcidump");
        Assert.Equal(0, (await Run("", "export-hamiltonian", water, "--active", "2,2", "-o", fcidump)).Code);
        var h = VqeCircuitBuilder.Prepare(VqeScoringService.FromFcidump(fcidump)).Hamiltonian;
        var energy = new StateVectorBackend().Expectation(program.Circuit, [], h.Operator);
        // UCCSD is exact for two electrons in two orbitals
        var casci = await QchemEnergy(water, "e_casci", "--method", "casci", "--active", "2,2");
        Assert.Equal(casci, energy, 1e-6);
        Assert.Contains("e_vqe", err, StringComparison.Ordinal);

        var (code2, measured, _) = await Run("", "qasm", water, "--mapping", "parity", "--ansatz", "hea", "--measure");
        Assert.Equal(0, code2);
        Assert.True(QasmParser.Parse(measured).MeasuresAll);
    }

    [Theory]
    [InlineData("export-hamiltonian", "--format", "xml")]
    [InlineData("export-hamiltonian", "--active", "3,2")]
    [InlineData("export-hamiltonian", "--active", "two")]
    [InlineData("export-hamiltonian", "--mapping", "qubit-magic", "--format", "qubit-json")]
    [InlineData("qasm", "--ansatz", "bogus")]
    [InlineData("qasm", "--active", "2,40")]
    public async Task Bad_options_are_usage_errors(string verb, params string[] options)
    {
        var (code, output, err) = await Run("", [verb, WaterFile(), .. options]);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export-hamiltonian")]
    [InlineData("qasm")]
    public async Task Missing_or_malformed_input_is_a_usage_error(string verb)
    {
        var (code, _, err) = await Run("", verb, Path.Combine(_dir, "nope.xyz"));
        Assert.Equal(2, code);
        Assert.Contains("not found", err, StringComparison.Ordinal);
        (code, _, err) = await Run("3\nbroken\nO 0 0\n", verb, "-");
        Assert.Equal(2, code);
        Assert.Contains("xyz", err, StringComparison.Ordinal);
    }

    /// <summary>A run with one scored candidate (formamide, VQE (2,2) on the real cores) and one failed one.</summary>
    private async Task<(string Db, DesignRun Run)> StoredRun()
    {
        var db = Path.Combine(_dir, "runs.db");
        const string prompt = """{"count": 2, "scoring": {"basis": "sto-3g", "active": [2, 2]}}""";
        var settings = DesignPromptReader.Parse(prompt).Scoring;
        var scored = new MoleculeScorer(new StateVectorVqeEngine(), new ScorerOptions { WriteMolBlock = SdfWriter.ToMolBlock })
            .Score("NC=O", settings, null, CancellationToken.None);
        Assert.Null(scored.Error);
        var q = scored.Quantum!;
        var run = new DesignRun { OwnerId = "cli", Status = RunStatus.Completed, PromptJson = prompt };
        await using var sp = new ServiceCollection().AddMolForgeData(db).BuildServiceProvider();
        var repository = sp.GetRequiredService<IDesignRunRepository>();
        await repository.AddAsync(run);
        run.Candidates =
        [
            new Candidate
            {
                Index = 0, Smiles = scored.CanonicalSmiles!, Rank = 1, Score = 0.8, ConformerMolBlock = scored.ConformerMolBlock,
                Quantum = new QuantumScore
                {
                    Basis = "sto-3g", ActiveElectrons = 2, ActiveOrbitals = 2, Method = "vqe", Mapping = "jordan-wigner", Ansatz = "uccsd",
                    EHf = q.EHf, ECasci = q.ECasci, EVqe = q.EVqe, VqeParametersJson = JsonSerializer.Serialize(q.VqeParameters),
                },
            },
            new Candidate { Index = 1, Smiles = "CCX", Rank = 2, Status = CandidateStatus.Failed, Error = "descriptors: invalid SMILES" },
        ];
        await repository.UpdateAsync(run);
        return (db, run);
    }

    [Fact]
    public async Task Export_candidate_writes_molden_fcidump_and_qasm_and_refuses_what_it_cannot_make()
    {
        var (db, run) = await StoredRun();
        var id = run.Id.ToString();

        var (code, molden, err) = await Run("", "export", "--run", id, "--db", db, "--candidate", "1", "--format", "molden");
        Assert.True(code == 0, err);
        Assert.StartsWith("[Molden Format]", molden, StringComparison.Ordinal);
        Assert.Contains("[MO]", molden, StringComparison.Ordinal);

        var fcidump = Path.Combine(_dir, "c1.fcidump");
        (code, _, err) = await Run("", "export", "--run", id, "--db", db, "--candidate", "1", "--format", "fcidump", "-o", fcidump);
        Assert.True(code == 0, err);
        using (var reader = File.OpenText(fcidump))
            Assert.Equal(run.Candidates[0].Quantum!.ECasci!.Value, CasciSolver.Solve(MolForge.QChem.IO.FcidumpReader.Read(reader)).Energy, 1e-4);

        (code, var qasm, err) = await Run("", "export", "--run", id, "--db", db, "--candidate", "1", "--format", "qasm");
        Assert.True(code == 0, err);
        var h = VqeCircuitBuilder.Prepare(VqeScoringService.FromFcidump(fcidump)).Hamiltonian;
        Assert.Equal(run.Candidates[0].Quantum!.EVqe!.Value, new StateVectorBackend().Expectation(QasmParser.Parse(qasm).Circuit, [], h.Operator), 1e-4);

        (code, _, err) = await Run("", "export", "--run", id, "--db", db, "--candidate", "2", "--format", "molden");
        Assert.Equal(2, code);
        Assert.Contains("failed before a 3D geometry", err, StringComparison.Ordinal);
        (code, _, err) = await Run("", "export", "--run", id, "--db", db, "--candidate", "5", "--format", "qasm");
        Assert.Equal(2, code);
        Assert.Contains("no candidate of rank 5", err, StringComparison.Ordinal);
        (code, _, err) = await Run("", "export", "--run", id, "--db", db, "--format", "fcidump");
        Assert.Equal(2, code);
        Assert.Contains("--candidate RANK", err, StringComparison.Ordinal);
        (code, _, err) = await Run("", "export", "--run", id, "--db", db, "--candidate", "1", "--format", "csv");
        Assert.Equal(2, code);
        Assert.Contains("molden, fcidump, qasm", err, StringComparison.Ordinal);
        (code, _, err) = await Run("", "export", "--job", "x", "--db", db, "--candidate", "1", "--format", "qasm");
        Assert.Equal(2, code);
        Assert.Contains("--candidate needs --run", err, StringComparison.Ordinal);

        // whole-run export still works beside it
        (code, var smi, err) = await Run("", "export", "--run", id, "--db", db, "--format", "smi");
        Assert.True(code == 0, err);
        Assert.StartsWith(run.Candidates[0].Smiles, smi, StringComparison.Ordinal);
    }
}
