using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MolForge.Application.Storage;
using MolForge.Data.Repositories;

namespace MolForge.Data;

/// <summary>Registers the MolForge database (SQLite or PostgreSQL by connection string) and its repositories.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>Adds <see cref="MolForgeDbContext"/> (as a factory and scoped), the repositories and the
    /// <see cref="DatabaseInitializer"/>. <paramref name="connectionString"/> is <c>ConnectionStrings:MolForge</c>.</summary>
    public static IServiceCollection AddMolForgeData(this IServiceCollection services, string? connectionString)
    {
        var (provider, resolved) = ConnectionStrings.Resolve(connectionString);
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(resolved);
            services.AddDbContextFactory<SqliteMolForgeDbContext>(o => o.UseSqlite(resolved));
            services.AddScoped<MolForgeDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqliteMolForgeDbContext>>().CreateDbContext());
            services.AddSingleton<IDbContextFactory<MolForgeDbContext>>(sp => new UpcastFactory<SqliteMolForgeDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteMolForgeDbContext>>()));
        }
        else
        {
            services.AddDbContextFactory<PostgresMolForgeDbContext>(o => o.UseNpgsql(resolved));
            services.AddScoped<MolForgeDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PostgresMolForgeDbContext>>().CreateDbContext());
            services.AddSingleton<IDbContextFactory<MolForgeDbContext>>(sp => new UpcastFactory<PostgresMolForgeDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresMolForgeDbContext>>()));
        }
        services.AddSingleton(new DatabaseInfo(provider, resolved));
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<IDesignRunRepository, EfDesignRunRepository>();
        services.AddSingleton<IScoreCache, EfScoreCache>();
        services.AddSingleton<MolForge.Application.Screening.IScreeningJobRepository, EfScreeningJobRepository>();
        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:") return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    private sealed class UpcastFactory<T>(IDbContextFactory<T> inner) : IDbContextFactory<MolForgeDbContext>
        where T : MolForgeDbContext
    {
        public MolForgeDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>The database in use (for logs and the CLI's messages).</summary>
public sealed record DatabaseInfo(DatabaseProvider Provider, string ConnectionString);
