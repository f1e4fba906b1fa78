using System.CommandLine;
using System.Globalization;
using MolForge.Application.QuantumChemistry;
using MolForge.Application.QuantumScoring;
using MolForge.Cli.Infrastructure;
using MolForge.Quantum.Backends;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Qasm;
using MolForge.Quantum.Simulation;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge qasm INPUT [qchem options] [--measure] [-o OUT]`: RHF → active space (default (2,2)) → VQE on the
/// exact state-vector backend, then the OpenQASM 3 of the prepared circuit (HF reference + ansatz under --mapping)
/// with the optimised parameters bound. A comment after the header records the settings and E_VQE.</summary>
internal sealed class QasmVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var q = new QchemInputOptions();
        var measure = new Option<bool>("--measure") { Description = "Measure every qubit at the end (into bit[n] c)." };
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default: standard output)." };
        var command = new Command("qasm", "Run VQE (state vector) for one molecule and print the OpenQASM 3 of the prepared circuit with the optimised parameters.");
        q.AddTo(command);
        command.Options.Add(measure);
        command.Options.Add(output);
        command.SetAction(r =>
        {
            var mapping = q.MappingOf(r);
            var ansatz = q.AnsatzOf(r);
            var result = QchemInputOptions.Run(q.Request(r, io, QChemMethod.Rhf, defaultActive: (2, 2)));
            QchemInputOptions.WarnIfNotConverged(io, result);
            var a = result.ActiveSpace!;
            var energies = a.OrbitalEnergies ?? result.Scf.OrbitalEnergies.AsSpan(a.FirstActiveOrbital, a.OrbitalCount).ToArray();
            var problem = new ActiveSpaceProblem(a.OrbitalCount, a.ElectronCount, a.CoreEnergy, a.OneElectron, a.TwoElectron, energies);
            var options = new VqeScoringOptions(Mapping: mapping, Ansatz: ansatz);
            Circuit circuit;
            double[] parameters;
            double energy;
            try
            {
                var prepared = VqeCircuitBuilder.Prepare(problem, options);
                StateVector.EnsureFits(prepared.Hamiltonian.QubitCount);
                if (prepared.IsAdaptive)
                {
                    var adapt = VqeCircuitBuilder.Adapt(prepared, new StateVectorBackend(), options);
                    (circuit, parameters, energy) = (adapt.Circuit, adapt.Parameters, adapt.Energy);
                }
                else
                {
                    var score = new VqeScoringService().Score(problem, options);
                    (circuit, parameters, energy) = (prepared.Circuit, score.Parameters, score.Energy);
                }
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                throw new CliUsageException(ex.Message, ex);
            }
            var text = QasmExporter.Export(circuit, parameters, r.GetValue(measure));
            var header = text.IndexOf('\n', StringComparison.Ordinal) + 1;
            var comment = string.Create(CultureInfo.InvariantCulture,
                $"// molforge qasm: {result.Scf.Basis.Name}, active space ({a.ElectronCount},{a.OrbitalCount}), {mapping}, {ansatz}, {parameters.Length} parameters, E_VQE = {energy:R} hartree (E_HF = {result.Scf.Energy:R})\n");
            text = text[..header] + comment + text[header..];
            var target = io.OpenOutput(r.GetValue(output));
            try
            {
                target.Write(text);
            }
            finally
            {
                if (!ReferenceEquals(target, io.Out)) target.Dispose();
                else target.Flush();
            }
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"e_vqe {energy:F10} Eh, {circuit.QubitCount} qubits, {circuit.Gates.Count} gates"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
