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
            builder.Services.AddDbContext<ParleyDbContext>(options => options.UseNpgsql(connectionString));
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

    /// <summary>
    /// Applies the SQLite migrations. PostgreSQL has no migrations of its own yet: its schema is
    /// created from the model on an empty database (EnsureCreated), which cannot evolve it later.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.MigrateAsync();
        }
        else
        {
            await db.Database.EnsureCreatedAsync();
        }
    }
}
