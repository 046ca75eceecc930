namespace Parley.Server.Data;

/// <summary>
/// A ban: from one room (<see cref="RoomId"/> set), or from every room the moderator hosts (null:
/// rooms they created or moderate, from now on).
/// </summary>
public sealed class RoomBan
{
    public long Id { get; set; }

    public string? RoomId { get; set; }

    public required string ModeratorId { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A member blocks another: the blocked one cannot see or join rooms the blocker moderates.</summary>
public sealed class Block
{
    public required string BlockerId { get; set; }

    public required string BlockedId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A report of a user or a room, with who was on stage when it was made.</summary>
public sealed class Report
{
    public long Id { get; set; }

    public required string ReporterId { get; set; }

    public string? TargetUserId { get; set; }

    public string? RoomId { get; set; }

    public required string Reason { get; set; }

    /// <summary>The room's stage (user ids) when the report was made; empty without a room.</summary>
    public List<string> StageUserIds { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>open, warned, suspended or dismissed.</summary>
    public string Status { get; set; } = ReportStatus.Open;

    public string? ResolvedById { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
}

public static class ReportStatus
{
    public const string Open = "open";
    public const string Warned = "warned";
    public const string Suspended = "suspended";
    public const string Dismissed = "dismissed";
}

/// <summary>One moderator or admin action: who did what to whom, where and when.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorId { get; set; }

    public required string Action { get; set; }

    public string? TargetUserId { get; set; }

    public string? RoomId { get; set; }

    public string? Detail { get; set; }
}

/// <summary>An in-app notification: a ping into a room (with its link) or an admin's warning.</summary>
public sealed class Notification
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>ping or warning.</summary>
    public required string Kind { get; set; }

    public string? FromUserId { get; set; }

    public string? RoomId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
