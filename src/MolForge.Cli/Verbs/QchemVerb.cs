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
        var input = new Argument<string>("input") { Description = "An .xyz file (Å), an .sdf with 3D coordinates, '-' (standard input, see --from) or a SMILES string." };
        var charge = new Option<int?>("--charge") { Description = "Total charge (default: from the SDF, else 0)." };
        var basis = new Option<string>("--basis") { Description = "Basis set: sto-3g, 6-31g or 6-31g*.", DefaultValueFactory = _ => "sto-3g" };
        var method = new Option<string>("--method") { Description = "rhf, casci or vqe.", DefaultValueFactory = _ => "rhf" };
        method.AcceptOnlyFromAmong("rhf", "casci", "vqe");
        var active = new Option<string?>("--active") { Description = "Active space NE,NO: NE electrons in NO orbitals around the HOMO/LUMO (default 2,2 for casci)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var from = new Option<string>("--from") { Description = "Format of standard input: xyz or sdf.", DefaultValueFactory = _ => "xyz" };
        var molden = new Option<string?>("--molden") { Description = "Also write the orbitals as a Molden file." };
        var fcidump = new Option<string?>("--fcidump") { Description = "Also write the active-space integrals as FCIDUMP (needs --active or casci)." };
        var maxBasis = new Option<int>("--max-basis-functions") { Description = "Refuse larger basis sets.", DefaultValueFactory = _ => 600 };
        var maxIter = new Option<int>("--max-iterations") { Description = "SCF iteration limit.", DefaultValueFactory = _ => 100 };
        var backend = new Option<string?>("--backend") { Description = "VQE backend: statevector, shots, noisy, hardware." };
        var shots = new Option<int?>("--shots") { Description = "VQE shots." };
        var mapping = new Option<string?>("--mapping") { Description = "VQE mapping: jordan-wigner, parity, bravyi-kitaev." };
        var ansatz = new Option<string?>("--ansatz") { Description = "VQE ansatz: uccsd, adapt, hea." };
        var command = new Command("qchem", "Hartree–Fock, active space and CASCI for one molecule.");
        command.Arguments.Add(input);
        foreach (var o in new Option[] { charge, basis, method, active, json, from, molden, fcidump, maxBasis, maxIter, backend, shots, mapping, ansatz })
            command.Options.Add(o);
        command.SetAction(r =>
        {
            var m = r.GetValue(method) switch { "casci" => QChemMethod.Casci, "vqe" => QChemMethod.Vqe, _ => QChemMethod.Rhf };
            if (m == QChemMethod.Vqe) throw new CliUsageException(QuantumChemistryService.VqeNotYetSupported);
            var path = r.GetValue(input)!;
            var request = new QuantumChemistryRequest
            {
                Input = path,
                InputText = path == "-" ? io.In.ReadToEnd() : null,
                InputFormat = r.GetValue(from),
                Charge = r.GetValue(charge),
                Basis = r.GetValue(basis)!,
                Method = m,
                Active = ParseActive(r.GetValue(active)),
                Scf = new MolForge.QChem.Scf.ScfOptions { MaxBasisFunctions = r.GetValue(maxBasis), MaxIterations = r.GetValue(maxIter) },
            };
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

    internal static (int, int)? ParseActive(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var p = text.Split(',');
        if (p.Length == 2 && int.TryParse(p[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ne)
            && int.TryParse(p[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var no))
            return (ne, no);
        throw new CliUsageException($"--active expects NE,NO (e.g. 4,4), got '{text}'");
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
