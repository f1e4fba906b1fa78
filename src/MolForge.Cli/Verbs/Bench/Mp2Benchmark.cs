using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MolForge.Application.QuantumChemistry;
using MolForge.Cli.Infrastructure;
using MolForge.QChem.Correlation;

namespace MolForge.Cli.Verbs.Bench;

/// <summary>`molforge bench mp2 INPUT --basis B [--frozen-core N] [--repeat N] [--json]`: wall and CPU time of the
/// MP2 step alone (after one RHF) on a geometry; --density adds the MP2 density and natural orbitals.</summary>
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
        var memory = new Option<int>("--memory-mb") { Description = "MP2 memory budget in MiB.", DefaultValueFactory = _ => 2048 };
        var density = new Option<bool>("--density") { Description = "Also build the MP2 density and natural orbitals." };
        var command = new Command("mp2", "Time conventional RHF-MP2 on one geometry (the MP2 step after the SCF).");
        command.Arguments.Add(input);
        foreach (var o in new Option[] { basis, charge, frozen, repeat, json, density, memory }) command.Options.Add(o);
        command.SetAction(r =>
        {
            var request = new QuantumChemistryRequest { Input = r.GetValue(input)!, Basis = r.GetValue(basis)!, Charge = r.GetValue(charge) };
            QuantumChemistryResult rhf;
            try { rhf = new QuantumChemistryService().Run(request); }
            catch (Exception ex) when (ex is MolForge.QChem.QChemInputException or NotSupportedException) { throw new CliUsageException(ex.Message, ex); }
            var options = new Mp2Options { FrozenCore = r.GetValue(frozen), ComputeDensity = r.GetValue(density), MaxMemoryBytes = (long)r.GetValue(memory) << 20 };
            double best = double.MaxValue, bestCpu = double.MaxValue;
            Mp2Result? m = null;
            using var process = Process.GetCurrentProcess();
            for (var i = 0; i < Math.Max(1, r.GetValue(repeat)); i++)
            {
                process.Refresh();
                var cpu0 = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                try { m = Mp2Solver.Run(rhf.Scf, options); }
                catch (MolForge.QChem.QChemInputException ex) { throw new CliUsageException(ex.Message, ex); }
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                process.Refresh();
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu0).TotalSeconds);
            }
            var scf = rhf.Seconds;
            var s = rhf.Scf;
            var mp2 = m!;
            var ci = CultureInfo.InvariantCulture;
            io.Out.WriteLine(r.GetValue(json)
                ? string.Create(ci, $"{{\"basis\": \"{s.Basis.Name}\", \"n_basis\": {s.BasisFunctionCount}, \"n_occupied\": {mp2.ActiveOccupied}, \"n_virtual\": {mp2.Virtuals}, \"frozen_core\": {mp2.FrozenCore}, \"e_hf\": {s.Energy:R}, \"e_mp2_correlation\": {mp2.CorrelationEnergy:R}, \"integral_passes\": {mp2.IntegralPasses}, \"integrals_stored\": {(mp2.IntegralsStored ? "true" : "false")}, \"seconds\": {best:F4}, \"cpu_seconds\": {bestCpu:F4}, \"scf_seconds\": {scf:F4}, \"threads\": {Environment.ProcessorCount}}}")
                : string.Create(ci, $"MP2/{s.Basis.Name}: {s.BasisFunctionCount} functions, o = {mp2.ActiveOccupied}, v = {mp2.Virtuals}, E(2) = {mp2.CorrelationEnergy:F10}, {best:F3} s wall, {bestCpu:F3} s CPU, {mp2.IntegralPasses} pass(es){(mp2.IntegralsStored ? ", integrals stored" : "")} (SCF and input {scf:F3} s)"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
