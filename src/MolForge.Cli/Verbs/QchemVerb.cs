using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MolForge.Application.QuantumChemistry;
using MolForge.Cli.Infrastructure;
using MolForge.QChem;
using MolForge.QChem.IO;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge qchem INPUT --charge Q --basis B --method rhf|casci|vqe [--active NE,NO] [--json]`.</summary>
internal sealed class QchemVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var q = new QchemInputOptions(); // input, charge, basis, active, from, SCF limits, mapping, ansatz (shared with export-hamiltonian, qasm)
        var method = new Option<string>("--method") { Description = "rhf, casci or vqe.", DefaultValueFactory = _ => "rhf" };
        method.AcceptOnlyFromAmong("rhf", "casci", "vqe");
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var molden = new Option<string?>("--molden") { Description = "Also write the orbitals as a Molden file." };
        var fcidump = new Option<string?>("--fcidump") { Description = "Also write the active-space integrals as FCIDUMP (needs --active or casci)." };
        var backend = new Option<string?>("--backend") { Description = "VQE backend: statevector, shots, noisy, hardware." };
        var shots = new Option<int?>("--shots") { Description = "VQE shots." };
        var command = new Command("qchem", "Hartree–Fock, active space and CASCI for one molecule.");
        q.AddTo(command);
        foreach (var o in new Option[] { method, json, molden, fcidump, backend, shots })
            command.Options.Add(o);
        command.SetAction(r =>
        {
            var m = r.GetValue(method) switch { "casci" => QChemMethod.Casci, "vqe" => QChemMethod.Vqe, _ => QChemMethod.Rhf };
            var request = q.Request(r, io, m, m == QChemMethod.Vqe ? VqeSettings(r.GetValue(backend), r.GetValue(q.Mapping), r.GetValue(q.Ansatz), r.GetValue(shots)) : null);
            if (r.GetValue(fcidump) is not null && request.Active is null && m != QChemMethod.Casci)
                throw new CliUsageException("--fcidump needs an active space (--active NE,NO)");
            QuantumChemistryResult result;
            try
            {
                result = new QuantumChemistryService().Run(request);
            }
            catch (QChemInputException ex)
            {
                throw new CliUsageException(ex.Message, ex);
            }
            catch (NotSupportedException ex)
            {
                throw new CliUsageException(ex.Message, ex);
            }
            if (r.GetValue(molden) is { } moldenPath)
                using (var w = io.OpenOutput(moldenPath)) MoldenWriter.Write(w, result.Scf, result.Title);
            if (r.GetValue(fcidump) is { } fciPath && result.ActiveSpace is { } ints)
                using (var w = io.OpenOutput(fciPath)) FcidumpWriter.Write(w, ints);
            if (!result.Scf.Converged)
                io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warning: SCF did not converge in {result.Scf.Iterations} iterations; last energy {result.Scf.Energy:F10}"));
            if (result.CasciConverged == false) io.Error.WriteLine("warning: CASCI (Davidson) did not converge");
            if (r.GetValue(json)) WriteJson(io.Out, result, request);
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

    private static void WriteJson(TextWriter output, QuantumChemistryResult r, QuantumChemistryRequest q)
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
            if (r.ActiveSpace is { } a)
            {
                w.WriteStartArray("active_space");
                w.WriteNumberValue(a.ElectronCount);
                w.WriteNumberValue(a.OrbitalCount);
                w.WriteEndArray();
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
        if (r.ActiveSpace is { } a)
            o.WriteLine(string.Create(ci, $"active space     ({a.ElectronCount},{a.OrbitalCount}), E(core) {a.CoreEnergy:F10} Eh"));
        if (r.CasciEnergy is { } e)
            o.WriteLine(string.Create(ci, $"E(CASCI)         {e,18:F10} Eh   correlation {e - scf.Energy:F10} Eh"));
        o.WriteLine(string.Create(ci, $"time             {r.Seconds:F3} s"));
        _ = q;
    }
}
