namespace MolForge.Data.Tests;

public sealed class ConnectionStringTests
{
    [Fact]
    public void Empty_means_embedded_sqlite_under_the_user_data_folder()
    {
        var (provider, cs) = ConnectionStrings.Resolve(null);
        Assert.Equal(DatabaseProvider.Sqlite, provider);
        Assert.EndsWith(Path.Combine("MolForge", "molforge.db"), cs, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://u:p%40ss@db.example:5433/molforge", "Host=db.example;Port=5433;Username=u;Password=p@ss;Database=molforge")]
    [InlineData("Host=localhost;Database=x", "Host=localhost;Database=x")]
    public void Postgres_urls_and_strings_select_npgsql(string input, string expected)
    {
        var (provider, cs) = ConnectionStrings.Resolve(input);
        Assert.Equal(DatabaseProvider.PostgreSql, provider);
        Assert.Equal(expected, cs);
    }

    [Fact]
    public void A_bare_path_is_a_sqlite_file() =>
        Assert.Equal((DatabaseProvider.Sqlite, "Data Source=/tmp/x.db"), ConnectionStrings.Resolve("/tmp/x.db"));
}
