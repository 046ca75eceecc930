using System.Net;
using Microsoft.Extensions.Options;
using Parley.Media;

namespace Parley.Server.Media;

/// <summary>Owns this node's SFU: built from <see cref="MediaOptions"/>, started and stopped with the host.</summary>
internal sealed partial class MediaHost(IOptions<MediaOptions> options, TimeProvider time, ILogger<MediaHost> logger) : IHostedService, IAsyncDisposable
{
    private readonly long[] _closes = new long[Enum.GetValues<PeerCloseReason>().Length];
    private MediaServer? _server;

    /// <summary>Media sessions closed since start, by reason (for the admin runtime figures).</summary>
    public IReadOnlyDictionary<string, long> ClosesByReason =>
        Enum.GetValues<PeerCloseReason>().Where(r => r != PeerCloseReason.None).ToDictionary(r => r.ToString(), r => Interlocked.Read(ref _closes[(int)r]));

    /// <summary>Datagrams the SFU dropped since start, by reason; empty before it starts.</summary>
    public IReadOnlyDictionary<string, long> DropsByReason =>
        _server is { } server ? Enum.GetValues<DropReason>().ToDictionary(r => r.ToString(), server.GetDropCount) : new Dictionary<string, long>();

    /// <summary>The started SFU.</summary>
    public MediaServer Server => _server ?? throw new InvalidOperationException("The media server is not started.");

    /// <summary>Raised once the SFU is started (MediaSessions subscribes to its events then).</summary>
    public event Action<MediaServer>? Started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var media = options.Value;
        var server = new MediaServer(
            new MediaServerOptions
            {
                BindAddress = IPAddress.Parse(media.BindAddress),
                Port = media.Port,
                AnnouncedAddresses = [.. media.AnnouncedAddresses.Select(IPAddress.Parse)],
                LoopbackOnly = media.LoopbackOnly,
                SlotsPerSubscriber = media.SlotsPerSubscriber,
                FanoutThreads = media.FanoutThreads,
            },
            time);
        server.PeerStateChanged += (_, e) =>
        {
            if (e.State == PeerState.Closed)
            {
                Interlocked.Increment(ref _closes[(int)e.Reason]);
            }
        };
        await server.StartAsync(cancellationToken);
        _server = server;
        LogStarted(logger, server.LocalEndPoint, media.AnnouncedAddresses);
        Started?.Invoke(server);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        var server = Interlocked.Exchange(ref _server, null);
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media (UDP) on {EndPoint}, announcing [{Announced}]")]
    private static partial void LogStarted(ILogger logger, IPEndPoint endPoint, string[] announced);
}
