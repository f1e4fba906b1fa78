using MolForge.Application.Design;
using MolForge.Application.Storage;

namespace MolForge.Application.Screening;

/// <summary>What a caller asks for: a named job over an input file with scoring settings.</summary>
/// <param name="Name">Job name (unique per owner).</param>
/// <param name="InputPath">Input file (a path every worker can read).</param>
/// <param name="Scoring">Scoring settings.</param>
/// <param name="OwnerId">Owner (the CLI uses <see cref="ScreeningJobService.LocalOwner"/>).</param>
public sealed record ScreeningRequest(string Name, string InputPath, ScoringSettings Scoring, string OwnerId = ScreeningJobService.LocalOwner);

/// <summary>A request the stored job cannot accept (same name with another input or other settings, bad name).</summary>
public sealed class ScreeningJobException : Exception
{
    public ScreeningJobException() : base("the screening job was refused") { }
    public ScreeningJobException(string message) : base(message) { }
    public ScreeningJobException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>What <see cref="ScreeningJobService.DeleteAsync"/> removed.</summary>
/// <param name="Job">The job as it was just before it was deleted.</param>
/// <param name="ItemsRemoved">Stored results (one per input line finished) removed with it.</param>
/// <param name="InputFileRemoved">The job's input file was removed too (an upload under the upload folder the caller
/// named, used by no other job); false: it was kept.</param>
public sealed record ScreeningJobDeletion(ScreeningJob Job, int ItemsRemoved, bool InputFileRemoved);

/// <summary>The screening use cases the CLI and the web app call: submit or resume a job, read, list and cancel jobs,
/// stream items. Processing itself happens on the cluster behind <see cref="IScreeningJobDispatcher"/>.</summary>
public sealed class ScreeningJobService(IScreeningJobRepository repository, ScreeningLimits limits, IScreeningJobDispatcher? dispatcher = null)
{
    /// <summary>Owner id of jobs started from the command line.</summary>
    public const string LocalOwner = "local";

    /// <summary>Methods a screening job accepts (<c>huckel</c> is the cheap test/dry-run model).</summary>
    public static readonly IReadOnlyList<string> Methods = ["rhf", "vqe", "casci", "huckel"];

    /// <summary>The limits in force.</summary>
    public ScreeningLimits Limits => limits;

    /// <summary>Creates the job, or returns the stored one when name, input file and settings all match (a
    /// cancelled job is set running again). The input is checked against the limits first, streaming.</summary>
    /// <param name="request">The job.</param>
    /// <param name="start">Also hand the job to the cluster (false: only store it, for workers to pick up).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <exception cref="ScreeningInputException">The input is missing, too large or unreadable.</exception>
    /// <exception cref="ScreeningJobException">The name exists with another input or other settings.</exception>
    public async Task<ScreeningJob> SubmitAsync(ScreeningRequest request, bool start = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        var plan = await ScreeningInputPlan.CreateAsync(request.InputPath, limits.ChunkSize, limits, cancellationToken).ConfigureAwait(false);
        var spec = new ScreeningJobSpec(request.Scoring, limits.ChunkSize, plan.Format);
        var job = await repository.FindAsync(request.OwnerId, request.Name, cancellationToken).ConfigureAwait(false);
        if (job is null)
        {
            var created = new ScreeningJob
            {
                Name = request.Name,
                OwnerId = request.OwnerId,
                InputPath = Path.GetFullPath(request.InputPath),
                InputSha256 = plan.Sha256,
                SettingsJson = spec.ToJson(),
                Status = plan.Total == 0 ? RunStatus.Completed : RunStatus.Running,
                Total = plan.Total,
            };
            if (await repository.TryCreateAsync(created, cancellationToken).ConfigureAwait(false)) job = created;
            else job = await repository.FindAsync(request.OwnerId, request.Name, cancellationToken).ConfigureAwait(false)
                       ?? throw new ScreeningJobException($"job '{request.Name}' could not be created");
        }
        CheckSame(job, request, plan);
        if (job.Status is RunStatus.Cancelled or RunStatus.Pending or RunStatus.Failed)
        {
            await repository.SetStatusAsync(job.Id, RunStatus.Running, null, cancellationToken).ConfigureAwait(false);
            job.Status = RunStatus.Running;
            job.Error = null;
        }
        if (start && job.Status == RunStatus.Running && dispatcher is not null)
            await dispatcher.EnsureRunningAsync(job.Id, cancellationToken).ConfigureAwait(false);
        return job;
    }

    /// <summary>The job named <paramref name="name"/>, or null.</summary>
    public Task<ScreeningJob?> FindAsync(string name, string ownerId = LocalOwner, CancellationToken cancellationToken = default) =>
        repository.FindAsync(ownerId, name, cancellationToken);

    /// <summary>The job with this id, or null.</summary>
    public Task<ScreeningJob?> GetAsync(Guid jobId, CancellationToken cancellationToken = default) => repository.GetAsync(jobId, cancellationToken);

    /// <summary>The job with this id if it belongs to <paramref name="ownerId"/>, else null (as if it did not exist).</summary>
    public async Task<ScreeningJob?> GetAsync(Guid jobId, string ownerId, CancellationToken cancellationToken = default)
    {
        var job = await repository.GetAsync(jobId, cancellationToken).ConfigureAwait(false);
        return job is not null && string.Equals(job.OwnerId, ownerId, StringComparison.Ordinal) ? job : null;
    }

    /// <summary>Jobs of an owner (all when null), newest first.</summary>
    public Task<IReadOnlyList<ScreeningJob>> ListAsync(string? ownerId = LocalOwner, CancellationToken cancellationToken = default) =>
        repository.ListAsync(ownerId, cancellationToken);

    /// <summary>Cancels a running job (items stored so far stay); returns the job, or null when there is none.</summary>
    public async Task<ScreeningJob?> CancelAsync(string name, string ownerId = LocalOwner, CancellationToken cancellationToken = default)
    {
        var job = await repository.FindAsync(ownerId, name, cancellationToken).ConfigureAwait(false);
        if (job is null) return null;
        if (job.Status is RunStatus.Running or RunStatus.Pending)
        {
            await repository.SetStatusAsync(job.Id, RunStatus.Cancelled, null, cancellationToken).ConfigureAwait(false);
            job.Status = RunStatus.Cancelled;
            if (dispatcher is not null) await dispatcher.StopAsync(job.Id, cancellationToken).ConfigureAwait(false);
        }
        return job;
    }

    /// <summary>Deletes a job that is not running: its row, its stored results (which are also its checkpoint) and,
    /// when <paramref name="uploadFolder"/> is given and the input file lies under it (an upload the web app stored
    /// for this job) and no other job reads it, the input file. A file outside that folder — an input the CLI only
    /// read — is never touched. Returns null when there is no such job.</summary>
    /// <param name="name">Job name.</param>
    /// <param name="ownerId">Owner: only the owner's job of that name is deleted.</param>
    /// <param name="uploadFolder">The folder the caller stores uploads in (null: never delete an input file).</param>
    /// <param name="cancellationToken">Cancels the deletion (before it commits).</param>
    /// <exception cref="ScreeningJobException">The job is running or pending: cancel it first.</exception>
    public async Task<ScreeningJobDeletion?> DeleteAsync(string name, string ownerId = LocalOwner, string? uploadFolder = null, CancellationToken cancellationToken = default)
    {
        var job = await repository.FindAsync(ownerId, name, cancellationToken).ConfigureAwait(false);
        if (job is null) return null;
        var removed = job.Status is RunStatus.Running or RunStatus.Pending ? null : await repository.DeleteAsync(job.Id, cancellationToken).ConfigureAwait(false);
        if (removed is null)
        {
            // Running (or resumed between the read and the delete), or deleted by someone else meanwhile.
            var current = await repository.GetAsync(job.Id, cancellationToken).ConfigureAwait(false);
            if (current is null) return null;
            throw new ScreeningJobException($"job '{job.Name}' is {current.Status.ToString().ToLowerInvariant()}; cancel it first, then delete it");
        }
        var fileRemoved = false;
        if (uploadFolder is not null && IsUnderFolder(uploadFolder, job.InputPath))
        {
            var others = await repository.ListAsync(null, cancellationToken).ConfigureAwait(false);
            if (!others.Any(j => j.Id != job.Id && string.Equals(Path.GetFullPath(j.InputPath), Path.GetFullPath(job.InputPath), StringComparison.Ordinal)))
                fileRemoved = TryDeleteFile(job.InputPath);
        }
        return new ScreeningJobDeletion(job, removed.Value, fileRemoved);
    }

    /// <summary>True when <paramref name="path"/> lies inside <paramref name="folder"/> (full paths; the folder itself
    /// and paths that only share a prefix with it are not inside).</summary>
    public static bool IsUnderFolder(string folder, string path)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(path);
        if (folder.Length == 0 || path.Length == 0) return false;
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal);
    }

    private static bool TryDeleteFile(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The job's items in line order (one per input record once the job is complete).</summary>
    public IAsyncEnumerable<ScreeningItem> StreamItemsAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        repository.StreamItemsAsync(jobId, cancellationToken);

    /// <summary>Invalid and failed items, in line order, at most <paramref name="limit"/>.</summary>
    public Task<IReadOnlyList<ScreeningItem>> ListProblemsAsync(Guid jobId, int limit = 1000, CancellationToken cancellationToken = default) =>
        repository.ListProblemsAsync(jobId, limit, cancellationToken);

    /// <summary>Polls the job until it is no longer running, reporting each reading.</summary>
    public async Task<ScreeningJob> WaitAsync(Guid jobId, IProgress<ScreeningJob>? progress, TimeSpan pollInterval, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var job = await repository.GetAsync(jobId, cancellationToken).ConfigureAwait(false)
                      ?? throw new ScreeningJobException($"job {jobId} no longer exists");
            progress?.Report(job);
            if (job.Status != RunStatus.Running && job.Status != RunStatus.Pending) return job;
            await Task.Delay(pollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Validate(ScreeningRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200 || request.Name.Any(char.IsControl))
            throw new ScreeningJobException("a job name must be 1 to 200 printable characters");
        var s = request.Scoring;
        if (!Methods.Contains(s.Method)) throw new ScreeningJobException($"unknown method '{s.Method}' (expected {string.Join(", ", Methods)})");
        if (!ScoringSettings.Bases.Contains(s.Basis)) throw new ScreeningJobException($"unknown basis '{s.Basis}' (expected {string.Join(", ", ScoringSettings.Bases)})");
        if (s.ActiveElectrons < 1 || s.ActiveOrbitals < 1 || s.ActiveElectrons > 2 * s.ActiveOrbitals)
            throw new ScreeningJobException($"active space {s.ActiveElectrons},{s.ActiveOrbitals} is not NE,NO with 1 <= NE <= 2*NO");
        if (!ScoringSettings.OrbitalChoices.Contains(s.Orbitals))
            throw new ScreeningJobException($"unknown orbitals '{s.Orbitals}' (expected {string.Join(", ", ScoringSettings.OrbitalChoices)})");
    }

    private static void CheckSame(ScreeningJob job, ScreeningRequest request, ScreeningInputPlan plan)
    {
        if (!string.Equals(job.InputSha256, plan.Sha256, StringComparison.OrdinalIgnoreCase))
            throw new ScreeningJobException($"job '{job.Name}' exists with another input file ({job.InputPath}, SHA-256 {job.InputSha256[..Math.Min(12, job.InputSha256.Length)]}…); choose another job name");
        var stored = ScreeningJobSpec.FromJson(job.SettingsJson);
        if (stored.Scoring != request.Scoring)
            throw new ScreeningJobException($"job '{job.Name}' exists with other settings ({ScreeningJobSpec.Describe(stored.Scoring)}; asked: {ScreeningJobSpec.Describe(request.Scoring)}); choose another job name");
    }
}
