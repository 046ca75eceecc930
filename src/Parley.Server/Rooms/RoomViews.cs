using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Server.Api;
using Parley.Server.Data;

namespace Parley.Server.Rooms;

internal static class RoomViews
{
    public static Room View(RoomRecord room, RoomSummary summary)
    {
        var live = room.EndedAt is null && summary.Exists && !summary.Ended;
        return new Room(
            room.Id,
            room.Title,
            room.Description,
            room.Topics,
            room.Visibility,
            UserViews.Ref(room.CreatedBy!),
            room.CreatedAt,
            room.EndedAt,
            live,
            live ? summary.SpeakerCount : 0,
            live ? summary.ListenerCount : 0,
            live ? summary.Speakers : []);
    }
}
