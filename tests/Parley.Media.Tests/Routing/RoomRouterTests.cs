using Microsoft.Extensions.Time.Testing;
using Parley.Media.Routing;

namespace Parley.Media.Tests.Routing;

public sealed class RoomRouterTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch);
    private readonly RecordingSink _sink = new();
    private readonly RoomRouter _router;

    public RoomRouterTests() => _router = new RoomRouter("room", new RouterOptions(), _time);

    private static uint[] Ssrcs(int peer) => [(uint)(peer * 10 + 1), (uint)(peer * 10 + 2), (uint)(peer * 10 + 3)];

    private RouterPeer Add(int n, bool canPublish = true)
    {
        var peer = _router.AddPeer($"p{n}", Ssrcs(n), 111, 1);
        _router.SetCanPublish(peer, canPublish);
        return peer;
    }

    private ForwardOutcome Send(RouterPeer from, ushort seq, uint ts, int level, byte tag = 0)
    {
        var payload = new byte[] { tag, 1, 2, 3 };
        return _router.Forward(from, new InboundRtp(seq, ts, false, level, payload), _sink, out _);
    }

    /// <summary>Each publisher sends one 20 ms frame, then time moves by 20 ms.</summary>
    private void Tick(params (RouterPeer Peer, int Level)[] senders)
    {
        foreach (var (peer, level) in senders)
        {
            _seq[peer] = (ushort)(_seq.GetValueOrDefault(peer) + 1);
            Send(peer, _seq[peer], _seq[peer] * 960u, level);
        }
        _time.Advance(TimeSpan.FromMilliseconds(20));
    }

    private readonly Dictionary<RouterPeer, ushort> _seq = [];

    [Fact]
    public void ForwardsAPublisherToEveryOtherPeerButNeverToItself()
    {
        var speaker = Add(1);
        Add(2, canPublish: false);
        Add(3, canPublish: false);

        Assert.Equal(ForwardOutcome.Forwarded, Send(speaker, 100, 5000, 30));

        Assert.Empty(_sink.To("p1"));
        Assert.Single(_sink.To("p2"));
        Assert.Single(_sink.To("p3"));
        var toP2 = _sink.To("p2")[0];
        Assert.Equal(21u, toP2.Ssrc); // p2's slot 0
        Assert.Equal(111, toP2.PayloadType);
        Assert.Equal(30, toP2.AudioLevel);
        Assert.Equal(new byte[] { 0, 1, 2, 3 }, toP2.Payload);
    }

    [Fact]
    public void AForbiddenPublisherIsDroppedFromItsNextPacket()
    {
        var speaker = Add(1);
        Add(2, canPublish: false);
        Assert.Equal(ForwardOutcome.Forwarded, Send(speaker, 1, 960, 30));

        speaker.CanPublish = false; // as a racing control thread would: no router call at all
        Assert.Equal(ForwardOutcome.NotAllowed, Send(speaker, 2, 1920, 30));

        Assert.Single(_sink.To("p2"));
        Assert.False(speaker.IsActiveSpeaker);
    }

    [Fact]
    public void AnAudienceMemberIsNeverForwarded()
    {
        var listener = Add(1, canPublish: false);
        Add(2, canPublish: false);
        Assert.Equal(ForwardOutcome.NotAllowed, Send(listener, 1, 960, 0));
        Assert.Empty(_sink.Packets);
    }

    [Fact]
    public void TheLoudestThreeFillTheSlotsAndAFourthQuieterOneIsNotForwarded()
    {
        var a = Add(1); var b = Add(2); var c = Add(3); var quiet = Add(4);
        var listener = Add(5, canPublish: false);
        for (var i = 0; i < 100; i++)
        {
            Tick((a, 20), (b, 25), (c, 30), (quiet, 70));
        }

        var toListener = _sink.To("p5");
        var slots = toListener.Select(p => p.Slot).Distinct().Order().ToArray();
        Assert.Equal([0, 1, 2], slots);
        Assert.Equal(ForwardOutcome.NotSelected, Send(quiet, 500, 500 * 960, 70));
        Assert.False(quiet.IsActiveSpeaker);
        Assert.True(a.IsActiveSpeaker && b.IsActiveSpeaker && c.IsActiveSpeaker);
        Assert.Equal(new[] { "p1", "p2", "p3" }, _router.ActiveSpeakers().Order());
    }

    [Fact]
    public void ALouderNewcomerTakesTheQuietestSlotOnlyAfterTheHold()
    {
        var a = Add(1); var b = Add(2); var c = Add(3); var loud = Add(4);
        Add(5, canPublish: false);
        var changes = new List<string[]>();
        _router.ActiveSpeakersChanged += (_, ids) => changes.Add(ids);

        Tick((a, 20), (b, 25), (c, 60));
        // 500 ms later a much louder speaker starts: everyone is still within the 1.5 s hold.
        for (var i = 0; i < 25; i++)
        {
            Tick((a, 20), (b, 25), (c, 60), (loud, 5));
        }
        Assert.False(loud.IsActiveSpeaker);

        for (var i = 0; i < 60; i++)
        {
            Tick((a, 20), (b, 25), (c, 60), (loud, 5));
        }
        Assert.True(loud.IsActiveSpeaker);
        Assert.False(c.IsActiveSpeaker); // the quietest lost its slot
        Assert.Equal(2, loud.ActivePosition); // took c's position, so slot 2
        Assert.Contains(changes, ids => ids.Contains("p4") && !ids.Contains("p3"));
    }

    [Fact]
    public void TwoSpeakersOfSimilarLoudnessDoNotFlap()
    {
        var a = Add(1); var b = Add(2); var c = Add(3); var d = Add(4);
        Add(5, canPublish: false);
        var changes = 0;
        _router.ActiveSpeakersChanged += (_, _) => changes++;
        for (var i = 0; i < 500; i++)
        {
            // c and d alternate by 1 dB, under the switch margin.
            Tick((a, 20), (b, 20), (c, 40 + (i % 2)), (d, 40 + ((i + 1) % 2)));
        }
        Assert.Equal(3, changes); // the three first entries only
    }

    [Fact]
    public void ASlotStaysOneContinuousStreamAcrossAPublisherSwitch()
    {
        // Only one position, so a and b must share it.
        var single = new RoomRouter("r", new RouterOptions { SlotsPerSubscriber = 1 }, _time);
        var pa = single.AddPeer("a", [1u], 111, 0);
        var pb = single.AddPeer("b", [2u], 111, 0);
        var listener = single.AddPeer("l", [99u], 109, 0);
        single.SetCanPublish(pa, true);
        single.SetCanPublish(pb, true);

        var sink = new RecordingSink();
        for (var i = 0; i < 10; i++)
        {
            single.Forward(pa, new InboundRtp((ushort)(65530 + i), 1_000_000u + (uint)(i * 960), false, 50, new byte[] { 1 }), sink, out _);
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }
        // a falls silent; 2 s later b speaks with its own unrelated numbering.
        _time.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 10; i++)
        {
            single.Forward(pb, new InboundRtp((ushort)(7 + i), 42u + (uint)(i * 960), false, 10, new byte[] { 2 }), sink, out _);
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        var received = sink.To("l");
        Assert.Equal(20, received.Count);
        Assert.All(received, p => Assert.Equal(99u, p.Ssrc));
        Assert.All(received, p => Assert.Equal(109, p.PayloadType));
        for (var i = 1; i < received.Count; i++)
        {
            Assert.Equal((ushort)(received[i - 1].SequenceNumber + 1), received[i].SequenceNumber);
        }
        // Within a source the timestamp steps by the frame; across the switch by the pause.
        Assert.Equal(960u, received[5].RtpTimestamp - received[4].RtpTimestamp);
        var jump = received[10].RtpTimestamp - received[9].RtpTimestamp;
        Assert.InRange(jump, 48_000u * 2, 48_000u * 2 + 960 * 2);
        Assert.True(received[10].Marker);
        Assert.Equal(960u, received[11].RtpTimestamp - received[10].RtpTimestamp);
        Assert.Equal(2, received[10].Payload[0]);
    }

    [Fact]
    public void ARemovedActiveSpeakerFreesItsSlotForTheNextOne()
    {
        var single = new RoomRouter("r", new RouterOptions { SlotsPerSubscriber = 1 }, _time);
        var pa = single.AddPeer("a", [1u], 111, 0);
        var pb = single.AddPeer("b", [2u], 111, 0);
        single.AddPeer("l", [3u], 111, 0);
        single.SetCanPublish(pa, true);
        single.SetCanPublish(pb, true);
        var sink = new RecordingSink();
        Assert.Equal(ForwardOutcome.Forwarded, single.Forward(pa, new InboundRtp(1, 1, false, 10, [1]), sink, out _));
        Assert.Equal(ForwardOutcome.NotSelected, single.Forward(pb, new InboundRtp(1, 1, false, 10, [1]), sink, out _));

        single.RemovePeer(pa);

        Assert.Equal(ForwardOutcome.Forwarded, single.Forward(pb, new InboundRtp(2, 961, false, 10, [1]), sink, out var count));
        Assert.Equal(1, count);
    }
}
