using System.Collections.Concurrent;
using System.Net;
using Parley.Client.Audio;
using Parley.Client.Media;

namespace Parley.Media.Tests.Support;

/// <summary>
/// A running SFU on 127.0.0.1 (loopback sources only) and the C# peers connected to it.
/// Every wait has a generous timeout (2 shared cores) and names what it waited for.
/// </summary>
internal sealed class SfuHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly List<AudioPeer> _peers = [];

    private SfuHarness(MediaServer server) => Server = server;

    public MediaServer Server { get; }

    public ConcurrentQueue<PeerStateChangedEventArgs> StateChanges { get; } = new();

    public static async Task<SfuHarness> StartAsync(Func<MediaServerOptions, MediaServerOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        var options = new MediaServerOptions
        {
            BindAddress = IPAddress.Loopback,
            Port = 0,
            AnnouncedAddresses = [IPAddress.Loopback],
            LoopbackOnly = true,
        };
        var server = new MediaServer(configure?.Invoke(options) ?? options, timeProvider);
        await server.StartAsync();
        var harness = new SfuHarness(server);
        server.PeerStateChanged += (_, e) => harness.StateChanges.Enqueue(e);
        return harness;
    }

    /// <summary>Creates a C# peer in the room, signals its offer, and waits until SRTP is up.</summary>
    public async Task<AudioPeer> ConnectAsync(string roomId, string peerId, bool canPublish = false, IAudioSource? source = null)
    {
        var peer = new AudioPeer(new AudioPeerOptions { Slots = Server.Options.SlotsPerSubscriber });
        _peers.Add(peer);
        var answer = await Server.CreatePeerAsync(roomId, peerId, peer.CreateOffer());
        Server.SetCanPublish(peerId, canPublish);
        try
        {
            await peer.ConnectAsync(answer).WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Peer {peerId} did not connect (ICE + DTLS) within {Timeout.TotalSeconds} s.");
        }
        if (source is not null)
        {
            peer.StartPublishing(source);
        }
        return peer;
    }

    /// <summary>Polls a condition every 50 ms until it holds, failing with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        using var cts = new CancellationTokenSource(limit);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds} s waiting for: {what}");
            }
        }
    }

    /// <summary>Polls an asynchronous condition (a browser query) every 100 ms until it holds.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Timeout;
        using var cts = new CancellationTokenSource(limit);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (!await condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds} s waiting for: {what}");
            }
        }
    }

    /// <summary>The dominant frequency of the last second decoded on a slot.</summary>
    public static double DominantFrequency(AudioPeer peer, int slot) =>
        FrequencyDetector.DominantFrequency(peer.Slots[slot].Recent(TimeSpan.FromSeconds(1)), 48_000, 100, 2000, 10);

    public async ValueTask DisposeAsync()
    {
        foreach (var peer in _peers)
        {
            await peer.DisposeAsync();
        }
        await Server.DisposeAsync();
    }
}
