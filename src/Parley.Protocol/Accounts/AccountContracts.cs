namespace Parley.Protocol.Accounts;

/// <summary>A short reference to a user.</summary>
/// <param name="UserName">The unique user name.</param>
/// <param name="DisplayName">The name shown.</param>
public sealed record UserRef(string UserName, string DisplayName);

/// <summary><c>POST /api/v1/auth/register</c>: sign up with an invite code.</summary>
/// <param name="InviteCode">The code from the invite link.</param>
/// <param name="UserName">3–30 letters, digits, '_' or '.'; unique regardless of case.</param>
/// <param name="DisplayName">1–50 characters.</param>
/// <param name="Password">Identity's default rules (6+ characters with upper, lower, digit and symbol).</param>
public sealed record RegisterRequest(string? InviteCode, string? UserName, string? DisplayName, string? Password);

/// <summary><c>POST /api/v1/auth/login</c>.</summary>
/// <param name="UserName">User name, any case.</param>
/// <param name="Password">Password.</param>
public sealed record LoginRequest(string? UserName, string? Password);

/// <summary><c>PATCH /api/v1/me</c>: fields left null stay unchanged.</summary>
/// <param name="DisplayName">1–50 characters.</param>
/// <param name="Bio">Up to 280 characters.</param>
public sealed record UpdateMeRequest(string? DisplayName, string? Bio);

/// <summary>The signed-in user (<c>GET /api/v1/me</c>).</summary>
/// <param name="Id">Account id (the <c>userId</c> of room events).</param>
/// <param name="UserName">Unique user name.</param>
/// <param name="DisplayName">Name shown.</param>
/// <param name="Bio">Free text.</param>
/// <param name="JoinedAt">When they signed up.</param>
/// <param name="NominatedBy">Who invited them; null for the first admin.</param>
/// <param name="Followers">How many follow them.</param>
/// <param name="Following">How many they follow.</param>
/// <param name="IsAdmin">Admins have no invite quota.</param>
/// <param name="InvitesLeft">Invites they may still create; null = unlimited.</param>
public sealed record Me(
    string Id,
    string UserName,
    string DisplayName,
    string Bio,
    DateTimeOffset JoinedAt,
    UserRef? NominatedBy,
    int Followers,
    int Following,
    bool IsAdmin,
    int? InvitesLeft);

/// <summary>Someone's public profile (<c>GET /api/v1/users/{userName}</c>).</summary>
/// <param name="Id">Account id.</param>
/// <param name="UserName">Unique user name.</param>
/// <param name="DisplayName">Name shown.</param>
/// <param name="Bio">Free text.</param>
/// <param name="JoinedAt">When they signed up.</param>
/// <param name="NominatedBy">Who invited them.</param>
/// <param name="Followers">How many follow them.</param>
/// <param name="Following">How many they follow.</param>
/// <param name="IsFollowing">Whether the caller follows them.</param>
/// <param name="FollowsYou">Whether they follow the caller.</param>
public sealed record Profile(
    string Id,
    string UserName,
    string DisplayName,
    string Bio,
    DateTimeOffset JoinedAt,
    UserRef? NominatedBy,
    int Followers,
    int Following,
    bool IsFollowing,
    bool FollowsYou);

/// <summary>An invite the caller created.</summary>
/// <param name="Code">The secret code (128 bits, base64url).</param>
/// <param name="Url">The link to share: <c>{origin}/invite/{code}</c>.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="UsedBy">Who signed up with it, or null.</param>
/// <param name="UsedAt">When, or null.</param>
/// <param name="Revoked">Whether its creator revoked it.</param>
public sealed record Invite(
    string Code,
    string Url,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    UserRef? UsedBy,
    DateTimeOffset? UsedAt,
    bool Revoked);

/// <summary>What the sign-up page shows before redeeming (<c>GET /api/v1/invites/{code}/preview</c>).</summary>
/// <param name="Code">The code.</param>
/// <param name="InvitedBy">Who created it; null for the admin invite printed at first start.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record InvitePreview(string Code, UserRef? InvitedBy, DateTimeOffset ExpiresAt);
