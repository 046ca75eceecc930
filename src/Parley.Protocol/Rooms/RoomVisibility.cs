using System.Text.Json.Serialization;

namespace Parley.Protocol.Rooms;

/// <summary>Who may see and enter a room. Serialised as a lower-case string.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoomVisibility>))]
public enum RoomVisibility
{
    /// <summary>Anyone signed in.</summary>
    [JsonStringEnumMemberName("open")] Open,

    /// <summary>People followed by one of the room's moderators (and the moderators).</summary>
    [JsonStringEnumMemberName("social")] Social,

    /// <summary>Only people a moderator invited (and the moderators).</summary>
    [JsonStringEnumMemberName("closed")] Closed,
}
