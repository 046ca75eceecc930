using Parley.Protocol.Rooms;

namespace Parley.Rooms;

/// <summary>
/// What a room grain needs from the room's persistent record (EF Core, owned by the server) when
/// the room starts. The grain keeps live state only; metadata used for authorisation
/// (visibility, invitees, follows) stays in the database and the server checks it before it
/// calls the grain. The grain is the authority for roles, so the server asks it for the current
/// moderators when a check depends on them (social and closed rooms).
/// </summary>
/// <param name="Title">1–60 characters.</param>
/// <param name="Description">Optional.</param>
/// <param name="Topics">Up to 3.</param>
/// <param name="Visibility">Open, social or closed.</param>
/// <param name="CreatedByUserId">The creator, who joins as the first moderator.</param>
[GenerateSerializer, Immutable]
public sealed record RoomSetup(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] string[] Topics,
    [property: Id(3)] RoomVisibility Visibility,
    [property: Id(4)] string CreatedByUserId);
