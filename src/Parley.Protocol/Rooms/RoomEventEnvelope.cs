namespace Parley.Protocol.Rooms;

/// <summary>
/// What the hub sends as <c>RoomEvent</c>: one event of one room with its version. Versions of a
/// room increase by exactly one per event; a client that sees a gap calls <c>JoinRoom</c> again.
/// </summary>
/// <param name="RoomId">The room.</param>
/// <param name="Version">This event's version.</param>
/// <param name="Event">The event.</param>
public sealed record RoomEventEnvelope(string RoomId, long Version, RoomEvent Event);
