using Microsoft.EntityFrameworkCore;
using Parley.Protocol.Accounts;
using Parley.Server.Accounts;
using Parley.Server.Data;

namespace Parley.Server.Api;

/// <summary>Builds <see cref="Me"/> and <see cref="Profile"/> with their counts.</summary>
internal static class UserViews
{
    public static async Task<Me> MeAsync(ParleyDbContext db, InviteService invites, ParleyUser user, CancellationToken cancellationToken)
    {
        var (followers, following) = await CountsAsync(db, user.Id, cancellationToken);
        return new Me(
            user.Id,
            user.UserName!,
            user.DisplayName,
            user.Bio,
            user.JoinedAt,
            await NominatorAsync(db, user, cancellationToken),
            followers,
            following,
            user.IsAdmin,
            await invites.InvitesLeftAsync(user, cancellationToken));
    }

    public static async Task<Profile> ProfileAsync(ParleyDbContext db, ParleyUser user, string callerId, CancellationToken cancellationToken)
    {
        var (followers, following) = await CountsAsync(db, user.Id, cancellationToken);
        var isFollowing = await db.Follows.AnyAsync(f => f.FollowerId == callerId && f.FolloweeId == user.Id, cancellationToken);
        var followsYou = await db.Follows.AnyAsync(f => f.FollowerId == user.Id && f.FolloweeId == callerId, cancellationToken);
        return new Profile(
            user.Id,
            user.UserName!,
            user.DisplayName,
            user.Bio,
            user.JoinedAt,
            await NominatorAsync(db, user, cancellationToken),
            followers,
            following,
            isFollowing,
            followsYou);
    }

    public static UserRef Ref(ParleyUser user) => new(user.UserName!, user.DisplayName);

    private static async Task<(int Followers, int Following)> CountsAsync(ParleyDbContext db, string userId, CancellationToken cancellationToken) =>
        (await db.Follows.CountAsync(f => f.FolloweeId == userId, cancellationToken),
         await db.Follows.CountAsync(f => f.FollowerId == userId, cancellationToken));

    private static async Task<UserRef?> NominatorAsync(ParleyDbContext db, ParleyUser user, CancellationToken cancellationToken)
    {
        if (user.NominatedById is null)
        {
            return null;
        }
        var nominator = await db.Users.FindAsync([user.NominatedById], cancellationToken);
        return nominator is null ? null : Ref(nominator);
    }
}
