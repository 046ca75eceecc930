using Microsoft.EntityFrameworkCore;

namespace Parley.Server.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that EF Core keeps a separate set of
/// migrations for it (Data/Migrations/Postgres); the app resolves it as <see cref="ParleyDbContext"/>.
/// </summary>
public sealed class PostgresParleyDbContext(DbContextOptions<PostgresParleyDbContext> options) : ParleyDbContext(options);
