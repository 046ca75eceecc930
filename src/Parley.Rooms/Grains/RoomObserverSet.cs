using Microsoft.Extensions.Logging;
using Parley.Protocol.Rooms;

namespace Parley.Rooms;

/// <summary>
/// The node observers of one room with the time each last subscribed. Like Orleans'
/// ObserverManager, but on <see cref="TimeProvider"/> so expiry is testable.
/// </summary>
internal sealed class RoomObserverSet(TimeProvider time, TimeSpan expiry, ILogger logger)
{
    private readonly Dictionary<IRoomObserver, DateTimeOffset> _observers = [];

    public int Count => _observers.Count;

    public void Subscribe(IRoomObserver observer) => _observers[observer] = time.GetUtcNow();

    public void Unsubscribe(IRoomObserver observer) => _observers.Remove(observer);

    public void RemoveExpired()
    {
        var cutoff = time.GetUtcNow() - expiry;
        foreach (var (observer, seen) in _observers.ToList())
        {
            if (seen < cutoff)
            {
                _observers.Remove(observer);
            }
        }
    }

    /// <summary>Sends in the caller's order; one-way calls, so a slow or dead node delays nobody.</summary>
    public void Publish(RoomEventEnvelope envelope)
    {
        foreach (var observer in _observers.Keys)
        {
            try
            {
                _ = observer.OnRoomEventAsync(envelope);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                logger.LogWarning(exception, "Dropping a room observer that failed");
                _observers.Remove(observer);
            }
        }
    }
}
