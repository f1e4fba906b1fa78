using System.Text.Json;
using MolForge.Application.Design;
using MolForge.Application.Hardware;
using MolForge.Application.Scoring;
using MolForge.Application.Tests.Scoring;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Operators;
using Xunit.Abstractions;

namespace MolForge.Application.Tests.Hardware;

public sealed class IonQBackendTests(ITestOutputHelper output)
{
    private static IonQOptions Options(FakeIonQServer server, string key = "test-key") => new()
    {
        ApiKey = key, Endpoint = server.Endpoint, PollInterval = TimeSpan.FromMilliseconds(5), JobTimeout = TimeSpan.FromSeconds(20),
    };

    [Fact]
    public async Task Submit_poll_through_queued_and_running_then_read_the_recorded_probabilities()
    {
        using var server = new FakeIonQServer { FixedProbabilities = "probabilities_x0.json" };
        using var client = new IonQClient(Options(server));
        var circuit = new Circuit(2).X(0);
        var qasm = Quantum.Qasm.QasmExporter.Export(circuit, [], measure: true);
        var p = await client.RunAsync(qasm, 1000, "test");
        Assert.Equal(0.98, p[1]);
        Assert.Equal(0.02, p[3]);
        var requests = server.Requests.ToArray();
        // POST, three status polls (submitted, running, completed), the results
        Assert.Equal(["POST /v0.4/jobs", "GET /v0.4/jobs/00000001-0a9b-4f73-ad2f-63983b6aa4a8", "GET /v0.4/jobs/00000001-0a9b-4f73-ad2f-63983b6aa4a8",
            "GET /v0.4/jobs/00000001-0a9b-4f73-ad2f-63983b6aa4a8", "GET /v0.4/jobs/00000001-0a9b-4f73-ad2f-63983b6aa4a8/results/probabilities"], requests);
        using var body = JsonDocument.Parse(server.SubmittedBodies.Single());
        Assert.Equal("ionq.qasm3.v1", body.RootElement.GetProperty("type").GetString());
        Assert.Equal("simulator", body.RootElement.GetProperty("backend").GetString());
        Assert.Equal(1000, body.RootElement.GetProperty("shots").GetInt32());
        Assert.StartsWith("OPENQASM 3.0;", body.RootElement.GetProperty("input").GetProperty("data").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Counts_are_read_with_qubit_zero_as_the_least_significant_bit()
    {
        // X on qubit 0 recorded as state "1" (98 %) and "3" (2 %, qubit 1 flipped): ⟨Z0⟩ = −1, ⟨Z1⟩ = 0.96
        using var server = new FakeIonQServer { FixedProbabilities = "probabilities_x0.json", PollsBeforeCompletion = 0 };
        using var client = new IonQClient(Options(server));
        var backend = new IonQBackend(client, 1000);
        var circuit = new Circuit(2).X(0);
        Assert.Equal(-1, backend.Expectation(circuit, [], new QubitOperator(PauliString.Parse("Z0"), 1)), 12);
        Assert.Equal(0.96, backend.Expectation(circuit, [], new QubitOperator(PauliString.Parse("Z1"), 1)), 12);
        Assert.Equal(2000, backend.ShotsSpent);
    }

    [Fact]
    public void Hardware_vqe_energy_from_device_counts_matches_the_exact_energy()
    {
        var ints = TestIntegrals.H2();
        using var server = new FakeIonQServer();
        var engine = new StateVectorVqeEngine(new VqeEngineOptions { Hardware = Options(server) });
        var o = engine.Run(ints.Integrals, ints.OrbitalEnergies, new ScoringSettings(Backend: "hardware", Shots: 20_000), CancellationToken.None);
        output.WriteLine($"hardware (loopback ideal simulator): {o.Energy:F6} ± {o.StandardError:F6}, CASCI {ints.Exact:F6}, {o.MeasurementGroups} groups = {server.SubmittedBodies.Count} jobs; {o.Optimizer}");
        Assert.Equal(o.MeasurementGroups, server.SubmittedBodies.Count);
        Assert.True(o.StandardError > 0);
        // an ideal device: only the rounding of probabilities to whole counts separates the estimate from exact
        Assert.True(Math.Abs(o.Energy - ints.Exact) < 3 * o.StandardError!.Value + 1e-3, $"{o.Energy} vs {ints.Exact}");
        Assert.NotEmpty(o.Convergence);
        Assert.Equal(20_000, o.Shots);
    }

    [Fact]
    public void Device_refinement_runs_the_noisy_optimiser_on_the_device_within_the_budget()
    {
        var ints = TestIntegrals.H2();
        using var server = new FakeIonQServer { PollsBeforeCompletion = 0 };
        var options = Options(server) with { DeviceOptimizerEvaluations = 20, ShotBudget = 200_000 };
        var engine = new StateVectorVqeEngine(new VqeEngineOptions { Hardware = options, Optimizer = Quantum.Variational.NoisyOptimizerMethod.NelderMead });
        var o = engine.Run(ints.Integrals, ints.OrbitalEnergies, new ScoringSettings(Backend: "hardware", Shots: 10_000), CancellationToken.None);
        output.WriteLine($"{o.Optimizer}: {o.Energy:F6} ± {o.StandardError:F6}, {server.SubmittedBodies.Count} jobs, trace of {o.Convergence.Count}");
        Assert.Contains("nelder-mead (device)", o.Optimizer, StringComparison.Ordinal);
        // 20 device evaluations and the final energy, one job per measurement group each
        Assert.Equal(21 * o.MeasurementGroups, server.SubmittedBodies.Count);
        Assert.True(Math.Abs(o.Energy - ints.Exact) < 3 * o.StandardError!.Value + 2e-3, $"{o.Energy} vs {ints.Exact}");
        // the budget covers the device optimisation (20 × 1000 shots) and the final energy (10000) together
        Assert.Throws<HardwareJobException>(() => new StateVectorVqeEngine(new VqeEngineOptions { Hardware = options with { ShotBudget = 25_000 } })
            .Run(ints.Integrals, ints.OrbitalEnergies, new ScoringSettings(Backend: "hardware", Shots: 10_000), CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_key_is_a_clear_error()
    {
        using var server = new FakeIonQServer();
        using var client = new IonQClient(Options(server, key: "wrong"));
        var ex = await Assert.ThrowsAsync<HardwareJobException>(() => client.RunAsync("OPENQASM 3.0;", 10, "t"));
        Assert.Contains("API key was refused (HTTP 401: Invalid key provided.", ex.Message, StringComparison.Ordinal);
        Assert.Contains(IonQOptions.ApiKeyVariable, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_job_reports_the_providers_reason()
    {
        using var server = new FakeIonQServer { FailJobs = true };
        using var client = new IonQClient(Options(server));
        var ex = await Assert.ThrowsAsync<HardwareJobException>(() => client.RunAsync("OPENQASM 3.0;", 10, "t"));
        Assert.Equal("IonQ: job 00000001-0a9b-4f73-ad2f-63983b6aa4a8 failed: Unsupported OpenQASM construct: gate 'foo' is not defined (CompilationError)", ex.Message);
    }

    [Fact]
    public async Task A_job_that_never_finishes_times_out_and_is_cancelled()
    {
        using var server = new FakeIonQServer { NeverComplete = true };
        using var client = new IonQClient(Options(server) with { JobTimeout = TimeSpan.FromMilliseconds(100) });
        var ex = await Assert.ThrowsAsync<HardwareJobException>(() => client.RunAsync("OPENQASM 3.0;", 10, "t"));
        Assert.Contains("still 'running' after", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Cancelled);
    }

    [Fact]
    public async Task Cancellation_stops_polling_and_cancels_the_job()
    {
        using var server = new FakeIonQServer { NeverComplete = true };
        using var client = new IonQClient(Options(server));
        using var cts = new CancellationTokenSource();
        var run = client.RunAsync("OPENQASM 3.0;", 10, "t", cts.Token);
        await server.FirstStatusPoll.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, server.Cancelled);
    }

    [Fact]
    public async Task A_cancellation_during_submission_cancels_the_job_the_provider_created()
    {
        using var server = new FakeIonQServer { NeverComplete = true };
        using var client = new IonQClient(Options(server));
        using var cts = new CancellationTokenSource();
        // The provider answers after the caller has given up: the job exists, and must not be left queued.
        server.BeforeSubmitResponse = () => cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.RunAsync("OPENQASM 3.0;", 10, "t", cts.Token));
        Assert.Equal(1, server.Cancelled);
        Assert.False(server.FirstStatusPoll.Task.IsCompleted); // no polling after the cancel
    }

    [Fact]
    public void The_shot_budget_is_enforced()
    {
        using var server = new FakeIonQServer { PollsBeforeCompletion = 0 };
        using var client = new IonQClient(Options(server) with { ShotBudget = 1500 });
        var backend = new IonQBackend(client, 1000);
        var z = new QubitOperator(PauliString.Parse("Z0"), 1);
        backend.Expectation(new Circuit(1), [], z);
        var ex = Assert.Throws<HardwareJobException>(() => backend.Expectation(new Circuit(1), [], z));
        Assert.Contains("shot budget exhausted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_key_the_backend_is_not_configured_and_says_how_to_configure_it()
    {
        var ints = TestIntegrals.H2();
        var engine = new StateVectorVqeEngine(new VqeEngineOptions { Hardware = new IonQOptions() });
        var ex = Assert.Throws<HardwareNotConfiguredException>(() => engine.Run(ints.Integrals, ints.OrbitalEnergies, new ScoringSettings(Backend: "hardware"), CancellationToken.None));
        Assert.StartsWith("hardware backend not configured: set MOLFORGE_IONQ_API_KEY", ex.Message, StringComparison.Ordinal);
        Assert.Throws<HardwareNotConfiguredException>(() => new IonQClient(new IonQOptions { ApiKey = " " }));
    }
}
