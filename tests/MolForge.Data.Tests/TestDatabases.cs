using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MolForge.Data.Tests;

/// <summary>A fact that needs PostgreSQL: skipped, with the reason shown, unless MOLFORGE_TEST_POSTGRES holds a
/// connection string (.ci/run installs and starts a server and sets it).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(TestDatabases.PostgresConnectionString))
            Skip = "PostgreSQL not available: set MOLFORGE_TEST_POSTGRES to a connection string (.ci/run does)";
    }
}

/// <summary>Creates isolated databases for repository tests.</summary>
public static class TestDatabases
{
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("MOLFORGE_TEST_POSTGRES");

    /// <summary>A service provider on a fresh SQLite file in a temp folder.</summary>
    public static ServiceProvider Sqlite(out string path)
    {
        path = Path.Combine(Path.GetTempPath(), "molforge-tests", $"{Guid.NewGuid():N}.db");
        return new ServiceCollection().AddMolForgeData($"Data Source={path}").BuildServiceProvider();
    }

    /// <summary>A service provider on a fresh PostgreSQL database (created on the configured server).</summary>
    public static ServiceProvider Postgres(out string databaseName)
    {
        var baseString = PostgresConnectionString ?? throw new InvalidOperationException("MOLFORGE_TEST_POSTGRES is not set.");
        databaseName = $"molforge_t_{Guid.NewGuid():N}"[..30];
        using (var connection = new NpgsqlConnection(baseString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{databaseName}\"";
            command.ExecuteNonQuery();
        }
        var builder = new NpgsqlConnectionStringBuilder(baseString) { Database = databaseName };
        return new ServiceCollection().AddMolForgeData(builder.ConnectionString).BuildServiceProvider();
    }

    /// <summary>Runs <paramref name="test"/> on a fresh PostgreSQL database, dropped afterwards.</summary>
    public static async Task OnPostgresAsync(Func<IServiceProvider, Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var sp = Postgres(out var name);
        try
        {
            await test(sp);
        }
        finally
        {
            await sp.DisposeAsync();
            DropPostgres(name);
        }
    }

    /// <summary>Drops a database made by <see cref="Postgres"/>.</summary>
    public static void DropPostgres(string databaseName)
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(PostgresConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
