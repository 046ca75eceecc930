namespace Parley.Protocol.Rooms;

/// <summary><c>POST /api/v1/rooms</c>.</summary>
/// <param name="Title">1–60 characters.</param>
/// <param name="Description">Up to 500 characters.</param>
/// <param name="Topics">Up to 3 topics of 1–30 characters.</param>
/// <param name="Visibility">Open, social or closed (default open).</param>
/// <param name="Invitees">User names invited to a closed room.</param>
public sealed record CreateRoomRequest(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Topics,
    RoomVisibility? Visibility,
    IReadOnlyList<string>? Invitees);

/// <summary><c>POST /api/v1/rooms/{id}/invitees</c>.</summary>
/// <param name="UserName">Who to invite.</param>
public sealed record AddInviteeRequest(string? UserName);

/// <summary>Someone on stage, as the hallway shows them.</summary>
/// <param name="UserId">Account id.</param>
/// <param name="UserName">User name.</param>
/// <param name="DisplayName">Name shown.</param>
/// <param name="Role">Moderator or speaker.</param>
public sealed record RoomSpeaker(string UserId, string UserName, string DisplayName, ParticipantRole Role);

/// <summary>A room as the hallway, the room page header and the history show it.</summary>
/// <param name="Id">Room id.</param>
/// <param name="Title">Title.</param>
/// <param name="Description">Description or null.</param>
/// <param name="Topics">Topics.</param>
/// <param name="Visibility">Visibility.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="EndedAt">When it ended, or null while live.</param>
/// <param name="IsLive">Not ended.</param>
/// <param name="SpeakerCount">Moderators and speakers on stage now.</param>
/// <param name="ListenerCount">People in the audience now.</param>
/// <param name="Speakers">Up to 6 people on stage, moderators first.</param>
public sealed record Room(
    string Id,
    string Title,
    string? Description,
    IReadOnlyList<string> Topics,
    RoomVisibility Visibility,
    Accounts.UserRef CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    bool IsLive,
    int SpeakerCount,
    int ListenerCount,
    IReadOnlyList<RoomSpeaker> Speakers);

/// <summary>A list of rooms (<c>GET /api/v1/hallway</c>, <c>GET /api/v1/rooms/history</c>).</summary>
/// <param name="Rooms">The rooms.</param>
public sealed record RoomList(IReadOnlyList<Room> Rooms);
