using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Parley.Server.Data;

/// <summary>For <c>dotnet ef migrations add</c>: the SQLite model, without starting the host (and its silo).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ParleyDbContext>
{
    public ParleyDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ParleyDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
