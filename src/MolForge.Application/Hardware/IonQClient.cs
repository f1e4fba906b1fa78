using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MolForge.Application.Hardware;

/// <summary>The state of a job as the provider reports it.</summary>
/// <param name="Id">Job id (UUID).</param>
/// <param name="Status">ready, submitted, running, completed, failed or canceled.</param>
/// <param name="Failure">The provider's reason when failed.</param>
/// <param name="ProbabilitiesUrl">Where the result distribution is, once completed.</param>
public sealed record IonQJobStatus(string Id, string Status, string? Failure, string? ProbabilitiesUrl);

/// <summary>
/// A minimal client of IonQ's Quantum Cloud REST API v0.4 (docs.ionq.com/api-reference/v0.4):
/// <list type="bullet">
/// <item><c>POST {endpoint}/jobs</c> with <c>Authorization: apiKey KEY</c> and
/// <c>{"type": "ionq.qasm3.v1", "name", "backend", "shots", "input": {"data": OPENQASM 3}}</c> (OpenQASM 3 input:
/// docs.ionq.com/api-reference/v0.4/openqasm3) → <c>{"id", "status"}</c>;</item>
/// <item><c>GET {endpoint}/jobs/{id}</c> → <c>{"id", "status": ready|submitted|running|completed|failed|canceled,
/// "failure": {"error", "code"} | null, "results": {"probabilities": {"url": "/v0.4/jobs/{id}/results/probabilities"}}}</c>
/// (docs.ionq.com/api-reference/v0.4/jobs/get-job);</item>
/// <item><c>GET {results url}</c> → <c>{"0": 0.5, "3": 0.5}</c>: probabilities keyed by the decimal measured state,
/// qubit 0 the least significant bit (format ionq.result.probabilities.json.v1,
/// docs.ionq.com/api-reference/v0.4/schemas/results-formats);</item>
/// <item><c>PUT {endpoint}/jobs/{id}/status/cancel</c> to cancel (on timeout or cancellation).</item>
/// </list>
/// Errors (401/403, other HTTP failures, failed or cancelled jobs, timeouts) become <see cref="HardwareJobException"/>
/// with the job and reason named.
/// </summary>
public sealed class IonQClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>A client; <paramref name="http"/> is used as is when given (tests), else one is created.</summary>
    public IonQClient(IonQOptions options, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured) throw new HardwareNotConfiguredException();
        Options = options;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient();
    }

    /// <summary>The options.</summary>
    public IonQOptions Options { get; }

    /// <summary>Jobs submitted so far.</summary>
    public int JobsSubmitted { get; private set; }

    /// <summary>Shots submitted so far (all jobs of this client count against <see cref="IonQOptions.ShotBudget"/>).</summary>
    public long ShotsSubmitted { get; private set; }

    private Uri Api(string relative) => new(Options.Endpoint.AbsoluteUri.TrimEnd('/') + "/" + relative.TrimStart('/'));

    private HttpRequestMessage Request(HttpMethod method, Uri uri, string? json = null)
    {
        var r = new HttpRequestMessage(method, uri);
        r.Headers.Authorization = new AuthenticationHeaderValue("apiKey", Options.ApiKey);
        r.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (json is not null) r.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return r;
    }

    private async Task<JsonDocument> SendAsync(HttpMethod method, Uri uri, string? json, string what, CancellationToken ct)
    {
        using var request = Request(method, uri, json);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HardwareJobException($"IonQ: {what}: cannot reach {uri.GetLeftPart(UriPartial.Authority)}: {ex.Message}", ex);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                throw new HardwareJobException($"IonQ: {what}: the API key was refused (HTTP {(int)response.StatusCode}{Reason(body)}); check {IonQOptions.ApiKeyVariable}");
            if (!response.IsSuccessStatusCode)
                throw new HardwareJobException($"IonQ: {what}: HTTP {(int)response.StatusCode}{Reason(body)}");
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new HardwareJobException($"IonQ: {what}: the response is not JSON ({ex.Message})", ex);
            }
        }
    }

    /// <summary>": message" from an error body {"error": ..., "message": ...} when there is one.</summary>
    private static string Reason(string body)
    {
        try
        {
            using var d = JsonDocument.Parse(body);
            if (d.RootElement.ValueKind == JsonValueKind.Object)
                foreach (var key in new[] { "message", "error" })
                    if (d.RootElement.TryGetProperty(key, out var m) && m.ValueKind == JsonValueKind.String) return ": " + m.GetString();
        }
        catch (JsonException)
        {
        }
        return "";
    }

    /// <summary>Submits an OpenQASM 3 program; returns the job id.</summary>
    public async Task<string> SubmitAsync(string qasm, int shots, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(qasm);
        ArgumentOutOfRangeException.ThrowIfLessThan(shots, 1);
        if (ShotsSubmitted + shots > Options.ShotBudget)
            throw new HardwareJobException($"hardware shot budget exhausted: {ShotsSubmitted} submitted, {shots} more requested, budget {Options.ShotBudget}");
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "ionq.qasm3.v1",
            ["name"] = name,
            ["backend"] = Options.Backend,
            ["shots"] = shots,
            ["input"] = new Dictionary<string, object> { ["data"] = qasm },
        });
        using var doc = await SendAsync(HttpMethod.Post, Api("jobs"), payload, "submitting a job", ct).ConfigureAwait(false);
        JobsSubmitted++;
        ShotsSubmitted += shots;
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            throw new HardwareJobException("IonQ: submitting a job: the response has no job id");
        return id.GetString()!;
    }

    /// <summary>The job's status.</summary>
    public async Task<IonQJobStatus> GetStatusAsync(string id, CancellationToken ct = default)
    {
        using var doc = await SendAsync(HttpMethod.Get, Api("jobs/" + Uri.EscapeDataString(id)), null, $"job {id}", ct).ConfigureAwait(false);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var st) || st.ValueKind != JsonValueKind.String)
            throw new HardwareJobException($"IonQ: job {id}: the response has no status");
        string? failure = null;
        if (root.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.Object)
        {
            var error = f.TryGetProperty("error", out var e) ? e.ToString() : null;
            var code = f.TryGetProperty("code", out var c) ? c.ToString() : null;
            failure = code is null ? error : $"{error} ({code})";
        }
        string? url = null;
        if (root.TryGetProperty("results", out var res) && res.ValueKind == JsonValueKind.Object
            && res.TryGetProperty("probabilities", out var p) && p.ValueKind == JsonValueKind.Object
            && p.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String)
            url = u.GetString();
        return new IonQJobStatus(id, st.GetString()!, failure, url);
    }

    /// <summary>Polls until the job completes (then returns its status) or fails, is cancelled or times out
    /// (then throws <see cref="HardwareJobException"/>; a timed-out or cancelled wait also cancels the job).</summary>
    public async Task<IonQJobStatus> WaitAsync(string id, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + Options.JobTimeout;
        while (true)
        {
            IonQJobStatus s;
            try
            {
                s = await GetStatusAsync(id, ct).ConfigureAwait(false);
                switch (s.Status)
                {
                    case "completed": return s;
                    case "failed": throw new HardwareJobException($"IonQ: job {id} failed: {s.Failure ?? "no reason given"}");
                    case "canceled": throw new HardwareJobException($"IonQ: job {id} was cancelled");
                }
                if (DateTime.UtcNow >= deadline)
                {
                    await TryCancelAsync(id).ConfigureAwait(false);
                    throw new HardwareJobException(string.Create(CultureInfo.InvariantCulture,
                        $"IonQ: job {id} still '{s.Status}' after {Options.JobTimeout.TotalSeconds:F0} s; cancelled it (raise the timeout for busy QPUs)"));
                }
                await Task.Delay(Options.PollInterval, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await TryCancelAsync(id).ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>How long a submission may take before it is given up (it is not cut short by the caller's cancellation).</summary>
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(60);

    private async Task TryCancelAsync(string id)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            using var _ = await SendAsync(HttpMethod.Put, Api("jobs/" + Uri.EscapeDataString(id) + "/status/cancel"), "{}", $"cancelling job {id}", cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HardwareJobException or OperationCanceledException)
        {
            // best effort: the job may already have finished
        }
    }

    /// <summary>The completed job's outcome probabilities by measured state (qubit 0 = least significant bit).</summary>
    public async Task<IReadOnlyDictionary<ulong, double>> GetProbabilitiesAsync(IonQJobStatus job, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        // results URLs are given from the host root ("/v0.4/jobs/ID/results/probabilities")
        var uri = job.ProbabilitiesUrl is { } u
            ? new Uri(new Uri(Options.Endpoint.GetLeftPart(UriPartial.Authority)), u)
            : Api("jobs/" + Uri.EscapeDataString(job.Id) + "/results/probabilities");
        using var doc = await SendAsync(HttpMethod.Get, uri, null, $"results of job {job.Id}", ct).ConfigureAwait(false);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
            throw new HardwareJobException($"IonQ: results of job {job.Id}: expected an object of state → probability");
        var result = new Dictionary<ulong, double>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (!ulong.TryParse(p.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var state) || p.Value.ValueKind != JsonValueKind.Number)
                throw new HardwareJobException($"IonQ: results of job {job.Id}: entry '{p.Name}' is not a state index with a probability");
            double v = p.Value.GetDouble();
            if (!(v >= 0 && v <= 1 + 1e-9))
                throw new HardwareJobException(string.Create(CultureInfo.InvariantCulture, $"IonQ: results of job {job.Id}: probability {v} of state {p.Name} is outside [0, 1]"));
            result[state] = v;
        }
        return result;
    }

    /// <summary>Submit, wait, read: the measured probabilities of one program. A cancellation that arrives while the
    /// job is being submitted takes effect once the provider has answered, and cancels the job it created: abandoning
    /// the request instead could leave a job queued (and billed) whose id nobody knows.</summary>
    public async Task<IReadOnlyDictionary<ulong, double>> RunAsync(string qasm, int shots, string name, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        string id;
        using (var submitTimeout = new CancellationTokenSource(SubmitTimeout))
            id = await SubmitAsync(qasm, shots, name, submitTimeout.Token).ConfigureAwait(false);
        if (ct.IsCancellationRequested)
        {
            await TryCancelAsync(id).ConfigureAwait(false);
            ct.ThrowIfCancellationRequested();
        }
        var status = await WaitAsync(id, ct).ConfigureAwait(false);
        return await GetProbabilitiesAsync(status, ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
