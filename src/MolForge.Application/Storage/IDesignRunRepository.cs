namespace MolForge.Application.Storage;

/// <summary>Stores design runs and their candidates (EF Core in MolForge.Data). Every read is scoped to an owner so
/// one user never sees another's runs.</summary>
public interface IDesignRunRepository
{
    Task AddAsync(DesignRun run, CancellationToken cancellationToken = default);

    /// <summary>Saves changes to a run (status, timings) and replaces its candidates with <see cref="DesignRun.Candidates"/>.</summary>
    Task UpdateAsync(DesignRun run, CancellationToken cancellationToken = default);

    /// <summary>The run with its candidates (ranked order) and scores, or null when absent or not the owner's.</summary>
    Task<DesignRun?> GetAsync(Guid id, string ownerId, CancellationToken cancellationToken = default);

    /// <summary>The owner's runs, newest first, without candidates.</summary>
    Task<IReadOnlyList<DesignRun>> ListAsync(string ownerId, int skip = 0, int take = 100, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(Guid id, string ownerId, CancellationToken cancellationToken = default);
}

/// <summary>Cache of scoring results by canonical SMILES + settings.</summary>
public interface IScoreCache
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    Task SetAsync(string key, string resultJson, CancellationToken cancellationToken = default);
}
