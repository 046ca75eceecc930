using Orleans.Concurrency;
using Parley.Protocol.Rooms;

namespace Parley.Rooms;

/// <summary>
/// A node's listener for the events of the rooms it has connections in (the GPSTracker pattern:
/// one observer per node, not one per connection). Grain observers are not durable: the node
/// re-subscribes periodically, and the grain forgets observers it has not heard from for
/// <see cref="RoomOptions.ObserverExpiry"/>.
/// </summary>
public interface IRoomObserver : IGrainObserver
{
    /// <summary>One event of a room, in version order. One-way: the grain never waits for a node.</summary>
    [OneWay]
    Task OnRoomEventAsync(RoomEventEnvelope envelope);
}
