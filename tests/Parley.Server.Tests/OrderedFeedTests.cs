using Parley.Protocol.Rooms;
using Parley.Server.Hubs;

namespace Parley.Server.Tests;

/// <summary>The node relay's re-ordering of one room's events.</summary>
public sealed class OrderedFeedTests
{
    private static RoomEventEnvelope E(long version) => new("room", version, new HandLowered("u" + version));

    private static List<long> Versions(List<RoomEventEnvelope> envelopes) => [.. envelopes.Select(e => e.Version)];

    [Fact]
    public void InOrderEventsPassStraightThrough()
    {
        var feed = new OrderedFeed(delivered: 3);

        Assert.Equal([4L], Versions(feed.Accept(E(4))));
        Assert.Equal([5L], Versions(feed.Accept(E(5))));
    }

    [Fact]
    public void AnEarlyEventWaitsForTheOnesBeforeIt()
    {
        var feed = new OrderedFeed(delivered: 0);

        Assert.Empty(feed.Accept(E(3)));
        Assert.Empty(feed.Accept(E(2)));
        Assert.Equal([1L, 2, 3], Versions(feed.Accept(E(1))));
        Assert.Equal(3, feed.Delivered);
    }

    [Fact]
    public void DuplicatesAndOldEventsAreDropped()
    {
        var feed = new OrderedFeed(delivered: 5);

        Assert.Empty(feed.Accept(E(5)));
        Assert.Empty(feed.Accept(E(2)));
        Assert.Equal([6L], Versions(feed.Accept(E(6))));
        Assert.Empty(feed.Accept(E(6)));
    }

    [Fact]
    public void AGapThatNeverFillsIsPassedOverSoClientsResync()
    {
        var feed = new OrderedFeed(delivered: 0);
        var released = new List<RoomEventEnvelope>();

        for (var version = 2; version <= OrderedFeed.MaxPending + 2; version++)
        {
            released.AddRange(feed.Accept(E(version)));
        }

        Assert.Equal(Enumerable.Range(2, OrderedFeed.MaxPending + 1).Select(v => (long)v), Versions(released));
        Assert.Empty(feed.Accept(E(1)));
    }
}
