using Microsoft.AspNetCore.SignalR.Client;
using Parley.Client.Audio;
using Parley.Client.Media;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>
/// A bot user: a hub connection with its cookie (joined to a room) and the headless C# WebRTC
/// peer connected to the server's SFU through <c>ConnectMedia</c>; it can publish a tone and
/// tells what it hears from its decoded receive slots.
/// </summary>
public sealed class MediaBot : IAsyncDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(400);

    private MediaBot(RoomEvents hub, AudioPeer peer)
    {
        Hub = hub;
        Peer = peer;
    }

    public RoomEvents Hub { get; }

    public AudioPeer Peer { get; private set; }

    public static async Task<MediaBot> JoinAsync(TestUser user, string roomId)
    {
        var hub = await user.ConnectAsync();
        await hub.JoinAsync(roomId);
        var peer = new AudioPeer();
        var answer = await hub.Connection.InvokeAsync<string>(MediaHubMethods.ConnectMedia, roomId, peer.CreateOffer());
        await peer.ConnectAsync(answer).WaitAsync(TimeSpan.FromSeconds(15));
        return new MediaBot(hub, peer);
    }

    public void Publish(double frequency) => Peer.StartPublishing(new ToneSource(frequency));

    /// <summary>Listens for one window: does any slot's newly decoded audio contain the tone?</summary>
    public async Task<bool> HearsAsync(double frequency)
    {
        var marks = Peer.Slots.Select(s => s.SamplesDecoded).ToArray();
        using var timer = new PeriodicTimer(Window);
        await timer.WaitForNextTickAsync();
        for (var i = 0; i < marks.Length; i++)
        {
            var fresh = Peer.Slots[i].SamplesDecoded - marks[i];
            if (fresh >= 48_000 / 10
                && FrequencyDetector.Contains(Peer.Slots[i].Recent(TimeSpan.FromSeconds(fresh / 48_000.0)), frequency))
            {
                return true;
            }
        }
        return false;
    }

    public async Task WaitUntilHearsAsync(double frequency, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await HearsAsync(frequency))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Hub.UserId} did not hear {frequency} Hz within {timeout.TotalSeconds} s ({because}); slots received {Received()}");
            }
        }
    }

    public async Task WaitUntilSilentAsync(double frequency, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await HearsAsync(frequency))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Hub.UserId} still heard {frequency} Hz after {timeout.TotalSeconds} s ({because})");
            }
        }
    }

    public async Task AssertNeverHearsAsync(double frequency, TimeSpan during, string because)
    {
        var end = DateTime.UtcNow + during;
        while (DateTime.UtcNow < end)
        {
            Assert.False(await HearsAsync(frequency), $"{Hub.UserId} heard {frequency} Hz ({because})");
        }
    }

    private string Received() => string.Join(",", Peer.Slots.Select(s => s.PacketsReceived));

    public async ValueTask DisposeAsync() => await Peer.DisposeAsync();
}
