using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MolForge.Application;
using MolForge.Application.Screening;
using MolForge.Cli.Infrastructure;
using MolForge.Data;
using MolForge.Screening;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge worker [--cluster postgres://...]`: a silo that joins the screening cluster (ADO.NET
/// clustering on PostgreSQL; schema applied at start), picks up running jobs and processes their chunks; results go
/// to the same PostgreSQL database. Runs until interrupted (Ctrl+C / SIGTERM).</summary>
internal sealed class WorkerVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var cluster = new Option<string?>("--cluster") { Description = "Cluster database: postgres://user:pass@host:port/db (also the results database). Default: $MOLFORGE_CLUSTER." };
        var advertise = new Option<string?>("--advertise") { Description = "IP address other workers reach this one at (default 127.0.0.1: workers on one machine)." };
        var port = new Option<int>("--port") { Description = "Silo port (0 = any free port).", DefaultValueFactory = _ => 0 };
        var parallel = new Option<int>("--parallel") { Description = "Molecules scored at once in this worker.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var checkpoint = new Option<int>("--checkpoint-every") { Description = "Write results every N items (1 = after each item).", DefaultValueFactory = _ => 1 };
        var command = new Command("worker", "Run a screening worker (Orleans silo) that joins a PostgreSQL-backed cluster.");
        foreach (var o in new Option[] { cluster, advertise, port, parallel, checkpoint }) command.Options.Add(o);
        command.SetAction(async (r, ct) =>
        {
            var url = r.GetValue(cluster) ?? Environment.GetEnvironmentVariable("MOLFORGE_CLUSTER");
            if (string.IsNullOrWhiteSpace(url)) throw new CliUsageException("--cluster postgres://user:pass@host/db is required (or set MOLFORGE_CLUSTER)");
            var (provider, connection) = ConnectionStrings.Resolve(url);
            if (provider != DatabaseProvider.PostgreSql) throw new CliUsageException("--cluster must be a PostgreSQL database (postgres://… or Host=…)");
            var address = IPAddress.Loopback;
            if (r.GetValue(advertise) is { } a && !IPAddress.TryParse(a, out address!)) throw new CliUsageException($"--advertise: '{a}' is not an IP address");
            var limits = new ScreeningLimits
            {
                MaxConcurrentScoresPerSilo = Math.Max(1, r.GetValue(parallel)),
                CheckpointEvery = Math.Max(1, r.GetValue(checkpoint)),
            };
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Logging.ClearProviders();
            builder.Services.AddMolForgeData(connection);
            builder.Services.AddMolForgeApplication();
            builder.AddMolForgeScreening(new ScreeningClusterOptions { ClusterConnectionString = connection, AdvertisedAddress = address, SiloPort = r.GetValue(port) }, limits);
            using var host = builder.Build();
            await host.Services.GetRequiredService<DatabaseInitializer>().EnsureCreatedAsync(ct).ConfigureAwait(false);
            await host.StartAsync(ct).ConfigureAwait(false);
            io.Error.WriteLine($"worker joined cluster at {Describe(connection)}; waiting for jobs (Ctrl+C to stop)");
            await io.Error.FlushAsync(ct).ConfigureAwait(false);
            // Stop on SIGTERM/SIGINT ourselves: once the silo runs, the parser's own signal handling does not reach us.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopping.Cancel(); });
            using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopping.Cancel(); });
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                // Bounded: a silo that cannot finish a graceful stop must not keep the process alive.
                await Task.WhenAny(host.StopAsync(stop.Token), Task.Delay(TimeSpan.FromSeconds(20), CancellationToken.None)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            io.Error.WriteLine("worker stopped");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(string connection)
    {
        var b = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        return $"{(b.TryGetValue("Host", out var h) ? h : "?")}/{(b.TryGetValue("Database", out var d) ? d : "?")}";
    }
}
