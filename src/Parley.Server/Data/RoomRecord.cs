using Parley.Protocol.Rooms;

namespace Parley.Server.Data;

/// <summary>
/// A room's persistent record: its metadata (checked by the server for authorisation before any
/// call to the room grain) and its history. Live state is the grain's.
/// </summary>
public sealed class RoomRecord
{
    public required string Id { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public List<string> Topics { get; set; } = [];

    public RoomVisibility Visibility { get; set; }

    public required string CreatedById { get; set; }

    public ParleyUser? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>Someone who was in a room (room history).</summary>
public sealed class RoomParticipantRecord
{
    public required string RoomId { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset FirstJoinedAt { get; set; }
}

/// <summary>Someone a moderator invited to a closed room.</summary>
public sealed class RoomInvitee
{
    public required string RoomId { get; set; }

    public required string UserId { get; set; }

    public required string InvitedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
