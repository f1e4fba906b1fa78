using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MolForge.Cli.Infrastructure;

namespace MolForge.Cli.Tests.Screening;

/// <summary>Runs the CLI in-process (CliApp) or as a real child process (the built molforge.dll).</summary>
internal static class CliRunner
{
    /// <summary>Water at its STO-3G-like geometry (Å), the small molecule of the quantum-chemistry verb tests.</summary>
    public const string WaterXyz = "3\nwater\nO 0.000000 0.000000 0.117300\nH 0.000000 0.757200 -0.469200\nH 0.000000 -0.757200 -0.469200\n";

    public static Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => RunAsync("", args);

    /// <summary>Runs the CLI in-process with <paramref name="stdin"/> as standard input.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string stdin, string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(args, new StringReader(stdin), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts <c>dotnet molforge.dll ARGS</c>; output is drained into <paramref name="log"/>.</summary>
    public static Process Start(StringBuilder log, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "molforge.dll");
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start molforge");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary><c>jobs show NAME --json</c> read in-process (the database is shared with the child).</summary>
    public static async Task<JobJson> ShowAsync(string db, string name)
    {
        var (code, stdout, stderr) = await RunAsync("jobs", "show", name, "--db", db, "--json");
        if (code != 0) return new JobJson(name, "missing", 0, 0, 0);
        using var doc = JsonDocument.Parse(stdout);
        var r = doc.RootElement;
        _ = stderr;
        return new JobJson(r.GetProperty("name").GetString()!, r.GetProperty("status").GetString()!,
            r.GetProperty("total").GetInt32(), r.GetProperty("done").GetInt32(), r.GetProperty("failed").GetInt32());
    }

    /// <summary>Polls until <paramref name="until"/> holds or the timeout passes.</summary>
    public static async Task<JobJson> WaitAsync(string db, string name, Func<JobJson, bool> until, TimeSpan timeout, Process? mustStayAlive = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await ShowAsync(db, name);
            if (until(job)) return job;
            if (clock.Elapsed > timeout) throw new TimeoutException($"job {name} did not reach the expected state in {timeout}: {job}");
            if (mustStayAlive is { HasExited: true }) throw new InvalidOperationException($"molforge exited early with code {mustStayAlive.ExitCode}: {job}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL (Process.Kill on Unix) and wait for the exit.</summary>
    public static void KillHard(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(30_000);
    }
}

internal sealed record JobJson(string Name, string Status, int Total, int Done, int Failed);
