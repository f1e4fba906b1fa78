using System.CommandLine;
using System.Text.Json;
using MolForge.Application.Design;
using MolForge.Application.QuantumChemistry;
using MolForge.Cli.Infrastructure;
using MolForge.QChem.IO;
using MolForge.Quantum.Chemistry;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge export-hamiltonian INPUT [qchem options] --format fcidump|qubit-json [-o OUT]`: the
/// active-space Hamiltonian of one molecule (RHF → active space, default (2,2)) for other quantum tools.
/// <para>fcidump: the integrals in Knowles–Handy FCIDUMP form (what <c>qchem --fcidump</c> writes).</para>
/// <para>qubit-json: the Hamiltonian mapped to qubits under --mapping, one JSON object (schema
/// <c>molforge.qubit-hamiltonian/1</c>):
/// <code>
/// { "schema": "molforge.qubit-hamiltonian/1",
///   "mapping": "jordan-wigner",            // jordan-wigner | parity | bravyi-kitaev
///   "n_qubits": 4,
///   "n_spatial_orbitals": 2, "n_electrons": 2, "n_alpha": 1, "n_beta": 1,
///   "spin_orbital_order": "block",         // modes 0..n-1 are α orbitals, n..2n-1 β (active orbitals by energy)
///   "hf_state": "0101",                    // HF determinant as a bit string, qubit 0 rightmost (q[0] is bit 0)
///   "basis": "sto-3g", "active_space": [2, 2], "active_orbitals": "canonical",   // or "mp2" (MP2 natural orbitals)
///   "e_core": -1.2, "e_hf": -74.96,        // hartree; e_core = nuclear repulsion + frozen core (inside the "I" term)
///   "units": "hartree",
///   "n_terms": 15,
///   "terms": [ { "pauli": "I", "coefficient": -74.1 },
///              { "pauli": "Z0 Z2", "coefficient": 0.17 }, ... ] }
/// </code>
/// A Pauli string lists its non-identity factors as letter + qubit index, space separated ("I" for the identity);
/// H = Σ coefficient · pauli, coefficients real, terms sorted by support, the identity first. ⟨HF|H|HF⟩ = e_hf.</para></summary>
internal sealed class ExportHamiltonianVerb : ICliVerb
{
    /// <summary>Schema name and version written in every qubit-json file.</summary>
    public const string QubitJsonSchema = "molforge.qubit-hamiltonian/1";

    public Command Build(CliIO io)
    {
        var q = new QchemInputOptions();
        var format = new Option<string>("--format") { Description = "fcidump (active-space integrals) or qubit-json (Pauli strings with coefficients under --mapping).", DefaultValueFactory = _ => "fcidump" };
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default: standard output)." };
        var command = new Command("export-hamiltonian", "Write the active-space Hamiltonian of one molecule as FCIDUMP or as a qubit Hamiltonian (JSON).");
        q.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(r =>
        {
            var fmt = r.GetValue(format)!;
            if (fmt is not ("fcidump" or "qubit-json")) throw new CliUsageException($"--format must be fcidump or qubit-json, got '{fmt}'");
            var mapping = q.MappingOf(r);
            var request = q.Request(r, io, QChemMethod.Rhf, defaultActive: (2, 2));
            var result = QchemInputOptions.Run(request);
            QchemInputOptions.WarnIfNotConverged(io, result);
            var ints = result.ActiveSpace!;
            var target = io.OpenOutput(r.GetValue(output));
            try
            {
                if (fmt == "fcidump") FcidumpWriter.Write(target, ints);
                else WriteQubitJson(target, result, mapping);
            }
            finally
            {
                if (!ReferenceEquals(target, io.Out)) target.Dispose();
                else target.Flush();
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteQubitJson(TextWriter output, QuantumChemistryResult result, string mapping)
    {
        var a = result.ActiveSpace!;
        var ints = new ActiveSpaceIntegrals(a.OrbitalCount, a.ElectronCount, a.CoreEnergy, a.OneElectron, a.TwoElectron);
        QubitHamiltonian h;
        try
        {
            h = MolecularHamiltonian.Build(ints, mapping);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException(ex.Message, ex);
        }
        var n = h.QubitCount;
        var hf = h.HartreeFockState;
        var bits = new char[n];
        for (var i = 0; i < n; i++) bits[n - 1 - i] = ((hf >> i) & 1) != 0 ? '1' : '0';
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", QubitJsonSchema);
            w.WriteString("mapping", h.Mapping.Name);
            w.WriteNumber("n_qubits", n);
            w.WriteNumber("n_spatial_orbitals", a.OrbitalCount);
            w.WriteNumber("n_electrons", a.ElectronCount);
            w.WriteNumber("n_alpha", h.AlphaElectrons);
            w.WriteNumber("n_beta", h.BetaElectrons);
            w.WriteString("spin_orbital_order", "block");
            w.WriteString("hf_state", new string(bits));
            w.WriteString("basis", result.Scf.Basis.Name);
            w.WriteStartArray("active_space");
            w.WriteNumberValue(a.ElectronCount);
            w.WriteNumberValue(a.OrbitalCount);
            w.WriteEndArray();
            w.WriteString("active_orbitals", ScoringSettings.OrbitalsName(a.Orbitals));
            w.WriteNumber("e_core", a.CoreEnergy);
            w.WriteNumber("e_hf", result.Scf.Energy);
            w.WriteString("units", "hartree");
            var terms = h.Operator.SortedTerms();
            w.WriteNumber("n_terms", terms.Count);
            w.WriteStartArray("terms");
            foreach (var (pauli, c) in terms)
            {
                w.WriteStartObject();
                w.WriteString("pauli", pauli.ToString());
                w.WriteNumber("coefficient", c.Real);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
