namespace MolForge.Application.Hardware;

/// <summary>
/// Where and how to reach IonQ's Quantum Cloud (REST API v0.4). The API key never comes from the repository: it is
/// read from the environment (<c>MOLFORGE_IONQ_API_KEY</c>, optional <c>MOLFORGE_IONQ_ENDPOINT</c>,
/// <c>MOLFORGE_IONQ_BACKEND</c>, <c>MOLFORGE_IONQ_POLL_SECONDS</c>, <c>MOLFORGE_IONQ_TIMEOUT_SECONDS</c>,
/// <c>MOLFORGE_IONQ_SHOT_BUDGET</c>, <c>MOLFORGE_IONQ_DEVICE_EVALUATIONS</c>), or set by the host (e.g. a configuration section bound onto this record and passed
/// as <see cref="Scoring.VqeEngineOptions.Hardware"/>).
/// </summary>
public sealed record IonQOptions
{
    /// <summary>Environment variable holding the API key.</summary>
    public const string ApiKeyVariable = "MOLFORGE_IONQ_API_KEY";

    /// <summary>Environment variable overriding the endpoint.</summary>
    public const string EndpointVariable = "MOLFORGE_IONQ_ENDPOINT";

    /// <summary>Environment variable choosing the IonQ backend (simulator, qpu.aria-1, qpu.forte-1, ...).</summary>
    public const string BackendVariable = "MOLFORGE_IONQ_BACKEND";

    /// <summary>The public API root.</summary>
    public const string DefaultEndpoint = "https://api.ionq.co/v0.4";

    /// <summary>How to configure the backend (the text of the "not configured" error).</summary>
    public const string HowToConfigure =
        "set " + ApiKeyVariable + " to an IonQ API key (cloud.ionq.com → API keys), optionally " + EndpointVariable +
        " (default " + DefaultEndpoint + ") and " + BackendVariable + " (default simulator)";

    /// <summary>The API key (sent as <c>Authorization: apiKey KEY</c>); null or empty: not configured.</summary>
    public string? ApiKey { get; init; }

    /// <summary>API root, e.g. https://api.ionq.co/v0.4.</summary>
    public Uri Endpoint { get; init; } = new(DefaultEndpoint);

    /// <summary>IonQ backend name: simulator (free, ideal unless a noise model is set) or a QPU.</summary>
    public string Backend { get; init; } = "simulator";

    /// <summary>Time between job-status polls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one job may take (queue + run) before the client gives up and cancels it.</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Most shots the backend may spend in one run (all jobs together); exceeding it is an error.</summary>
    public long ShotBudget { get; init; } = 1_000_000;

    /// <summary>Optimiser evaluations run on the device after the classical pre-optimisation (0: none, the device
    /// only measures the final energy; each evaluation is one job per measurement group).</summary>
    public int DeviceOptimizerEvaluations { get; init; }

    /// <summary>True when an API key is present.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Options from the environment (no key: <see cref="IsConfigured"/> is false).</summary>
    public static IonQOptions FromEnvironment()
    {
        var o = new IonQOptions { ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) };
        if (Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } e)
        {
            if (!Uri.TryCreate(e, UriKind.Absolute, out var uri))
                throw new HardwareNotConfiguredException($"{EndpointVariable} is not an absolute URL: '{e}'");
            o = o with { Endpoint = uri };
        }
        if (Environment.GetEnvironmentVariable(BackendVariable) is { Length: > 0 } b) o = o with { Backend = b };
        if (Seconds("MOLFORGE_IONQ_POLL_SECONDS") is { } poll) o = o with { PollInterval = poll };
        if (Seconds("MOLFORGE_IONQ_TIMEOUT_SECONDS") is { } timeout) o = o with { JobTimeout = timeout };
        if (Environment.GetEnvironmentVariable("MOLFORGE_IONQ_DEVICE_EVALUATIONS") is { Length: > 0 } de)
        {
            if (!int.TryParse(de, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var evaluations) || evaluations < 0)
                throw new HardwareNotConfiguredException($"MOLFORGE_IONQ_DEVICE_EVALUATIONS must be a non-negative integer, got '{de}'");
            o = o with { DeviceOptimizerEvaluations = evaluations };
        }
        if (Environment.GetEnvironmentVariable("MOLFORGE_IONQ_SHOT_BUDGET") is { Length: > 0 } sb)
        {
            if (!long.TryParse(sb, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var budget) || budget < 1)
                throw new HardwareNotConfiguredException($"MOLFORGE_IONQ_SHOT_BUDGET must be a positive integer, got '{sb}'");
            o = o with { ShotBudget = budget };
        }
        return o;
    }

    private static TimeSpan? Seconds(string variable)
    {
        if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 } text) return null;
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) || !(s > 0))
            throw new HardwareNotConfiguredException($"{variable} must be a positive number of seconds, got '{text}'");
        return TimeSpan.FromSeconds(s);
    }
}

/// <summary>The hardware backend has no credentials (or an unusable endpoint); the message says how to configure it.</summary>
public sealed class HardwareNotConfiguredException : NotSupportedException
{
    /// <summary>The standard message: not configured, and how to configure.</summary>
    public HardwareNotConfiguredException() : base("hardware backend not configured: " + IonQOptions.HowToConfigure) { }

    /// <summary>A specific configuration problem.</summary>
    public HardwareNotConfiguredException(string message) : base("hardware backend not configured: " + message) { }

    /// <summary>With an inner exception.</summary>
    public HardwareNotConfiguredException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A device job could not be run: authentication refused, the job failed or was cancelled, a timeout, an
/// unreadable response. The message names the job and the provider's reason. An <see cref="InvalidOperationException"/>, so
/// the design pipeline records it as a failed candidate rather than stopping the run.</summary>
public sealed class HardwareJobException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public HardwareJobException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    public HardwareJobException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception with the standard text.</summary>
    public HardwareJobException() : base("hardware job failed") { }
}
