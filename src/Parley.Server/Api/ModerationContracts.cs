namespace Parley.Server.Api;

/// <summary>A person as moderation views list them (id for matching against a room's participants).</summary>
public sealed record PersonRef(string Id, string UserName, string DisplayName);

public sealed record BlockView(PersonRef User, DateTimeOffset CreatedAt);

/// <summary>A ban; <c>RoomId</c> null: every room the moderator hosts.</summary>
public sealed record BanView(long Id, string? RoomId, PersonRef User, PersonRef Moderator, DateTimeOffset CreatedAt);

public sealed record BanRequest(string? UserName, bool Everywhere);

public sealed record PingRequest(string? UserName);

public sealed record NotificationView(long Id, string Kind, PersonRef? From, string? RoomId, string? Link, string Text, DateTimeOffset CreatedAt, bool Read);

public sealed record AuditView(long Id, DateTimeOffset At, PersonRef? Actor, string Action, PersonRef? Target, string? RoomId, string? Detail);

public sealed record ReportRequest(string? UserName, string? RoomId, string? Reason);

public sealed record ReportView(
    long Id,
    PersonRef? Reporter,
    PersonRef? Target,
    string? RoomId,
    string Reason,
    IReadOnlyList<PersonRef> Stage,
    DateTimeOffset CreatedAt,
    string Status,
    DateTimeOffset? ResolvedAt);

public sealed record ResolveRequest(string? Note);
