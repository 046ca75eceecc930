using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Server.Data;
using Parley.Server.Hosting;

namespace Parley.Server.Accounts;

/// <summary>Why an invite cannot be redeemed.</summary>
internal enum InviteState
{
    Valid,
    Unknown,
    Used,
    Expired,
    Revoked,
}

/// <summary>Creating, checking and counting invites.</summary>
internal sealed class InviteService(ParleyDbContext db, TimeProvider time, IOptions<ParleyOptions> options)
{
    private readonly InviteOptions _options = options.Value.Invites;

    public async Task<InviteRecord> CreateAsync(string? createdById, bool grantsAdmin, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var invite = new InviteRecord
        {
            Code = InviteCodes.Create(),
            CreatedById = createdById,
            CreatedAt = now,
            ExpiresAt = now + _options.Lifetime,
            GrantsAdmin = grantsAdmin,
        };
        db.Invites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        return invite;
    }

    /// <summary>Invites left for a member; null for admins (no quota). Revoked unused invites give their place back.</summary>
    public async Task<int?> InvitesLeftAsync(ParleyUser user, CancellationToken cancellationToken)
    {
        if (user.IsAdmin)
        {
            return null;
        }
        var spent = await db.Invites.CountAsync(i => i.CreatedById == user.Id && (i.RevokedAt == null || i.UsedById != null), cancellationToken);
        return Math.Max(0, _options.Quota - spent);
    }

    public async Task<(InviteState State, InviteRecord? Invite)> FindAsync(string? code, CancellationToken cancellationToken)
    {
        if (!InviteCodes.IsWellFormed(code))
        {
            return (InviteState.Unknown, null);
        }
        var invite = await db.Invites.Include(i => i.CreatedBy).SingleOrDefaultAsync(i => i.Code == code, cancellationToken);
        return (StateOf(invite), invite);
    }

    public InviteState StateOf(InviteRecord? invite) => invite switch
    {
        null => InviteState.Unknown,
        { UsedById: not null } => InviteState.Used,
        { RevokedAt: not null } => InviteState.Revoked,
        _ when invite.ExpiresAt <= time.GetUtcNow() => InviteState.Expired,
        _ => InviteState.Valid,
    };

    /// <summary>
    /// Marks the invite used by <paramref name="userId"/> if nobody used, revoked or outran it
    /// meanwhile: a conditional update, so two sign-ups racing for one code cannot both win.
    /// </summary>
    public async Task<bool> TryClaimAsync(long inviteId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await db.Invites
            .Where(i => i.Id == inviteId && i.UsedById == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedById, userId).SetProperty(i => i.UsedAt, now), cancellationToken);
        return claimed == 1;
    }
}
