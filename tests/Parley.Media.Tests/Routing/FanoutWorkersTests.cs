using Parley.Media.Routing;

namespace Parley.Media.Tests.Routing;

/// <summary>One packet's copies split over threads, each thread with its own sink.</summary>
public sealed class FanoutWorkersTests
{
    private static uint[] Ssrcs(int peer) => [(uint)(peer * 10 + 1), (uint)(peer * 10 + 2), (uint)(peer * 10 + 3)];

    private static (RoomRouter Router, RouterPeer[] Speakers) Room(int listeners)
    {
        var router = new RoomRouter("room");
        var a = router.AddPeer("speaker-a", Ssrcs(0), 111, 1);
        var b = router.AddPeer("speaker-b", Ssrcs(1), 111, 1);
        router.SetCanPublish(a, true);
        router.SetCanPublish(b, true);
        for (var i = 0; i < listeners; i++)
        {
            router.AddPeer($"l{i}", Ssrcs(i + 2), 111, 1);
        }
        return (router, [a, b]);
    }

    private static ThreadSink[] Sinks(int count) => [.. Enumerable.Range(0, count).Select(_ => new ThreadSink())];

    [Fact]
    public void ALargeRoomIsSplitOverEveryThreadAndEachListenerGetsEachPacketExactlyOnceInOrder()
    {
        var (router, speakers) = Room(listeners: 1000);
        var sinks = Sinks(4);
        using var workers = new FanoutWorkers(sinks, minimumPerShard: 100);

        for (var i = 0; i < 40; i++)
        {
            // Speaker a, then speaker b takes over: the slot switch happens inside the shards too.
            var from = i < 20 ? speakers[0] : speakers[1];
            router.SetCanPublish(speakers[0], i < 20);
            var outcome = router.Forward(from, new InboundRtp((ushort)(1000 + i), (uint)(i * 960), false, 30, [(byte)i, 7, 7]), workers, out var forwarded);
            Assert.Equal(ForwardOutcome.Forwarded, outcome);
            Assert.Equal(1001, forwarded); // everyone but the sender: the other speaker and 1,000 listeners
        }

        Assert.Equal(40, workers.SplitFanouts);
        var all = sinks.SelectMany((sink, index) => sink.Recording.Packets.Select(p => (Shard: index, Packet: p))).ToList();
        foreach (var listener in Enumerable.Range(0, 1000).Select(i => $"l{i}"))
        {
            var packets = all.Where(p => p.Packet.Subscriber == listener).ToList();
            Assert.Equal(40, packets.Count);
            Assert.Single(packets.Select(p => p.Shard).Distinct()); // one thread owns a listener's state
            var sequence = packets.Select(p => p.Packet.SequenceNumber).ToArray();
            for (var i = 1; i < sequence.Length; i++)
            {
                Assert.Equal((ushort)(sequence[i - 1] + 1), sequence[i]); // continuous across the speaker switch
            }
            Assert.Equal(Enumerable.Range(0, 40).Select(i => (byte)i), packets.Select(p => p.Packet.Payload[0]));
        }
        Assert.All(sinks, sink => Assert.InRange(sink.Recording.Packets.Count, 40 * 240, 40 * 260));
        Assert.All(sinks, sink => Assert.Equal(40, sink.Completed));
        Assert.All(sinks.Skip(1), sink => Assert.DoesNotContain(Environment.CurrentManagedThreadId, sink.Threads));
        Assert.Equal([Environment.CurrentManagedThreadId], sinks[0].Threads);
    }

    [Fact]
    public void ASmallRoomStaysOnTheCallingThread()
    {
        var (router, speakers) = Room(listeners: 150);
        var sinks = Sinks(4);
        using var workers = new FanoutWorkers(sinks, minimumPerShard: 100);

        router.Forward(speakers[0], new InboundRtp(1, 960, false, 30, [1]), workers, out var forwarded);

        Assert.Equal(151, forwarded);
        Assert.Equal(0, workers.SplitFanouts);
        Assert.Equal(151, sinks[0].Recording.Packets.Count);
        Assert.All(sinks.Skip(1), sink => Assert.Empty(sink.Recording.Packets));
    }

    [Fact]
    public void AShardThatThrowsStillLetsTheOthersFinishAndTheCallerReturn()
    {
        var (router, speakers) = Room(listeners: 400);
        var sinks = Sinks(2);
        sinks[1].ThrowAfter = 10;
        using var workers = new FanoutWorkers(sinks, minimumPerShard: 100);

        router.Forward(speakers[0], new InboundRtp(1, 960, false, 30, [1]), workers, out var forwarded);

        Assert.Equal(sinks[0].Recording.Packets.Count, forwarded); // the failed shard's copies are not counted as forwarded
        Assert.Equal(10, sinks[1].Recording.Packets.Count);
        Assert.Equal(ForwardOutcome.Forwarded, router.Forward(speakers[0], new InboundRtp(2, 1920, false, 30, [1]), workers, out _));
    }

    [Fact]
    public void WhenTheCallersOwnShardThrowsItStillWaitsForTheWorkersBeforeLettingGo()
    {
        var (router, speakers) = Room(listeners: 400);
        var sinks = Sinks(2);
        sinks[0].ThrowAfter = 5;
        using var workers = new FanoutWorkers(sinks, minimumPerShard: 100);

        Assert.Throws<InvalidOperationException>(() => router.Forward(speakers[0], new InboundRtp(1, 960, false, 30, [1]), workers, out _));

        // The worker's shard was whole and flushed by the time the exception reached the caller.
        Assert.Equal(201, sinks[1].Recording.Packets.Count);
        Assert.Equal(1, sinks[1].Completed);
    }

    private sealed class ThreadSink : ForwardingSink
    {
        public RecordingSink Recording { get; } = new();

        public HashSet<int> Threads { get; } = [];

        public int Completed { get; private set; }

        public int ThrowAfter { get; set; } = int.MaxValue;

        public override Span<byte> Reserve() => Recording.Reserve();

        public override void Commit(RouterPeer subscriber, int slot, int length)
        {
            if (Recording.Packets.Count == ThrowAfter)
            {
                throw new InvalidOperationException("a broken sink");
            }
            Threads.Add(Environment.CurrentManagedThreadId);
            Recording.Commit(subscriber, slot, length);
        }

        public override void Complete() => Completed++;
    }
}
