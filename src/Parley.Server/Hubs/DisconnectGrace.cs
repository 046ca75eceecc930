using Microsoft.Extensions.Options;
using Parley.Rooms;
using Parley.Server.Hosting;

namespace Parley.Server.Hubs;

/// <summary>
/// Leaves a room for a user whose last connection to it dropped, once the grace period has passed
/// without a new connection of theirs joining it (a reconnect calls JoinRoom and keeps the role).
/// </summary>
internal sealed partial class DisconnectGrace(
    IGrainFactory grains, RoomPresence presence, IOptions<ParleyOptions> options, TimeProvider time, ILogger<DisconnectGrace> logger)
{
    public void Schedule(string roomId, string userId)
    {
        if (presence.IsPresent(roomId, userId))
        {
            return;
        }
        _ = LeaveLaterAsync(roomId, userId, presence.JoinCount(roomId, userId));
    }

    private async Task LeaveLaterAsync(string roomId, string userId, long joins)
    {
        try
        {
            await Task.Delay(options.Value.Hub.DisconnectGrace, time);
            if (!presence.IsPresent(roomId, userId) && presence.JoinCount(roomId, userId) == joins)
            {
                await grains.GetGrain<IRoomGrain>(roomId).LeaveAsync(userId);
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogLeaveFailed(logger, exception, roomId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not leave room {RoomId} after a disconnect")]
    private static partial void LogLeaveFailed(ILogger logger, Exception exception, string roomId);
}
