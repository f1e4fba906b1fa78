using System.CommandLine;
using System.Globalization;
using MolForge.Application.QuantumChemistry;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs.Bench;

/// <summary>`molforge bench mp2 INPUT --basis B [--frozen-core N] [--repeat N] [--json]`: wall time of the MP2 step
/// (after RHF) on a geometry.</summary>
internal sealed class Mp2Benchmark : IBenchmark
{
    public Command Build(CliIO io)
    {
        var input = new Argument<string>("input") { Description = "An .xyz or .sdf file." };
        var basis = new Option<string>("--basis") { Description = "Basis set.", DefaultValueFactory = _ => "6-31g*" };
        var charge = new Option<int?>("--charge") { Description = "Total charge." };
        var frozen = new Option<int>("--frozen-core") { Description = "Frozen core orbitals.", DefaultValueFactory = _ => 0 };
        var repeat = new Option<int>("--repeat") { Description = "Runs (the best is reported).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("mp2", "Time conventional RHF-MP2 on one geometry (the MP2 step after the SCF).");
        command.Arguments.Add(input);
        foreach (var o in new Option[] { basis, charge, frozen, repeat, json }) command.Options.Add(o);
        command.SetAction(r =>
        {
            var request = new QuantumChemistryRequest
            {
                Input = r.GetValue(input)!, Basis = r.GetValue(basis)!, Charge = r.GetValue(charge), Method = QChemMethod.Mp2, FrozenCore = r.GetValue(frozen),
            };
            double best = double.MaxValue, scf = 0;
            QuantumChemistryResult? last = null;
            for (var i = 0; i < Math.Max(1, r.GetValue(repeat)); i++)
            {
                try { last = new QuantumChemistryService().Run(request); }
                catch (Exception ex) when (ex is MolForge.QChem.QChemInputException or NotSupportedException) { throw new CliUsageException(ex.Message, ex); }
                if (last.Mp2Seconds < best)
                {
                    best = last.Mp2Seconds;
                    scf = last.Seconds - last.Mp2Seconds;
                }
            }
            var s = last!.Scf;
            var m = last.Mp2!;
            var ci = CultureInfo.InvariantCulture;
            io.Out.WriteLine(r.GetValue(json)
                ? string.Create(ci, $"{{\"basis\": \"{s.Basis.Name}\", \"n_basis\": {s.BasisFunctionCount}, \"n_occupied\": {m.ActiveOccupied}, \"n_virtual\": {m.Virtuals}, \"frozen_core\": {m.FrozenCore}, \"e_hf\": {s.Energy:R}, \"e_mp2_correlation\": {m.CorrelationEnergy:R}, \"integral_passes\": {m.IntegralPasses}, \"seconds\": {best:F4}, \"scf_seconds\": {scf:F4}, \"threads\": {Environment.ProcessorCount}}}")
                : string.Create(ci, $"MP2/{s.Basis.Name}: {s.BasisFunctionCount} functions, o = {m.ActiveOccupied}, v = {m.Virtuals}, E(2) = {m.CorrelationEnergy:F10}, {best:F3} s (SCF and input {scf:F3} s)"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
