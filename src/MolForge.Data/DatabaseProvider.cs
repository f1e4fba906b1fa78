namespace MolForge.Data;

/// <summary>Which database a connection string points at.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Resolves the <c>ConnectionStrings:MolForge</c> setting: empty means the embedded SQLite file under the
/// user's data folder; a <c>postgres://</c> URL or a <c>Host=</c> string means PostgreSQL; anything else (for
/// example <c>Data Source=path.db</c>, or a bare path ending in .db) is SQLite.</summary>
public static class ConnectionStrings
{
    /// <summary>The default SQLite file: $XDG_DATA_HOME (or ~/.local/share)/MolForge/molforge.db.</summary>
    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "MolForge", "molforge.db");

    /// <summary>The provider and the provider-ready connection string.</summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(string? configured)
    {
        var value = configured?.Trim();
        if (string.IsNullOrEmpty(value)) return (DatabaseProvider.Sqlite, $"Data Source={DefaultSqlitePath}");
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return (DatabaseProvider.PostgreSql, FromUrl(new Uri(value)));
        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase)) return (DatabaseProvider.PostgreSql, value);
        if (!value.Contains('=', StringComparison.Ordinal)) return (DatabaseProvider.Sqlite, $"Data Source={value}");
        return (DatabaseProvider.Sqlite, value);
    }

    private static string FromUrl(Uri uri)
    {
        var userInfo = uri.UserInfo.Split(':', 2);
        var database = uri.AbsolutePath.Trim('/');
        var parts = new List<string> { $"Host={uri.Host}", $"Port={(uri.Port > 0 ? uri.Port : 5432)}" };
        if (userInfo[0].Length > 0) parts.Add($"Username={Uri.UnescapeDataString(userInfo[0])}");
        if (userInfo.Length > 1) parts.Add($"Password={Uri.UnescapeDataString(userInfo[1])}");
        if (database.Length > 0) parts.Add($"Database={Uri.UnescapeDataString(database)}");
        return string.Join(';', parts);
    }
}
