using System.CommandLine;
using System.Globalization;
using MolForge.Cli.Infrastructure;
using MolForge.Quantum.Simulation;
using MolForge.Quantum.Simulation.Kernels;

namespace MolForge.Cli.Verbs.Bench;

/// <summary>
/// `molforge bench statevector --qubits N [--json]`: time of one random single-qubit gate on an N-qubit state
/// (average over all targets), as GB/s of amplitudes read and written, beside the copy bandwidth measured in the
/// same run.
/// </summary>
internal sealed class StateVectorBenchmark : IBenchmark
{
    public Command Build(CliIO io)
    {
        var qubits = new Option<int>("--qubits") { Description = "Register size (as memory allows: 16·2^N bytes).", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var seconds = new Option<double>("--seconds") { Description = "Minimum time per measured part.", DefaultValueFactory = _ => 1.0 };
        var scalar = new Option<bool>("--scalar") { Description = "Force the scalar kernel (no AVX2)." };
        var single = new Option<bool>("--single-thread") { Description = "Run the kernels on one thread." };
        var command = new Command("statevector", "Time random single-qubit gates on an N-qubit state vector against the copy bandwidth.");
        foreach (var o in new Option[] { qubits, json, seconds, scalar, single }) command.Options.Add(o);
        command.SetAction(r =>
        {
            int n = r.GetValue(qubits);
            if (n < 1 || n > 62) throw new CliUsageException($"--qubits {n}: a register has 1..62 qubits.");
            double min = r.GetValue(seconds);
            if (!(min > 0) || !double.IsFinite(min)) throw new CliUsageException("--seconds must be a positive number.");
            GateThroughputResult res;
            try
            {
                res = GateThroughput.Measure(n, min, 1, new KernelSettings(!r.GetValue(scalar), !r.GetValue(single)));
            }
            catch (StateTooLargeException e)
            {
                throw new CliUsageException(e.Message);
            }
            var ci = CultureInfo.InvariantCulture;
            if (r.GetValue(json))
                io.Out.WriteLine(string.Create(ci,
                    $"{{\"qubits\": {res.Qubits}, \"seconds_per_gate\": {res.SecondsPerGate:R}, \"gates\": {res.Gates}, " +
                    $"\"gate_gb_per_s\": {res.GateGBPerSecond:F3}, \"copy_gb_per_s\": {res.CopyGBPerSecond:F3}, " +
                    $"\"fraction_of_copy\": {res.FractionOfCopy:F3}, \"threads\": {res.Threads}, \"simd\": {(res.Simd ? "true" : "false")}}}"));
            else
                io.Out.WriteLine(string.Create(ci,
                    $"{res.Qubits} qubits: {res.SecondsPerGate * 1e3:F3} ms/gate over {res.Gates} gates, {res.GateGBPerSecond:F2} GB/s " +
                    $"(copy {res.CopyGBPerSecond:F2} GB/s, {res.FractionOfCopy:P0}), {res.Threads} block(s), {(res.Simd ? "AVX2" : "scalar")}"));
            return ExitCodes.Ok;
        });
        return command;
    }
}
