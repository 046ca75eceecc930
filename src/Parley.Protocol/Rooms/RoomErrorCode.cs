using System.Text.Json.Serialization;

namespace Parley.Protocol.Rooms;

/// <summary>
/// Why a hub call was refused. On the wire it is the prefix of the <c>HubException</c> message,
/// <c>"&lt;code&gt;: &lt;human sentence&gt;"</c>, in snake_case (see <see cref="RoomErrorCodes"/>).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RoomErrorCode>))]
public enum RoomErrorCode
{
    /// <summary>The room does not exist, or the caller may not see it.</summary>
    [JsonStringEnumMemberName("not_found")] NotFound,

    /// <summary>The caller's role does not allow the action.</summary>
    [JsonStringEnumMemberName("forbidden")] Forbidden,

    /// <summary>The caller (or the target) is not in the room.</summary>
    [JsonStringEnumMemberName("not_in_room")] NotInRoom,

    /// <summary>The caller was removed from this room and cannot rejoin it.</summary>
    [JsonStringEnumMemberName("removed")] Removed,

    /// <summary>The room has ended.</summary>
    [JsonStringEnumMemberName("room_ended")] RoomEnded,

    /// <summary>A moderator turned hand raising off.</summary>
    [JsonStringEnumMemberName("hand_raising_disabled")] HandRaisingDisabled,

    /// <summary>The action does not fit the current state (e.g. accepting an invite never made).</summary>
    [JsonStringEnumMemberName("invalid_state")] InvalidState,

    /// <summary>Too many calls in a short time.</summary>
    [JsonStringEnumMemberName("rate_limited")] RateLimited,

    /// <summary>Malformed arguments.</summary>
    [JsonStringEnumMemberName("bad_request")] BadRequest,
}

/// <summary>The wire spelling of <see cref="RoomErrorCode"/> values.</summary>
public static class RoomErrorCodes
{
    /// <summary>The snake_case code, e.g. <c>not_in_room</c>.</summary>
    public static string ToWire(this RoomErrorCode code) => code switch
    {
        RoomErrorCode.NotFound => "not_found",
        RoomErrorCode.Forbidden => "forbidden",
        RoomErrorCode.NotInRoom => "not_in_room",
        RoomErrorCode.Removed => "removed",
        RoomErrorCode.RoomEnded => "room_ended",
        RoomErrorCode.HandRaisingDisabled => "hand_raising_disabled",
        RoomErrorCode.InvalidState => "invalid_state",
        RoomErrorCode.RateLimited => "rate_limited",
        RoomErrorCode.BadRequest => "bad_request",
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };

    /// <summary>Parses the prefix of a hub error message (<c>"removed: ..."</c>).</summary>
    public static RoomErrorCode? FromMessage(string? message)
    {
        if (message is null)
        {
            return null;
        }
        foreach (var code in Enum.GetValues<RoomErrorCode>())
        {
            var wire = code.ToWire();
            var at = message.IndexOf(wire + ":", StringComparison.Ordinal);
            // SignalR prefixes HubException messages with its own text on some paths; match anywhere.
            if (at >= 0 && (at == 0 || message[at - 1] is ' ' or '\''))
            {
                return code;
            }
        }
        return null;
    }
}
