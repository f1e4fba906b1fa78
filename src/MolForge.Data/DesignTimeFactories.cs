using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MolForge.Data;

/// <summary>Lets `dotnet ef migrations add ... --context SqliteMolForgeDbContext` build the context.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMolForgeDbContext>
{
    public SqliteMolForgeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMolForgeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Lets `dotnet ef migrations add ... --context PostgresMolForgeDbContext` build the context (no server needed).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMolForgeDbContext>
{
    public PostgresMolForgeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMolForgeDbContext>().UseNpgsql("Host=localhost;Database=molforge_design").Options);
}
