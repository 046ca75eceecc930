using Parley.Protocol.Rooms;

namespace Parley.Rooms;

/// <summary>
/// The outcome of a stage action: success, or a typed refusal. A value, not an exception, so it
/// crosses the grain boundary cheaply and the hub maps it to <c>HubException("code: sentence")</c>.
/// </summary>
/// <param name="Error">Null on success.</param>
/// <param name="Message">The refusal's sentence.</param>
/// <param name="Version">The room's version after the action.</param>
[GenerateSerializer, Immutable]
public sealed record StageResult(
    [property: Id(0)] RoomErrorCode? Error,
    [property: Id(1)] string? Message,
    [property: Id(2)] long Version)
{
    public bool Succeeded => Error is null;
}

/// <summary>The outcome of joining: the snapshot on success (it includes the caller).</summary>
/// <param name="Error">Null on success.</param>
/// <param name="Message">The refusal's sentence.</param>
/// <param name="Snapshot">The room after the join.</param>
[GenerateSerializer, Immutable]
public sealed record JoinResult(
    [property: Id(0)] RoomErrorCode? Error,
    [property: Id(1)] string? Message,
    [property: Id(2)] RoomSnapshot? Snapshot);
