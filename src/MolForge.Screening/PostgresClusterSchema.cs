using System.Reflection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace MolForge.Screening;

/// <summary>Applies the Orleans ADO.NET clustering schema (Sql/PostgreSQL-Main.sql, then
/// Sql/PostgreSQL-Clustering.sql, shipped from the Orleans repository) to the cluster database when it is missing.
/// Safe when several workers start at once: a PostgreSQL advisory lock serialises them and the check is repeated
/// under it.</summary>
public static class PostgresClusterSchema
{
    private const long LockKey = 0x4D6F6C466F726765; // "MolForge"

    /// <summary>Creates the clustering tables unless they exist.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        try
        {
            await using var check = new NpgsqlCommand("SELECT to_regclass('orleansmembershiptable') IS NOT NULL", connection);
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true) return;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, Script("PostgreSQL-Main.sql"), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, Script("PostgreSQL-Clustering.sql"), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Script(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"MolForge.Screening.Sql.{name}")
                           ?? throw new InvalidOperationException($"embedded script {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Applies <see cref="PostgresClusterSchema"/> before the silo starts (registered ahead of Orleans).</summary>
internal sealed class PostgresClusterSchemaService(string connectionString) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => PostgresClusterSchema.EnsureAsync(connectionString, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
