using System.Net;
using System.Net.Sockets;
using Parley.Client.Audio;
using Parley.Media.Tests.Support;

namespace Parley.Media.Tests.Transport;

/// <summary>
/// A running SFU with a healthy speaker and listener is fed garbage of every kind; the listener
/// keeps hearing the tone and every drop is counted under its reason (DESIGN.md §7).
/// </summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task GarbageForgeriesReplaysAndAFloodNeverStopAHealthyPeer()
    {
        await using var sfu = await SfuHarness.StartAsync();
        var speaker = await sfu.ConnectAsync("room", "speaker", canPublish: true, new ToneSource(440));
        var listener = await sfu.ConnectAsync("room", "listener");
        await listener.WaitForAudioAsync(0, Second, SfuHarness.Timeout);

        using var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        attacker.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sfuEndPoint = new IPEndPoint(IPAddress.Loopback, sfu.Server.LocalEndPoint.Port);
        var random = new Random(1234);
        void SendFromAttacker(byte[] datagram) => attacker.SendTo(datagram, sfuEndPoint);

        // Random bytes of every first-byte range, and outside them.
        for (var i = 0; i < 200; i++)
        {
            var datagram = new byte[random.Next(1, 300)];
            random.NextBytes(datagram);
            SendFromAttacker(datagram);
        }
        SendFromAttacker([]);
        SendFromAttacker([0x40, 1, 2, 3]); // first byte 64: no RFC 7983 range
        // Truncated STUN, STUN with a valid shape but an unknown username, DTLS and RTP from a stranger.
        SendFromAttacker([0x00, 0x01, 0x00]);
        SendFromAttacker(StunBindingRequestWithUsername("nobody:x"));
        SendFromAttacker([22, 254, 253, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]); // a DTLS record header
        SendFromAttacker([0x80, 111, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 9, 9]); // RTP
        SendFromAttacker([0x80, 200, 0, 1, 0, 0, 0, 1]); // RTCP SR, truncated

        // From the speaker's own address: forged SRTP (right shape, wrong tag), truncated SRTP and SRTCP, and a replay.
        var forged = new byte[120];
        random.NextBytes(forged);
        forged[0] = 0x80;
        forged[1] = 111;
        speaker.SendRaw(forged);
        speaker.SendRaw(forged.AsSpan(0, 14));
        speaker.SendRaw(new byte[] { 0x81, 201, 0, 1, 0, 0, 0, 1 });
        var replay = speaker.LastPublishedPacket();
        Assert.NotEmpty(replay);
        speaker.SendRaw(replay);
        speaker.SendRaw(replay);

        await SfuHarness.WaitUntilAsync(() =>
            sfu.Server.GetDropCount(DropReason.SrtpReplayed) > 0
            && sfu.Server.GetDropCount(DropReason.SrtpAuthenticationFailed) > 0
            && sfu.Server.GetDropCount(DropReason.StunUnknownUsername) > 0,
            "the forged, replayed and unknown-username packets counted");

        // A flood from one address while the speaker talks.
        var before = listener.Slots[0].PacketsReceived;
        var flood = new byte[200];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(flood);
            SendFromAttacker(flood);
        }
        await SfuHarness.WaitUntilAsync(() => listener.Slots[0].PacketsReceived >= before + 50, "50 more packets heard during and after the flood");
        await listener.WaitForAudioAsync(0, Second, SfuHarness.Timeout);
        Assert.InRange(SfuHarness.DominantFrequency(listener, 0), 430, 450);

        Assert.True(sfu.Server.GetDropCount(DropReason.UnknownKind) > 0, "UnknownKind");
        Assert.True(sfu.Server.GetDropCount(DropReason.StunMalformed) > 0, "StunMalformed");
        Assert.True(sfu.Server.GetDropCount(DropReason.UnknownSource) > 0, "UnknownSource");
        Assert.True(sfu.Server.GetDropCount(DropReason.SrtpMalformed) > 0, "SrtpMalformed");
        Assert.Equal(0, sfu.Server.GetDropCount(DropReason.InternalError));
        Assert.True(sfu.Server.GetPeerStats("speaker")!.SrtpFailures >= 3);
        Assert.Equal(PeerState.Connected, sfu.Server.GetPeerStats("listener")!.State);
    }

    [Fact]
    public async Task ANonLoopbackSourceIsDroppedWhenTheServerAcceptsLoopbackOnly()
    {
        await using var sfu = await SfuHarness.StartAsync();
        var source = new SocketAddress(AddressFamily.InterNetwork);
        new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5000).Serialize().Buffer.Span.CopyTo(source.Buffer.Span);

        sfu.Server.HandleDatagram(new byte[] { 0x00, 0x01, 0x00, 0x00 }, source);

        Assert.Equal(1, sfu.Server.GetDropCount(DropReason.NonLoopbackSource));
    }

    private static byte[] StunBindingRequestWithUsername(string username)
    {
        var buffer = new byte[256];
        var writer = new Parley.Media.Ice.StunMessageWriter(buffer, Parley.Media.Ice.StunClass.Request, Parley.Media.Ice.StunMethod.Binding, new byte[12]);
        writer.AddUsername(username.Split(':')[0], username.Split(':')[1]);
        writer.AddMessageIntegrity("0123456789012345678901"u8);
        var length = writer.AddFingerprint();
        return buffer[..length];
    }
}
