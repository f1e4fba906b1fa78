using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MolForge.Application.Design;
using MolForge.Application.QuantumChemistry;
using MolForge.Application.Scoring;
using MolForge.Cli.Infrastructure;
using MolForge.QChem;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.IO;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge qchem INPUT --charge Q --basis B --method rhf|mp2|casci|vqe [--active NE,NO] [--orbitals canonical|mp2]
/// [--frozen-core N] [--json]`.</summary>
internal sealed class QchemVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var q = new QchemInputOptions(); // input, charge, basis, active, from, SCF limits, mapping, ansatz (shared with export-hamiltonian, qasm)
        var method = new Option<string>("--method") { Description = "rhf, mp2, casci or vqe.", DefaultValueFactory = _ => "rhf" };
        method.AcceptOnlyFromAmong("rhf", "mp2", "casci", "vqe");
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var molden = new Option<string?>("--molden") { Description = "Also write the orbitals as a Molden file." };
        var fcidump = new Option<string?>("--fcidump") { Description = "Also write the active-space integrals as FCIDUMP (needs --active or casci)." };
        var backend = new Option<string?>("--backend") { Description = "VQE backend: statevector, shots, noisy, hardware." };
        var shots = new Option<int?>("--shots") { Description = "VQE shots." };
        var defaults = new NoisySettings();
        var p1 = new Option<double>("--depolarizing-1q") { Description = "Noisy backend: depolarising probability after each one-qubit gate.", DefaultValueFactory = _ => defaults.OneQubitDepolarizing };
        var p2 = new Option<double>("--depolarizing-2q") { Description = "Noisy backend: depolarising probability after each CNOT.", DefaultValueFactory = _ => defaults.TwoQubitDepolarizing };
        var readout = new Option<double>("--readout-error") { Description = "Noisy backend: probability that a measured bit flips.", DefaultValueFactory = _ => defaults.ReadoutError };
        var mitigation = new Option<string>("--mitigation") { Description = "Noisy backend error mitigation: none, readout, zne (folding 1,3,5 + Richardson) or all.", DefaultValueFactory = _ => defaults.Mitigation };
        var optimizer = new Option<string>("--optimizer") { Description = "Optimiser for shots/noisy/hardware: auto (SPSA, Nelder–Mead if SPSA has not converged), spsa, nelder-mead.", DefaultValueFactory = _ => "auto" };
        var command = new Command("qchem", "Hartree–Fock, MP2, active space, CASCI and VQE for one molecule.");
        q.AddTo(command);
        foreach (var o in new Option[] { method, json, molden, fcidump, backend, shots, p1, p2, readout, mitigation, optimizer })
            command.Options.Add(o);
        command.SetAction(r =>
        {
            var m = r.GetValue(method) switch { "casci" => QChemMethod.Casci, "vqe" => QChemMethod.Vqe, "mp2" => QChemMethod.Mp2, _ => QChemMethod.Rhf };
            var request = q.Request(r, io, m, m == QChemMethod.Vqe ? VqeSettings(r.GetValue(backend), r.GetValue(q.Mapping), r.GetValue(q.Ansatz), r.GetValue(shots)) : null);
            if (r.GetValue(fcidump) is not null && request.Active is null && m != QChemMethod.Casci)
                throw new CliUsageException("--fcidump needs an active space (--active NE,NO)");
            if (!NoisySettings.Mitigations.Contains(r.GetValue(mitigation)!))
                throw new CliUsageException($"--mitigation must be one of {string.Join(", ", NoisySettings.Mitigations)}");
            if (r.GetValue(optimizer) is not ("auto" or "spsa" or "nelder-mead"))
                throw new CliUsageException("--optimizer must be one of auto, spsa, nelder-mead");
            var noise = new NoisySettings(r.GetValue(p1), r.GetValue(p2), r.GetValue(readout), r.GetValue(mitigation)!);
            try
            {
                _ = noise.Model();
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException($"noise model: {ex.Message}", ex);
            }
            QuantumChemistryResult result;
            try
            {
                var engine = new StateVectorVqeEngine(new VqeEngineOptions { Noise = noise, Optimizer = VqeEngineOptions.ParseOptimizer(r.GetValue(optimizer)!) });
                result = new QuantumChemistryService(engine).Run(request);
            }
            catch (QChemInputException ex)
            {
                throw new CliUsageException(ex.Message, ex);
            }
            catch (NotSupportedException ex)
            {
                throw new CliUsageException(ex.Message, ex);
            }
            catch (MolForge.Application.Hardware.HardwareJobException ex)
            {
                throw new CliUsageException("hardware backend: " + ex.Message, ex);
            }
            if (r.GetValue(molden) is { } moldenPath)
                using (var w = io.OpenOutput(moldenPath)) MoldenWriter.Write(w, result.Scf, result.Title);
            if (r.GetValue(fcidump) is { } fciPath && result.ActiveSpace is { } ints)
                using (var w = io.OpenOutput(fciPath)) FcidumpWriter.Write(w, ints);
            if (!result.Scf.Converged)
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warning: SCF did not converge in {result.Scf.Iterations} iterations; last energy {result.Scf.Energy:F10}"));
            if (result.CasciConverged == false) io.Error.WriteLine("warning: CASCI (Davidson) did not converge");
            if (r.GetValue(json)) WriteJson(io.Out, result, request, request.Vqe?.Backend == "noisy" ? noise : null);
            else WriteText(io.Out, result, request);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static MolForge.Application.Design.ScoringSettings VqeSettings(string? backend, string? mapping, string? ansatz, int? shots)
    {
        var s = new MolForge.Application.Design.ScoringSettings(Method: "vqe");
        s = s with { Backend = backend ?? s.Backend, Mapping = mapping ?? s.Mapping, Ansatz = ansatz ?? s.Ansatz, Shots = shots ?? s.Shots };
        if (!MolForge.Application.Design.ScoringSettings.Backends.Contains(s.Backend)) throw new CliUsageException($"--backend must be one of {string.Join(", ", MolForge.Application.Design.ScoringSettings.Backends)}");
        if (!MolForge.Application.Design.ScoringSettings.Mappings.Contains(s.Mapping)) throw new CliUsageException($"--mapping must be one of {string.Join(", ", MolForge.Application.Design.ScoringSettings.Mappings)}");
        if (!MolForge.Application.Design.ScoringSettings.Ansatzes.Contains(s.Ansatz)) throw new CliUsageException($"--ansatz must be one of {string.Join(", ", MolForge.Application.Design.ScoringSettings.Ansatzes)}");
        if (s.Shots < 1) throw new CliUsageException("--shots must be positive");
        return s;
    }

    private static void WriteJson(TextWriter output, QuantumChemistryResult r, QuantumChemistryRequest q, NoisySettings? noise)
    {
        var scf = r.Scf;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("basis", scf.Basis.Name);
            w.WriteString("method", q.Method.ToString().ToLowerInvariant());
            w.WriteNumber("charge", scf.Molecule.Charge);
            w.WriteNumber("n_atoms", scf.Molecule.AtomCount);
            w.WriteNumber("n_basis", scf.BasisFunctionCount);
            w.WriteNumber("n_electrons", scf.Molecule.ElectronCount);
            w.WriteNumber("e_nuc", scf.NuclearRepulsion);
            w.WriteNumber("e_hf", scf.Energy);
            w.WriteNumber("homo", scf.Homo);
            if (double.IsNaN(scf.Lumo)) { w.WriteNull("lumo"); w.WriteNull("homo_lumo_gap"); }
            else { w.WriteNumber("lumo", scf.Lumo); w.WriteNumber("homo_lumo_gap", scf.Lumo - scf.Homo); }
            w.WriteBoolean("converged", scf.Converged);
            w.WriteNumber("iterations", scf.Iterations);
            w.WriteNumber("seconds", Math.Round(r.Seconds, 4));
            w.WriteNumber("dipole_debye", Math.Round(scf.DipoleDebye, 6));
            w.WriteStartArray("mulliken_charges");
            foreach (var c in scf.MullikenCharges) w.WriteNumberValue(Math.Round(c, 6));
            w.WriteEndArray();
            if (r.Mp2 is { } mp2)
            {
                w.WriteNumber("e_mp2", mp2.TotalEnergy);
                w.WriteNumber("e_mp2_correlation", mp2.CorrelationEnergy);
                w.WriteNumber("e_mp2_same_spin", mp2.SameSpinEnergy);
                w.WriteNumber("e_mp2_opposite_spin", mp2.OppositeSpinEnergy);
                w.WriteNumber("mp2_frozen_core", mp2.FrozenCore);
                w.WriteNumber("mp2_seconds", Math.Round(r.Mp2Seconds, 4));
            }
            if (r.ActiveSpace is { } a)
            {
                w.WriteStartArray("active_space");
                w.WriteNumberValue(a.ElectronCount);
                w.WriteNumberValue(a.OrbitalCount);
                w.WriteEndArray();
                w.WriteString("active_orbitals", ScoringSettings.OrbitalsName(a.Orbitals));
                if (a.Orbitals == ActiveOrbitals.Mp2Natural && r.Mp2?.NaturalOccupations is { } occ)
                {
                    w.WriteStartArray("active_occupations");
                    for (var p = 0; p < a.OrbitalCount; p++) w.WriteNumberValue(Math.Round(occ[a.FirstActiveOrbital + p], 8));
                    w.WriteEndArray();
                }
                w.WriteNumber("e_core", a.CoreEnergy);
            }
            if (r.CasciEnergy is { } e)
            {
                w.WriteNumber("e_casci", e);
                w.WriteBoolean("casci_converged", r.CasciConverged == true);
            }
            if (r.Vqe is { } v)
            {
                w.WriteNumber("e_vqe", v.Energy);
                w.WriteStartArray("vqe_parameters");
                foreach (var t in v.Parameters) w.WriteNumberValue(t);
                w.WriteEndArray();
                w.WriteNumber("vqe_iterations", v.Iterations);
                w.WriteNumber("n_qubits", v.Qubits);
                w.WriteNumber("n_pauli_terms", v.PauliTerms);
                w.WriteString("backend", q.Vqe?.Backend ?? "statevector");
                w.WriteString("mapping", q.Vqe?.Mapping ?? "jordan-wigner");
                w.WriteString("ansatz", q.Vqe?.Ansatz ?? "uccsd");
                if (v.StandardError is { } se) w.WriteNumber("e_vqe_stderr", se);
                if (v.Shots is { } n) w.WriteNumber("shots", n);
                if (v.MeasurementGroups is { } g) w.WriteNumber("measurement_groups", g);
                if (v.UnmitigatedEnergy is { } u) w.WriteNumber("e_vqe_unmitigated", u);
                if (v.Optimizer is { } opt) w.WriteString("vqe_optimizer", opt);
                if (noise is not null)
                {
                    w.WriteString("mitigation", noise.Mitigation);
                    w.WriteStartObject("noise_model");
                    w.WriteNumber("depolarizing_1q", noise.OneQubitDepolarizing);
                    w.WriteNumber("depolarizing_2q", noise.TwoQubitDepolarizing);
                    w.WriteNumber("readout_error", noise.ReadoutError);
                    w.WriteEndObject();
                }
                w.WriteStartArray("vqe_convergence");
                foreach (var c in v.Convergence) w.WriteNumberValue(c);
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }


    private static void WriteText(TextWriter o, QuantumChemistryResult r, QuantumChemistryRequest q)
    {
        var scf = r.Scf;
        var ci = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(ci, $"basis            {scf.Basis.Name} ({scf.BasisFunctionCount} functions)"));
        o.WriteLine(string.Create(ci, $"electrons        {scf.Molecule.ElectronCount} (charge {scf.Molecule.Charge})"));
        o.WriteLine(string.Create(ci, $"E(nuc)           {scf.NuclearRepulsion,18:F10} Eh"));
        o.WriteLine(string.Create(ci, $"E(RHF)           {scf.Energy,18:F10} Eh   ({(scf.Converged ? "converged" : "NOT converged")} in {scf.Iterations} iterations)"));
        o.WriteLine(string.Create(ci, $"HOMO / LUMO      {scf.Homo,12:F6} / {scf.Lumo,12:F6} Eh   gap {scf.Lumo - scf.Homo:F6} Eh"));
        o.WriteLine(string.Create(ci, $"dipole           {scf.DipoleDebye:F4} D"));
        if (r.Mp2 is { } mp2)
        {
            o.WriteLine(string.Create(ci, $"E(MP2)           {mp2.TotalEnergy,18:F10} Eh   correlation {mp2.CorrelationEnergy:F10} Eh{(mp2.FrozenCore > 0 ? $" ({mp2.FrozenCore} frozen core orbitals)" : "")}"));
        }
        if (r.ActiveSpace is { } a)
            o.WriteLine(string.Create(ci, $"active space     ({a.ElectronCount},{a.OrbitalCount}){(a.Orbitals == ActiveOrbitals.Mp2Natural ? " in MP2 natural orbitals" : "")}, E(core) {a.CoreEnergy:F10} Eh"));
        if (r.CasciEnergy is { } e)
            o.WriteLine(string.Create(ci, $"E(CASCI)         {e,18:F10} Eh   correlation {e - scf.Energy:F10} Eh"));
        if (r.Vqe is { } v)
        {
            string backend = q.Vqe?.Backend ?? "statevector";
            string error = v.StandardError is { } se ? string.Create(ci, $" ± {se:F6}") : "";
            o.WriteLine(string.Create(ci, $"E(VQE)           {v.Energy,18:F10} Eh{error}   ({backend}, {v.Qubits} qubits, {v.PauliTerms} Pauli terms, {v.Iterations} iterations)"));
            if (v.UnmitigatedEnergy is { } u) o.WriteLine(string.Create(ci, $"E(VQE) raw       {u,18:F10} Eh   (before error mitigation)"));
            if (v.Shots is { } shots) o.WriteLine(string.Create(ci, $"shots            {shots} per energy, {v.MeasurementGroups} measurement groups"));
        }
        o.WriteLine(string.Create(ci, $"time             {r.Seconds:F3} s"));
        _ = q;
    }
}
