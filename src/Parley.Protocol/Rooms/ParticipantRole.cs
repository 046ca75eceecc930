using System.Text.Json.Serialization;

namespace Parley.Protocol.Rooms;

/// <summary>A participant's role in a room. Serialised as a lower-case string.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ParticipantRole>))]
public enum ParticipantRole
{
    /// <summary>In the audience: listens, may raise a hand.</summary>
    [JsonStringEnumMemberName("audience")] Audience,

    /// <summary>On stage: may speak.</summary>
    [JsonStringEnumMemberName("speaker")] Speaker,

    /// <summary>On stage and runs the room.</summary>
    [JsonStringEnumMemberName("moderator")] Moderator,
}
