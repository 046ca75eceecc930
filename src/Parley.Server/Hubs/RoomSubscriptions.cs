using Parley.Rooms;

namespace Parley.Server.Hubs;

/// <summary>
/// Keeps a node observer subscribed to the rooms it needs. Grain observers are not durable (a
/// grain that was deactivated or moved forgets them), so each owner calls this periodically with
/// what it no longer needs and what it still wants (the GPSTracker pattern, DESIGN.md §2).
/// Shared by the SignalR relay and the media enforcement, which each keep their own observer.
/// </summary>
internal static partial class RoomSubscriptions
{
    public static async Task RefreshAsync(
        IGrainFactory grains, IRoomObserver observer, IEnumerable<string> stale, IEnumerable<string> wanted, ILogger logger)
    {
        foreach (var roomId in stale)
        {
            await CallAsync(grains, roomId, grain => grain.UnsubscribeAsync(observer), logger);
        }
        foreach (var roomId in wanted)
        {
            await CallAsync(grains, roomId, grain => grain.SubscribeAsync(observer), logger);
        }
    }

    private static async Task CallAsync(IGrainFactory grains, string roomId, Func<IRoomGrain, Task> call, ILogger logger)
    {
        try
        {
            await call(grains.GetGrain<IRoomGrain>(roomId));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // One room's grain failing must not stop the others from being refreshed.
            LogRefreshFailed(logger, exception, roomId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the subscription to room {RoomId}")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception, string roomId);
}
