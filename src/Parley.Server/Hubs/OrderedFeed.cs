using Parley.Protocol.Rooms;

namespace Parley.Server.Hubs;

/// <summary>
/// Puts one room's events back in version order. The grain publishes one-way, and one-way
/// messages may overtake each other under load (seen in the grain tests on a busy machine), so
/// a node holds an early event until the ones before it arrive. A gap that does not fill within
/// <see cref="MaxPending"/> events is passed over: clients see it and resync with JoinRoom.
/// Not thread-safe: the relay calls it under its lock.
/// </summary>
internal sealed class OrderedFeed(long delivered)
{
    public const int MaxPending = 32;

    private readonly SortedList<long, RoomEventEnvelope> _pending = [];

    /// <summary>The version of the last event passed on.</summary>
    public long Delivered { get; private set; } = delivered;

    /// <summary>Takes one event; returns the events now ready, in order (often just this one).</summary>
    public List<RoomEventEnvelope> Accept(RoomEventEnvelope envelope)
    {
        var ready = new List<RoomEventEnvelope>();
        if (envelope.Version <= Delivered)
        {
            return ready;
        }
        _pending[envelope.Version] = envelope;
        while (_pending.Count > 0 && (_pending.Keys[0] == Delivered + 1 || _pending.Count > MaxPending))
        {
            var next = _pending.Values[0];
            _pending.RemoveAt(0);
            Delivered = next.Version;
            ready.Add(next);
        }
        return ready;
    }
}
