using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MolForge.Application.Storage;
using MolForge.Data.Configuration;

namespace MolForge.Data;

/// <summary>The MolForge database: accounts (Identity), design runs, candidates, quantum scores, the score cache and
/// screening jobs. Provider-specific subclasses carry their own migrations (SQLite by default, PostgreSQL when
/// scaled out).</summary>
public abstract class MolForgeDbContext(DbContextOptions options) : IdentityDbContext<MolForgeUser>(options)
{
    public DbSet<DesignRun> DesignRuns => Set<DesignRun>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<QuantumScore> QuantumScores => Set<QuantumScore>();
    public DbSet<ScoreCacheEntry> ScoreCache => Set<ScoreCacheEntry>();
    public DbSet<ScreeningJob> ScreeningJobs => Set<ScreeningJob>();
    public DbSet<ScreeningItem> ScreeningItems => Set<ScreeningItem>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MolForgeDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks on every provider so queries agree.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>The SQLite flavour (embedded default).</summary>
public sealed class SqliteMolForgeDbContext(DbContextOptions<SqliteMolForgeDbContext> options) : MolForgeDbContext(options);

/// <summary>The PostgreSQL flavour (scale-out).</summary>
public sealed class PostgresMolForgeDbContext(DbContextOptions<PostgresMolForgeDbContext> options) : MolForgeDbContext(options);
