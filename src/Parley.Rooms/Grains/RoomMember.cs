namespace Parley.Rooms;

/// <summary>The authenticated person who joins a room (the server fills it from the account).</summary>
/// <param name="UserId">Account id.</param>
/// <param name="UserName">User name.</param>
/// <param name="DisplayName">Name shown.</param>
[GenerateSerializer, Immutable]
public sealed record RoomMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string UserName,
    [property: Id(2)] string DisplayName);
