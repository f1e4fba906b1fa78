using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MolForge.Quantum.Circuits;
using MolForge.Quantum.Qasm;
using MolForge.Quantum.Simulation;

namespace MolForge.Application.Tests.Hardware;

/// <summary>
/// A loopback stand-in for IonQ's v0.4 API (127.0.0.1, random port), answering with the recorded responses in
/// Recorded/ (written from the documented formats). Each job walks submitted → running → completed (or the
/// configured failure); results are the recorded probabilities when <see cref="FixedProbabilities"/> is set, else the
/// exact distribution of the submitted OpenQASM (parsed and simulated by our own code, as an ideal simulator would).
/// </summary>
internal sealed class FakeIonQServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, (int Polls, string Qasm, int Shots)> _jobs = new();
    private int _next;

    public FakeIonQServer()
    {
        int port = FreePort();
        Prefix = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Prefix);
        _listener.Start();
        _loop = Task.Run(Loop);
    }

    public string Prefix { get; }

    public Uri Endpoint => new(Prefix + "v0.4");

    public string ApiKey { get; init; } = "test-key";

    /// <summary>Status polls answered "submitted" then "running" before "completed".</summary>
    public int PollsBeforeCompletion { get; init; } = 2;

    /// <summary>When true, every job ends "failed" (job_failed.json).</summary>
    public bool FailJobs { get; init; }

    /// <summary>When true, jobs never leave "running".</summary>
    public bool NeverComplete { get; init; }

    /// <summary>A recorded probabilities file to return instead of simulating.</summary>
    public string? FixedProbabilities { get; init; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<string> SubmittedBodies { get; } = new();

    public int Cancelled;

    /// <summary>Called after a job is created and before the creation is answered.</summary>
    public Action? BeforeSubmitResponse { get; set; }

    /// <summary>Completed when the first status poll of any job arrives (the job exists on the "provider").</summary>
    public TaskCompletionSource FirstStatusPoll { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    internal static string Recorded(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hardware", "Recorded", name));

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                Handle(ctx);
            }
            catch (Exception ex)
            {
                Respond(ctx, 500, JsonSerializer.Serialize(new { error = "fake server", message = ex.Message }));
            }
        }
    }

    private void Handle(HttpListenerContext ctx)
    {
        var req = ctx.Request;
        string path = req.Url!.AbsolutePath;
        Requests.Enqueue($"{req.HttpMethod} {path}");
        if (req.Headers["Authorization"] != "apiKey " + ApiKey)
        {
            Respond(ctx, 401, Recorded("error_401.json"));
            return;
        }
        if (req.HttpMethod == "POST" && path == "/v0.4/jobs")
        {
            using var reader = new StreamReader(req.InputStream, Encoding.UTF8);
            var body = reader.ReadToEnd();
            SubmittedBodies.Enqueue(body);
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.GetProperty("type").GetString() != "ionq.qasm3.v1") { Respond(ctx, 400, "{\"error\":\"Bad Request\",\"message\":\"unknown type\"}"); return; }
            var id = $"0000{Interlocked.Increment(ref _next):D4}-0a9b-4f73-ad2f-63983b6aa4a8";
            _jobs[id] = (0, root.GetProperty("input").GetProperty("data").GetString()!, root.GetProperty("shots").GetInt32());
            BeforeSubmitResponse?.Invoke();
            Respond(ctx, 200, Recorded("create_job.json").Replace("{{ID}}", id, StringComparison.Ordinal));
            return;
        }
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries); // v0.4 jobs ID [results probabilities | status cancel]
        if (parts.Length >= 3 && parts[0] == "v0.4" && parts[1] == "jobs" && _jobs.TryGetValue(parts[2], out var job))
        {
            string id = parts[2];
            if (req.HttpMethod == "GET" && parts.Length == 3)
            {
                _jobs[id] = job with { Polls = job.Polls + 1 };
                FirstStatusPoll.TrySetResult();
                string file = FailJobs ? "job_failed.json"
                    : NeverComplete || job.Polls < PollsBeforeCompletion ? (job.Polls == 0 ? "job_submitted.json" : "job_running.json")
                    : "job_completed.json";
                Respond(ctx, 200, Recorded(file).Replace("{{ID}}", id, StringComparison.Ordinal));
                return;
            }
            if (req.HttpMethod == "GET" && parts.Length == 5 && parts[3] == "results" && parts[4] == "probabilities")
            {
                Respond(ctx, 200, FixedProbabilities is { } f ? Recorded(f) : Simulate(job.Qasm));
                return;
            }
            if (req.HttpMethod == "PUT" && parts.Length == 5 && parts[3] == "status" && parts[4] == "cancel")
            {
                Interlocked.Increment(ref Cancelled);
                Respond(ctx, 200, $"{{\"id\":\"{id}\",\"status\":\"canceled\"}}");
                return;
            }
        }
        Respond(ctx, 404, "{\"error\":\"Not Found\",\"message\":\"no such job\"}");
    }

    private static string Simulate(string qasm)
    {
        var program = QasmParser.Parse(qasm);
        var psi = new StateVector(program.Circuit.QubitCount);
        CircuitSimulator.Run(program.Circuit, ReadOnlySpan<double>.Empty, psi);
        var sb = new StringBuilder("{");
        var a = psi.Amplitudes;
        bool first = true;
        for (int b = 0; b < a.Length; b++)
        {
            double p = a[b].Real * a[b].Real + a[b].Imaginary * a[b].Imaginary;
            if (p < 1e-12) continue;
            if (!first) sb.Append(',');
            first = false;
            sb.Append(CultureInfo.InvariantCulture, $"\"{b}\":{p.ToString("R", CultureInfo.InvariantCulture)}");
        }
        return sb.Append('}').ToString();
    }

    private static void Respond(HttpListenerContext ctx, int status, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.ContentLength64 = bytes.Length;
        ctx.Response.OutputStream.Write(bytes);
        ctx.Response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
