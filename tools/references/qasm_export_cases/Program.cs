// Writes the OpenQASM 3 that MolForge's exporter emits for UCCSD and HEA circuits of H2 and LiH (Jordan–Wigner), with
// the bound parameters (UCCSD: the VQE optimum, and seeded random angles in [-1, 1]; HEA: seeded random angles), and
// cases.tsv listing them. Arguments: the directory of the reference FCIDUMPs, the output directory.
// Run by tools/references/make_qasm_references.sh.
using System.Globalization;
using MolForge.Quantum.Ansatz;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Chemistry;
using MolForge.Quantum.Qasm;
using MolForge.Quantum.Variational;

var refs = args[0];
var outDir = args[1];
Directory.CreateDirectory(outDir);
var tsv = new List<string> { "case\tfcidump\tmapping\tansatz\tlayers\tparameters" };
foreach (var (name, fcidump, ansatz, layers) in new[]
{
    ("h2_uccsd", "h2_2e2o.fcidump", "uccsd", 0), ("lih_2e2o_uccsd", "lih_2e2o.fcidump", "uccsd", 0),
    ("lih_4e4o_uccsd", "lih_4e4o.fcidump", "uccsd", 0), ("h2_uccsd_random", "h2_2e2o.fcidump", "uccsd-random", 0),
    ("lih_4e4o_uccsd_random", "lih_4e4o.fcidump", "uccsd-random", 0), ("h2_hea", "h2_2e2o.fcidump", "hea", 2), ("lih_4e4o_hea", "lih_4e4o.fcidump", "hea", 2),
})
{
    var ints = Fcidump.ReadFile(Path.Combine(refs, fcidump));
    var h = MolecularHamiltonian.Build(ints, "jordan-wigner");
    MolForge.Quantum.Circuits.Circuit c;
    double[] x;
    if (ansatz == "uccsd-random")
    {
        c = UccsdAnsatz.Build(h.Mapping, ints.ElectronCount).Circuit;
        var rng = new Random(7);
        x = Enumerable.Range(0, c.ParameterCount).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
    }
    else if (ansatz == "uccsd")
    {
        var a = UccsdAnsatz.Build(h.Mapping, ints.ElectronCount);
        c = a.Circuit;
        x = Vqe.Minimize(new StateVectorBackend(), c, h.Operator, UccsdAnsatz.InitialAmplitudes(a.Excitations, ints, ints.OrbitalEnergies)).Parameters;
    }
    else
    {
        c = HardwareEfficientAnsatz.Build(h.QubitCount, layers, h.HartreeFockState);
        var rng = new Random(2024);
        x = Enumerable.Range(0, c.ParameterCount).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
    }
    File.WriteAllText(Path.Combine(outDir, name + ".qasm"), QasmExporter.Export(c, x));
    tsv.Add(string.Join('\t', name, fcidump, "jordan-wigner", ansatz, layers.ToString(CultureInfo.InvariantCulture),
        string.Join(',', x.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
}
File.WriteAllLines(Path.Combine(outDir, "cases.tsv"), tsv);
