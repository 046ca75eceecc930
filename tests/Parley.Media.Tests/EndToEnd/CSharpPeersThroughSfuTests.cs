using Parley.Client.Audio;
using Parley.Client.Media;
using Parley.Media.Tests.Support;

namespace Parley.Media.Tests.EndToEnd;

/// <summary>C# peers publish and listen through the SFU over real UDP on 127.0.0.1.</summary>
public sealed class CSharpPeersThroughSfuTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task EveryListenerHearsThePublishersToneAndThePublisherHearsNothingOfItself()
    {
        await using var sfu = await SfuHarness.StartAsync();
        var speaker = await sfu.ConnectAsync("room", "speaker", canPublish: true, new ToneSource(440));
        var alice = await sfu.ConnectAsync("room", "alice");
        var bob = await sfu.ConnectAsync("room", "bob");

        foreach (var listener in new[] { alice, bob })
        {
            await listener.WaitForAudioAsync(0, Second, SfuHarness.Timeout);
            Assert.InRange(SfuHarness.DominantFrequency(listener, 0), 430, 450);
            Assert.True(FrequencyDetector.Rms(listener.Slots[0].Recent(Second)) > 1000, "the tone is loud, not a whisper");
        }
        Assert.All(speaker.Slots, slot => Assert.Equal(0, slot.PacketsReceived));
        var stats = sfu.Server.GetPeerStats("speaker")!;
        Assert.Equal(PeerState.Connected, stats.State);
        Assert.True(stats.IsActiveSpeaker);
        Assert.True(stats.PacketsIn > 0);
        Assert.True(sfu.Server.GetPeerStats("alice")!.PacketsOut > 0);
        Assert.Equal(["speaker"], sfu.Server.GetRoomStats("room")!.ActiveSpeakers);

        // The listeners' RTCP receiver reports answer our sender reports: RTT, no loss on loopback.
        await SfuHarness.WaitUntilAsync(() => sfu.Server.GetPeerStats("alice")!.RoundTripTime is not null, "an RTT from alice's receiver reports");
        Assert.InRange(sfu.Server.GetPeerStats("alice")!.RoundTripTime!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(0, alice.Slots[0].PacketsLost);
    }

    [Fact]
    public async Task TheThreadPoolReceiveLoopForwardsAsWellAsTheDedicatedThread()
    {
        await using var sfu = await SfuHarness.StartAsync(o => o with { ReceiveOnDedicatedThread = false });
        await sfu.ConnectAsync("room", "speaker", canPublish: true, new ToneSource(440));
        var listener = await sfu.ConnectAsync("room", "listener");

        await listener.WaitForAudioAsync(0, Second, SfuHarness.Timeout);
        Assert.InRange(SfuHarness.DominantFrequency(listener, 0), 430, 450);
    }

    [Fact]
    public async Task AFanoutSplitOverThreeThreadsReachesEveryListenerWithoutLoss()
    {
        await using var sfu = await SfuHarness.StartAsync(o => o with { FanoutThreads = 3, FanoutMinimumPerThread = 1 });
        await sfu.ConnectAsync("room", "speaker", canPublish: true, new ToneSource(440));
        var listeners = new List<AudioPeer>();
        for (var i = 0; i < 5; i++)
        {
            listeners.Add(await sfu.ConnectAsync("room", $"listener-{i}"));
        }

        foreach (var listener in listeners)
        {
            await listener.WaitForAudioAsync(0, Second, SfuHarness.Timeout);
            Assert.InRange(SfuHarness.DominantFrequency(listener, 0), 430, 450);
            Assert.Equal(0, listener.Slots[0].PacketsLost);
        }
        Assert.True(sfu.Server.GetPeerStats("listener-4")!.PacketsOut > 0);
    }

    [Fact]
    public async Task RoomsAreIsolatedFromEachOther()
    {
        await using var sfu = await SfuHarness.StartAsync();
        await sfu.ConnectAsync("room-a", "speaker-a", canPublish: true, new ToneSource(440));
        await sfu.ConnectAsync("room-b", "speaker-b", canPublish: true, new ToneSource(880));
        var listenerA = await sfu.ConnectAsync("room-a", "listener-a");
        var listenerB = await sfu.ConnectAsync("room-b", "listener-b");

        await listenerA.WaitForAudioAsync(0, Second, SfuHarness.Timeout);
        await listenerB.WaitForAudioAsync(0, Second, SfuHarness.Timeout);

        Assert.InRange(SfuHarness.DominantFrequency(listenerA, 0), 430, 450);
        Assert.InRange(SfuHarness.DominantFrequency(listenerB, 0), 870, 890);
        Assert.Equal(1, listenerA.Slots.Count(s => s.PacketsReceived > 0));
        Assert.Equal(1, listenerB.Slots.Count(s => s.PacketsReceived > 0));
    }

    [Fact]
    public async Task AForbiddenPublisherIsHeardByNobodyFromItsNextPacket()
    {
        await using var sfu = await SfuHarness.StartAsync();
        var speaker = await sfu.ConnectAsync("room", "speaker", canPublish: true, new ToneSource(440));
        var listener = await sfu.ConnectAsync("room", "listener");
        var muted = await sfu.ConnectAsync("room", "muted", canPublish: false, new ToneSource(880));
        await listener.WaitForAudioAsync(0, Second, SfuHarness.Timeout);

        // The muted peer sends all along, and every packet is dropped at the SFU.
        await SfuHarness.WaitUntilAsync(() => sfu.Server.GetDropCount(DropReason.NotAllowedToPublish) >= 50, "50 packets of the muted peer dropped");
        Assert.Equal(1, listener.Slots.Count(s => s.PacketsReceived > 0));
        Assert.False(sfu.Server.GetPeerStats("muted")!.IsActiveSpeaker);

        // Revoking the speaker: the listener's slot goes quiet while the speaker keeps sending.
        sfu.Server.SetCanPublish("speaker", false);
        var dropsBefore = sfu.Server.GetDropCount(DropReason.NotAllowedToPublish);
        await SfuHarness.WaitUntilAsync(() => sfu.Server.GetDropCount(DropReason.NotAllowedToPublish) >= dropsBefore + 50, "50 more packets dropped after revoking the speaker");
        var received = listener.Slots[0].PacketsReceived;
        await SfuHarness.WaitUntilAsync(() => sfu.Server.GetDropCount(DropReason.NotAllowedToPublish) >= dropsBefore + 100, "100 more packets dropped after revoking the speaker");
        Assert.Equal(received, listener.Slots[0].PacketsReceived);
        Assert.True(speaker.PacketsSent > 0);
        Assert.Empty(sfu.Server.GetRoomStats("room")!.ActiveSpeakers);
    }

    [Fact]
    public async Task ThreePublishersFillThreeSlotsAndAFourthQuieterOneIsNotForwarded()
    {
        await using var sfu = await SfuHarness.StartAsync();
        double[] tones = [440, 660, 880];
        for (var i = 0; i < tones.Length; i++)
        {
            await sfu.ConnectAsync("room", $"speaker{i}", canPublish: true, new ToneSource(tones[i], amplitude: 0.5));
        }
        var listener = await sfu.ConnectAsync("room", "listener");
        for (var slot = 0; slot < 3; slot++)
        {
            await listener.WaitForAudioAsync(slot, Second, SfuHarness.Timeout);
        }

        await sfu.ConnectAsync("room", "quiet", canPublish: true, new ToneSource(1200, amplitude: 0.03));
        await SfuHarness.WaitUntilAsync(() => sfu.Server.GetDropCount(DropReason.NotSelected) >= 100, "100 packets of the quiet fourth publisher not selected");
        await listener.WaitForAudioAsync(0, Second, SfuHarness.Timeout);

        var heard = Enumerable.Range(0, 3).Select(slot => SfuHarness.DominantFrequency(listener, slot)).Order().ToArray();
        Assert.InRange(heard[0], 430, 450);
        Assert.InRange(heard[1], 650, 670);
        Assert.InRange(heard[2], 870, 890);
        Assert.False(sfu.Server.GetPeerStats("quiet")!.IsActiveSpeaker);
        Assert.Equal(["speaker0", "speaker1", "speaker2"], sfu.Server.GetRoomStats("room")!.ActiveSpeakers.Order());
    }

    [Fact]
    public async Task APeerThatStopsAnsweringConsentChecksIsClosed()
    {
        await using var sfu = await SfuHarness.StartAsync(o => o with { ConsentTimeout = TimeSpan.FromSeconds(2) });
        var peer = await sfu.ConnectAsync("room", "ghost");
        await SfuHarness.WaitUntilAsync(() => sfu.StateChanges.Any(e => e.PeerId == "ghost" && e.State == PeerState.Connected), "ghost connected");

        peer.ConsentChecksEnabled = false;

        await SfuHarness.WaitUntilAsync(
            () => sfu.StateChanges.Any(e => e.PeerId == "ghost" && e.State == PeerState.Closed && e.Reason == PeerCloseReason.ConsentExpired),
            "ghost closed for expired consent");
        Assert.Null(sfu.Server.GetPeerStats("ghost"));
        Assert.Null(sfu.Server.GetRoomStats("room"));
    }

    [Fact]
    public async Task APeerThatHangsUpIsClosedAtOnceNotAfterTheConsentTimeout()
    {
        await using var sfu = await SfuHarness.StartAsync();
        var peer = await sfu.ConnectAsync("room", "leaver");

        await peer.DisposeAsync(); // sends DTLS close_notify

        await SfuHarness.WaitUntilAsync(
            () => sfu.StateChanges.Any(e => e.PeerId == "leaver" && e.State == PeerState.Closed && e.Reason == PeerCloseReason.Closed),
            "the leaver closed on its close_notify", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ForwardedPacketsAndDropsAreCountedOnTheParleyMediaMeter()
    {
        long packetsOut = 0, drops = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == MediaServer.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "parley.media.packets_out")
            {
                Interlocked.Add(ref packetsOut, value);
            }
            else if (instrument.Name == "parley.media.drops")
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "reason" && (string?)tag.Value == nameof(DropReason.NotAllowedToPublish))
                    {
                        Interlocked.Add(ref drops, value);
                    }
                }
            }
        });
        listener.Start();

        await using var sfu = await SfuHarness.StartAsync();
        await sfu.ConnectAsync("room", "speaker", canPublish: true, new ToneSource(440));
        var audience = await sfu.ConnectAsync("room", "audience", canPublish: false, new ToneSource(880));
        await audience.WaitForAudioAsync(0, Second, SfuHarness.Timeout);

        await SfuHarness.WaitUntilAsync(() => Interlocked.Read(ref packetsOut) >= 50 && Interlocked.Read(ref drops) >= 10, "packets_out and drops{reason=NotAllowedToPublish} measured");
    }

    [Fact]
    public async Task APeerWhoseCertificateDoesNotMatchItsFingerprintIsRefusedAndCounted()
    {
        await using var sfu = await SfuHarness.StartAsync();
        await using var impostor = new AudioPeer();
        var someoneElse = Parley.Media.Dtls.DtlsCertificate.Generate().Fingerprint.ToString();
        var offer = System.Text.RegularExpressions.Regex.Replace(impostor.CreateOffer(), "a=fingerprint:[^\r\n]+", "a=fingerprint:" + someoneElse);
        var answer = await sfu.Server.CreatePeerAsync("room", "impostor", offer, TestContext.Current.CancellationToken);

        var connecting = impostor.ConnectAsync(answer, TestContext.Current.CancellationToken);

        await SfuHarness.WaitUntilAsync(
            () => sfu.StateChanges.Any(e => e.PeerId == "impostor" && e.State == PeerState.Closed && e.Reason == PeerCloseReason.HandshakeFailed),
            "the impostor closed for a failed handshake");
        await Assert.ThrowsAnyAsync<Exception>(() => connecting.WaitAsync(SfuHarness.Timeout, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task APeerThatNeverCompletesTheHandshakeIsDroppedAndCounted()
    {
        await using var sfu = await SfuHarness.StartAsync(o => o with { HandshakeTimeout = TimeSpan.FromSeconds(1) });
        await using var silent = new AudioPeer();
        await sfu.Server.CreatePeerAsync("room", "silent", silent.CreateOffer(), TestContext.Current.CancellationToken); // never connects

        await SfuHarness.WaitUntilAsync(
            () => sfu.StateChanges.Any(e => e.PeerId == "silent" && e.State == PeerState.Closed && e.Reason == PeerCloseReason.HandshakeTimeout),
            "silent peer closed for handshake timeout");
    }
}
