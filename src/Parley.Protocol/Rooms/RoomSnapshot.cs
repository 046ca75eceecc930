namespace Parley.Protocol.Rooms;

/// <summary>
/// The whole live state of a room at <see cref="Version"/>. A client applies events with a
/// higher version on top of it and ignores events with a version at or below it.
/// </summary>
/// <param name="RoomId">The room id.</param>
/// <param name="Version">The version of the last event applied; events continue at Version + 1.</param>
/// <param name="Title">1–60 characters.</param>
/// <param name="Description">Optional description.</param>
/// <param name="Topics">Up to 3 topics.</param>
/// <param name="Visibility">Who may enter.</param>
/// <param name="HandRaisingEnabled">Whether the audience may raise hands.</param>
/// <param name="Ended">Whether the room has ended.</param>
/// <param name="Participants">Everyone in the room, in the order they joined.</param>
public sealed record RoomSnapshot(
    string RoomId,
    long Version,
    string Title,
    string? Description,
    IReadOnlyList<string> Topics,
    RoomVisibility Visibility,
    bool HandRaisingEnabled,
    bool Ended,
    IReadOnlyList<Participant> Participants);
