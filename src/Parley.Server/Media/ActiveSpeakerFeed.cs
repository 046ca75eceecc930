using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Parley.Protocol.Rooms;
using Parley.Server.Hubs;

namespace Parley.Server.Media;

/// <summary>
/// Turns the SFU's active-speaker changes into <c>ActiveSpeakers</c> messages to the room's local
/// group: only when the set changes, and at most <see cref="MediaOptions.ActiveSpeakersPerSecond"/>
/// per room, the last value winning, so a big room's hub traffic stays small (the loudest-K
/// selection can flip many times a second).
/// </summary>
internal sealed partial class ActiveSpeakerFeed(IHubContext<RoomHub> hub, IOptions<MediaOptions> options, TimeProvider time, ILogger<ActiveSpeakerFeed> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, RoomFeed> _rooms = new(StringComparer.Ordinal);

    /// <summary>Called from the SFU's event loop with the new set of forwarded speakers.</summary>
    public void Publish(string roomId, string[] userIds)
    {
        var interval = TimeSpan.FromSeconds(1.0 / Math.Max(1, options.Value.ActiveSpeakersPerSecond));
        lock (_lock)
        {
            if (!_rooms.TryGetValue(roomId, out var feed))
            {
                _rooms[roomId] = feed = new RoomFeed();
            }
            feed.Latest = userIds;
            if (feed.Scheduled)
            {
                return;
            }
            var wait = interval - time.GetElapsedTime(feed.LastSentTicks);
            feed.Scheduled = true;
            if (wait <= TimeSpan.Zero || feed.LastSentTicks == 0)
            {
                _ = SendAsync(roomId, feed, TimeSpan.Zero);
            }
            else
            {
                _ = SendAsync(roomId, feed, wait);
            }
        }
    }

    private async Task SendAsync(string roomId, RoomFeed feed, TimeSpan delay)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time);
            }
            string[] toSend;
            lock (_lock)
            {
                feed.Scheduled = false;
                if (feed.Latest.AsSpan().SequenceEqual(feed.Sent))
                {
                    if (feed.Latest.Length == 0)
                    {
                        _rooms.Remove(roomId);
                    }
                    return;
                }
                toSend = feed.Latest;
                feed.Sent = toSend;
                feed.LastSentTicks = time.GetTimestamp();
            }
            await hub.Clients.Group(RoomEventRelay.Group(roomId)).SendAsync(MediaHubMethods.ActiveSpeakers, new ActiveSpeakers(roomId, toSend));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogSendFailed(logger, exception, roomId);
        }
    }

    private sealed class RoomFeed
    {
        public string[] Latest { get; set; } = [];

        public string[] Sent { get; set; } = [];

        public long LastSentTicks { get; set; }

        public bool Scheduled { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send active speakers of room {RoomId}")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string roomId);
}
