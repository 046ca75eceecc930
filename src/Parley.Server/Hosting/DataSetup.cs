using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Parley.Server.Data;

namespace Parley.Server.Hosting;

internal static class DataSetup
{
    /// <summary>The data directory, made absolute against the content root and created.</summary>
    public static string DataDirectory(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration[$"{ParleyOptions.Section}:DataDirectory"] ?? "./data";
        var path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, configured));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>EF Core on SQLite (a file in the data directory) or PostgreSQL; data-protection keys in the data directory.</summary>
    public static IHostApplicationBuilder AddParleyData(this IHostApplicationBuilder builder)
    {
        var dataDirectory = builder.DataDirectory();
        var provider = builder.Configuration[$"{ParleyOptions.Section}:Database:Provider"] ?? "Sqlite";
        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = builder.Configuration.GetConnectionString("Parley")
                ?? throw new InvalidOperationException("Parley:Database:Provider is Postgres but ConnectionStrings:Parley is not set.");
            // Resolved as ParleyDbContext everywhere; the subtype selects the PostgreSQL migrations.
            builder.Services.AddDbContext<ParleyDbContext, PostgresParleyDbContext>(options => options.UseNpgsql(connectionString));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var file = Path.Combine(dataDirectory, "parley.db");
            builder.Services.AddDbContext<ParleyDbContext>(options => options.UseSqlite($"Data Source={file}"));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Parley:Database:Provider '{provider}' (Sqlite or Postgres).");
        }
        // Keys outlive restarts, so sign-in cookies do too.
        builder.Services.AddDataProtection()
            .SetApplicationName("Parley")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        return builder;
    }

    /// <summary>Applies the provider's migrations (SQLite: Data/Migrations; PostgreSQL: Data/Migrations/Postgres).</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ParleyDbContext>().Database.MigrateAsync();
    }
}
