namespace Parley.Server.Data;

/// <summary>
/// An invite. The code is kept in clear so its creator can copy it again from the invites page;
/// it is single use, expires, and can be revoked by its creator.
/// </summary>
public sealed class InviteRecord
{
    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>Null for the admin invite printed at first start.</summary>
    public string? CreatedById { get; set; }

    public ParleyUser? CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string? UsedById { get; set; }

    public ParleyUser? UsedBy { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Whoever redeems it becomes an admin.</summary>
    public bool GrantsAdmin { get; set; }
}
