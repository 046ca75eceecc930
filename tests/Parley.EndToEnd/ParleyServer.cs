using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Parley.EndToEnd;

/// <summary>
/// The real server, in process, on real Kestrel at 127.0.0.1 and a free port, with its own
/// temporary data directory (a fresh SQLite database, so the first start prints an admin invite).
/// </summary>
internal sealed partial class ParleyServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "parley-e2e-" + Guid.NewGuid().ToString("N"));

    public LogCapture Logs { get; } = new();

    private ConsoleCapture? _console;

    public ParleyServer()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        if (!File.Exists(Path.Combine(RepositoryPaths.WebDist, "index.html")))
        {
            throw new InvalidOperationException(
                $"The web client is not built: {RepositoryPaths.WebDist}/index.html is missing. " +
                "Build it with `dotnet build src/Parley.Server` (its MSBuild target runs npm ci and vite build) or `cd web && npm ci && npm run build`.");
        }
        Directory.CreateDirectory(_dataDirectory);
        _console = ConsoleCapture.Install();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>
    /// The code of the admin invite the first start printed ("Admin invite: http://…/invite/CODE"),
    /// read from the server's log as a person would read it from the console.
    /// </summary>
    public string AdminInviteCode()
    {
        foreach (var line in (_console?.Lines ?? []).Concat(Logs.Lines))
        {
            var match = AdminInviteLine().Match(line);
            // The console is the process's: only this server's line (its own port) counts.
            if (match.Success && line.Contains($":{BaseAddress.Port}/invite/", StringComparison.Ordinal))
            {
                return match.Groups["code"].Value;
            }
        }
        throw new InvalidOperationException("The server printed no 'Admin invite: …/invite/<code>' line. Its console and log:\n" +
            string.Join('\n', (_console?.Lines ?? []).Concat(Logs.Lines)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Parley:DataDirectory", _dataDirectory);
        // Two browsers and a few bots sign up within a minute from one address: lift the limit
        // (the rate limiter has its own tests in Parley.Server.Tests).
        builder.UseSetting("Parley:RateLimits:PermitLimit", "1000");
        // The join-time benchmark reopens the room page 50 times a minute.
        builder.UseSetting("Parley:Moderation:JoinsPerMinute", "100000");
        // Free ports for the embedded silo, so a running `dotnet run` does not collide with the test.
        builder.UseSetting("Parley:Orleans:SiloPort", FreeTcpPort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Parley:Orleans:GatewayPort", FreeTcpPort().ToString(CultureInfo.InvariantCulture));
        // The SFU on a free UDP port, loopback only (Chromium also offers its LAN address), announcing 127.0.0.1.
        builder.UseSetting("Parley:Media:Port", "0");
        builder.UseSetting("Parley:Media:LoopbackOnly", "true");
        builder.UseSetting("Parley:Media:AnnouncedAddresses:0", "127.0.0.1");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Admin invite: \S*/invite/(?<code>[A-Za-z0-9_\-]+)")]
    private static partial Regex AdminInviteLine();
}
