namespace Parley.Protocol.Rooms;

/// <summary>
/// What the hub sends as <c>RoomEvent</c>: one event of one room with its version, or one
/// <see cref="AudienceChanged"/> that stands for the audience churn of the versions
/// <paramref name="FromVersion"/>..<paramref name="Version"/>. Versions of a room increase by
/// exactly one per grain event, and every version is in exactly one envelope, so a client at
/// version <c>v</c> applies an envelope when <c>FromVersion ≤ v + 1</c> and <c>Version &gt; v</c>
/// (a snapshot may fall inside a folded range: applying it again is safe, it sets state), ignores
/// it when <c>Version ≤ v</c>, and calls <c>JoinRoom</c> again on a gap (<c>FromVersion &gt; v + 1</c>).
/// </summary>
/// <param name="RoomId">The room.</param>
/// <param name="Version">This event's version (the last one covered).</param>
/// <param name="Event">The event.</param>
/// <param name="FromVersion">The first version covered; null means <paramref name="Version"/> (one event).</param>
/// <param name="AudienceCount">How many people are in the audience after this envelope (null only from an old server).</param>
/// <param name="Faces">
/// When not null, the first few audience members (in join order) after this envelope: a client
/// replaces the plain audience faces it shows (listeners with no hand and no invitation, other than
/// itself) with these, keeping its own newer record of anyone it already holds. Null: unchanged.
/// </param>
public sealed record RoomEventEnvelope(
    string RoomId,
    long Version,
    RoomEvent Event,
    long? FromVersion = null,
    int? AudienceCount = null,
    IReadOnlyList<Participant>? Faces = null);
