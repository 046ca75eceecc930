using Parley.Protocol.Rooms;

namespace Parley.Rooms;

/// <summary>What the hallway and the authorisation checks read from a live room.</summary>
/// <param name="Exists">False when the grain was never set up (or lost its state, e.g. after a restart).</param>
/// <param name="Ended">The room has ended.</param>
/// <param name="Version">Current version.</param>
/// <param name="SpeakerCount">Moderators and speakers.</param>
/// <param name="ListenerCount">Audience.</param>
/// <param name="Speakers">Up to 6 people on stage, moderators first.</param>
/// <param name="StageUserIds">Everyone on stage.</param>
/// <param name="ModeratorIds">The current moderators.</param>
[GenerateSerializer, Immutable]
public sealed record RoomSummary(
    [property: Id(0)] bool Exists,
    [property: Id(1)] bool Ended,
    [property: Id(2)] long Version,
    [property: Id(3)] int SpeakerCount,
    [property: Id(4)] int ListenerCount,
    [property: Id(5)] RoomSpeaker[] Speakers,
    [property: Id(6)] string[] StageUserIds,
    [property: Id(7)] string[] ModeratorIds)
{
    public static readonly RoomSummary Missing = new(false, true, 0, 0, 0, [], [], []);
}
