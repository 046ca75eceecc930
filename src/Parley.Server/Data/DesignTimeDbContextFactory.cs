using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Parley.Server.Data;

/// <summary>For <c>dotnet ef migrations add</c>: the SQLite model, without starting the host (and its silo).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ParleyDbContext>
{
    public ParleyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ParleyDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// For <c>dotnet ef migrations add X --context PostgresParleyDbContext --output-dir Data/Migrations/Postgres</c>:
/// generating migrations needs no server, so the connection string is a placeholder.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresParleyDbContext>
{
    public PostgresParleyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresParleyDbContext>().UseNpgsql("Host=localhost;Database=parley").Options);
}
