namespace Parley.Protocol.Rooms;

/// <summary>
/// The live state of a room at <see cref="Version"/> as one person sees it: bounded by the stage,
/// not by the audience (DESIGN.md §2). A client applies envelopes with a higher version on top of
/// it and ignores those at or below it (see <see cref="RoomEventEnvelope"/>).
/// </summary>
/// <param name="RoomId">The room id.</param>
/// <param name="Version">The version of the last event applied; events continue at Version + 1.</param>
/// <param name="Title">1–60 characters.</param>
/// <param name="Description">Optional description.</param>
/// <param name="Topics">Up to 3 topics.</param>
/// <param name="Visibility">Who may enter.</param>
/// <param name="HandRaisingEnabled">Whether the audience may raise hands.</param>
/// <param name="Ended">Whether the room has ended.</param>
/// <param name="Participants">
/// In join order: everyone on stage, every listener with a raised hand or a pending speak
/// invitation, the caller, and the first few audience members (the faces; 24 by default).
/// </param>
/// <param name="AudienceCount">How many people are in the audience, shown or not.</param>
public sealed record RoomSnapshot(
    string RoomId,
    long Version,
    string Title,
    string? Description,
    IReadOnlyList<string> Topics,
    RoomVisibility Visibility,
    bool HandRaisingEnabled,
    bool Ended,
    IReadOnlyList<Participant> Participants,
    int AudienceCount);
