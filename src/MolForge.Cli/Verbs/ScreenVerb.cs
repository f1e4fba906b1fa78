using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MolForge.Application;
using MolForge.Application.Design;
using MolForge.Application.Screening;
using MolForge.Application.Storage;
using MolForge.Cli.Infrastructure;
using MolForge.Cli.Verbs.Screening;
using MolForge.Data;
using MolForge.Screening;

namespace MolForge.Cli.Verbs;

/// <summary>`molforge screen FILE --job NAME`: runs or resumes a durable screening job on an in-process silo
/// (localhost clustering on the SQLite database; with a PostgreSQL --db the silo joins that cluster). Killed at any
/// point and run again with the same command, it finishes with every input line scored exactly once.</summary>
internal sealed class ScreenVerb : ICliVerb
{
    public Command Build(CliIO io)
    {
        var file = new Argument<string>("file") { Description = "Input: SMILES file (SMILES [name] per line), CSV with a smiles column, or SDF with a SMILES field (.gz accepted)." };
        var job = new Option<string>("--job") { Description = "Job name (resumes the job when it exists with the same input and settings).", Required = true };
        var db = new Option<string?>("--db") { Description = "Database: a SQLite file path (default: the user's MolForge database) or postgres://user:pass@host/db." };
        var method = new Option<string>("--method") { Description = "Scoring: rhf, vqe, casci, or huckel (a cheap topological model for dry runs).", DefaultValueFactory = _ => "vqe" };
        var basis = new Option<string>("--basis") { Description = "Basis set: sto-3g, 6-31g, 6-31g*.", DefaultValueFactory = _ => "sto-3g" };
        var active = new Option<string>("--active") { Description = "Active space NE,NO (electrons, spatial orbitals) for vqe/casci.", DefaultValueFactory = _ => "2,2" };
        var orbitals = new Option<string>("--orbitals") { Description = "Orbitals of the active space for vqe/casci: canonical (RHF, around the HOMO/LUMO) or mp2 (MP2 natural orbitals).", DefaultValueFactory = _ => "canonical" };
        var backend = new Option<string>("--backend") { Description = "Quantum backend for vqe: statevector, shots, noisy.", DefaultValueFactory = _ => "statevector" };
        var chunk = new Option<int>("--chunk-size") { Description = "Records per chunk (a new job only).", DefaultValueFactory = _ => new ScreeningLimits().ChunkSize };
        var checkpoint = new Option<int>("--checkpoint-every") { Description = "Write results every N items (1 = after each item).", DefaultValueFactory = _ => 1 };
        var parallel = new Option<int>("--parallel") { Description = "Molecules scored at once in this process.", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var maxRecords = new Option<int>("--max-records") { Description = "Refuse inputs with more records than this.", DefaultValueFactory = _ => new ScreeningLimits().MaxRecords };
        var maxBytes = new Option<long>("--max-bytes") { Description = "Refuse input files larger than this many bytes.", DefaultValueFactory = _ => new ScreeningLimits().MaxInputBytes };
        var detach = new Option<bool>("--detach") { Description = "Only store the job; workers (molforge worker) process it." };
        var command = new Command("screen", "Run or resume a durable bulk screening job; progress on stderr.");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { job, db, method, basis, active, orbitals, backend, chunk, checkpoint, parallel, maxRecords, maxBytes, detach }) command.Options.Add(o);
        command.SetAction((r, ct) =>
        {
            var limits = new ScreeningLimits
            {
                ChunkSize = Positive(r.GetValue(chunk), "--chunk-size"),
                CheckpointEvery = Positive(r.GetValue(checkpoint), "--checkpoint-every"),
                MaxConcurrentScoresPerSilo = Positive(r.GetValue(parallel), "--parallel"),
                MaxRecords = Positive(r.GetValue(maxRecords), "--max-records"),
                MaxInputBytes = Math.Max(1, r.GetValue(maxBytes)),
            };
            var (ne, no) = QchemInputOptions.ParseActive(r.GetValue(active)) ?? throw new CliUsageException("--active expects NE,NO (e.g. 2,2)");
            var scoring = new ScoringSettings(Basis: r.GetValue(basis)!.ToLowerInvariant(), ActiveElectrons: ne, ActiveOrbitals: no,
                Method: r.GetValue(method)!.ToLowerInvariant(), Backend: r.GetValue(backend)!.ToLowerInvariant(), Orbitals: r.GetValue(orbitals)!.Trim().ToLowerInvariant());
            var request = new ScreeningRequest(r.GetValue(job)!, r.GetValue(file)!, scoring);
            return RunAsync(io, request, r.GetValue(db), limits, r.GetValue(detach), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliIO io, ScreeningRequest request, string? db, ScreeningLimits limits, bool detach, CancellationToken ct)
    {
        var (provider, connection) = ConnectionStrings.Resolve(db);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Services.AddMolForgeData(db);
        builder.Services.AddMolForgeApplication();
        builder.AddMolForgeScreening(new ScreeningClusterOptions
        {
            ClusterConnectionString = provider == DatabaseProvider.PostgreSql ? connection : null,
        }, limits);
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<ScreeningJobService>();
        if (!host.Services.GetRequiredService<ScreeningScorerResolver>().IsAvailable(request.Scoring.Method))
            throw new CliUsageException($"method '{request.Scoring.Method}' needs the quantum scoring pipeline, which is not in this build yet; use --method huckel for a dry run");

        ScreeningJob job;
        try
        {
            job = await service.SubmitAsync(request, start: false, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ScreeningInputException or ScreeningJobException)
        {
            throw new CliUsageException(ex.Message, ex);
        }
        if (detach || job.Status != RunStatus.Running)
            return await FinishAsync(io, service, job, ct).ConfigureAwait(false);

        await host.StartAsync(ct).ConfigureAwait(false);
        // On SIGTERM/SIGINT exit at once: the job is durable (exactly what a kill -9 would leave) and resumable.
        void Interrupted(PosixSignalContext c)
        {
            io.Error.WriteLine($"screen {job.Name}: interrupted; run the same command to resume");
            io.Error.Flush();
            Environment.Exit(ExitCodes.Fatal);
        }
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupted);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupted);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await host.Services.GetRequiredService<IScreeningJobDispatcher>().EnsureRunningAsync(job.Id, stopping.Token).ConfigureAwait(false);
            var view = ScreenProgressView.Create(io, job.Name);
            job = await view.RunAsync(p => service.WaitAsync(job.Id, p, TimeSpan.FromMilliseconds(250), stopping.Token), job).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            io.Error.WriteLine($"screen {job.Name}: interrupted; run the same command to resume");
            throw new CliUsageException("interrupted");
        }
        finally
        {
            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                // Bounded: a silo that cannot finish a graceful stop must not keep the process alive.
                await Task.WhenAny(host.StopAsync(stopTimeout.Token), Task.Delay(TimeSpan.FromSeconds(15), CancellationToken.None)).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return await FinishAsync(io, service, job, ct).ConfigureAwait(false);
    }

    private static async Task<int> FinishAsync(CliIO io, ScreeningJobService service, ScreeningJob job, CancellationToken ct)
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"job {job.Name}: {ScreeningCli.StatusName(job.Status)}, {job.Done} done, {job.Failed} invalid or failed, {job.Total} lines");
        switch (job.Status)
        {
            case RunStatus.Running:
                io.Error.WriteLine($"{summary}; queued for workers (molforge worker)");
                return ExitCodes.Ok;
            case RunStatus.Cancelled:
                io.Error.WriteLine($"{summary}; run the same command to resume");
                return ExitCodes.Fatal;
            case RunStatus.Failed:
                io.Error.WriteLine($"{summary}; the job stopped on an error (input changed or unreadable; see the worker log)");
                return ExitCodes.Fatal;
        }
        const int shown = 1000;
        var problems = await service.ListProblemsAsync(job.Id, shown, ct).ConfigureAwait(false);
        foreach (var item in problems) io.Error.WriteLine($"{ScreeningCli.Where(job, item)}: {item.Error}");
        if (job.Failed > shown) io.Error.WriteLine($"... and {job.Failed - shown} more (molforge export --job {job.Name})");
        io.Error.WriteLine(summary);
        return job.Failed > 0 ? ExitCodes.SomeInvalid : ExitCodes.Ok;
    }

    private static int Positive(int value, string option) =>
        value > 0 ? value : throw new CliUsageException($"{option} must be a positive number");
}
