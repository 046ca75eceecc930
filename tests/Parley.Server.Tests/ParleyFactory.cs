using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Parley.Server.Accounts;
using Parley.Server.Data;

namespace Parley.Server.Tests;

/// <summary>
/// The real server on Kestrel (127.0.0.1, a free port), with its own temp data directory (a real
/// SQLite file) and its own embedded Orleans silo on free ports, one per test class.
/// </summary>
public class ParleyFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory;
    private readonly bool _ownsDataDirectory;

    public ParleyFactory()
        : this(null)
    {
    }

    /// <summary>A node; with a data directory, one that shares another node's database.</summary>
    protected ParleyFactory(string? sharedDataDirectory)
    {
        _ownsDataDirectory = sharedDataDirectory is null;
        _dataDirectory = sharedDataDirectory ?? Path.Combine(Path.GetTempPath(), "parley-tests-" + Guid.NewGuid().ToString("N"));
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public int SiloPort { get; } = FreePort();

    public Uri BaseAddress { get; private set; } = null!;

    public string DataDirectory => _dataDirectory;

    public LogCapture Logs { get; } = new();

    /// <summary>Settings a test class changes (rate limits, grace).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Parley:DataDirectory", _dataDirectory);
        builder.UseSetting("Parley:WebRoot", Path.Combine(_dataDirectory, "no-web-client"));
        builder.UseSetting("Parley:Orleans:SiloPort", SiloPort.ToString());
        builder.UseSetting("Parley:Orleans:GatewayPort", FreePort().ToString());
        builder.UseSetting("Parley:RateLimits:PermitLimit", "10000");
        builder.UseSetting("Parley:Hub:DisconnectGrace", "00:00:01");
        builder.UseSetting("Parley:Moderation:ModeratorDisconnectGrace", "00:00:01");
        builder.UseSetting("Parley:Media:Port", "0");
        builder.UseSetting("Parley:Media:LoopbackOnly", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "None");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(_ => true));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public ValueTask InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsDataDirectory)
        {
            return;
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp directory is the OS's to clean.
        }
    }

    /// <summary>A new invite code (as the first-start admin invite is made, with no creator).</summary>
    public async Task<string> NewInviteCodeAsync(bool grantsAdmin = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var invites = scope.ServiceProvider.GetRequiredService<InviteService>();
        return (await invites.CreateAsync(createdById: null, grantsAdmin, CancellationToken.None)).Code;
    }

    /// <summary>Runs something against the database (to age an invite, to look at records).</summary>
    public async Task WithDbAsync(Func<ParleyDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ParleyDbContext>());
    }

    /// <summary>A signed-up, signed-in member with their own cookie jar.</summary>
    public async Task<TestUser> SignUpAsync(string userName, string? displayName = null, bool admin = false)
    {
        var user = new TestUser(BaseAddress, userName);
        var response = await user.Http.PostAsJsonAsync("/api/v1/auth/register", new
        {
            inviteCode = await NewInviteCodeAsync(admin),
            userName,
            displayName = displayName ?? userName.ToUpperInvariant(),
            password = TestUser.Password,
        });
        await Expect.StatusAsync(response, HttpStatusCode.Created);
        user.Id = (await response.Content.ReadFromJsonAsync<Protocol.Accounts.Me>())!.Id;
        return user;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
