using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MolForge.Application.QuantumChemistry;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Verbs.Bench;

/// <summary>`molforge bench rhf INPUT --basis B [--repeat N] [--json]`: wall time of RHF on a geometry.</summary>
internal sealed class RhfBenchmark : IBenchmark
{
    public Command Build(CliIO io)
    {
        var input = new Argument<string>("input") { Description = "An .xyz or .sdf file." };
        var basis = new Option<string>("--basis") { Description = "Basis set.", DefaultValueFactory = _ => "6-31g" };
        var charge = new Option<int?>("--charge") { Description = "Total charge." };
        var repeat = new Option<int>("--repeat") { Description = "Runs (the best is reported).", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("rhf", "Time restricted Hartree–Fock on one geometry.");
        command.Arguments.Add(input);
        command.Options.Add(basis);
        command.Options.Add(charge);
        command.Options.Add(repeat);
        command.Options.Add(json);
        command.SetAction(r =>
        {
            var request = new QuantumChemistryRequest { Input = r.GetValue(input)!, Basis = r.GetValue(basis)!, Charge = r.GetValue(charge) };
            var best = double.MaxValue;
            QuantumChemistryResult? last = null;
            for (var i = 0; i < Math.Max(1, r.GetValue(repeat)); i++)
            {
                var clock = Stopwatch.StartNew();
                try { last = new QuantumChemistryService().Run(request); }
                catch (Exception ex) when (ex is MolForge.QChem.QChemInputException or NotSupportedException) { throw new CliUsageException(ex.Message, ex); }
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }
            var s = last!.Scf;
            var ci = CultureInfo.InvariantCulture;
            io.Out.WriteLine(r.GetValue(json)
                ? string.Create(ci, $"{{\"basis\": \"{s.Basis.Name}\", \"n_basis\": {s.BasisFunctionCount}, \"e_hf\": {s.Energy:R}, \"iterations\": {s.Iterations}, \"converged\": {(s.Converged ? "true" : "false")}, \"seconds\": {best:F4}, \"threads\": {Environment.ProcessorCount}}}")
                : string.Create(ci, $"RHF/{s.Basis.Name}: {s.BasisFunctionCount} functions, E = {s.Energy:F10}, {s.Iterations} iterations, {best:F3} s"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
