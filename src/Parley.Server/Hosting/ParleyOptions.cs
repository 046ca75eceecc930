namespace Parley.Server.Hosting;

/// <summary>The <c>Parley</c> configuration section (appsettings, <c>Parley__X</c> environment variables, command line).</summary>
public sealed class ParleyOptions
{
    public const string Section = "Parley";

    /// <summary>Where the SQLite file and the data-protection keys live, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The built web client, relative to the content root; nothing is served if it is missing.</summary>
    public string WebRoot { get; set; } = "../../web/dist";

    public DatabaseOptions Database { get; set; } = new();

    public InviteOptions Invites { get; set; } = new();

    public AccountOptions Accounts { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public HubOptions Hub { get; set; } = new();

    public OrleansOptions Orleans { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c> (with <c>ConnectionStrings:Parley</c>).</summary>
    public string Provider { get; set; } = "Sqlite";
}

public sealed class InviteOptions
{
    /// <summary>Invites a new member may create (admins: unlimited).</summary>
    public int Quota { get; set; } = 2;

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);
}

public sealed class AccountOptions
{
    /// <summary>The lowest <see cref="PasswordHashIterations"/> accepted: below it a leaked hash is cheap to crack.</summary>
    public const int MinimumPasswordHashIterations = 1_000;

    /// <summary>
    /// PBKDF2 iterations of newly stored password hashes (Identity's <c>PasswordHasherOptions.IterationCount</c>);
    /// null keeps Identity's default (100,000 in .NET 10). A benchmark and test knob: lowering it makes
    /// registering thousands of accounts cheap and every stored hash weaker, so leave it unset in production.
    /// </summary>
    public int? PasswordHashIterations { get; set; }
}

public sealed class RateLimitOptions
{
    /// <summary>Requests per client IP and window to login, register and invite preview, each counted apart.</summary>
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class HubOptions
{
    /// <summary>How long a disconnected user keeps their place (and role) before they leave the room.</summary>
    public TimeSpan DisconnectGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Hub calls a connection may make in a burst before <c>rate_limited</c> refusals.</summary>
    public int CallBurst { get; set; } = 20;

    /// <summary>Hub calls per second a connection earns back.</summary>
    public int CallsPerSecond { get; set; } = 10;
}

public sealed class OrleansOptions
{
    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>0: this node is the primary silo; otherwise the primary's silo port on this machine.</summary>
    public int PrimarySiloPort { get; set; }

    public string ClusterId { get; set; } = "parley";

    public string ServiceId { get; set; } = "parley";
}
