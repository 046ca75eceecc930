using Microsoft.EntityFrameworkCore;
using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Server.Data;

namespace Parley.Server.Rooms;

/// <summary>
/// Who may see and enter a room. Metadata (visibility, creator, invitees) and follows are in the
/// database; the current moderators are the grain's (it owns roles), read from its summary.
/// Social rooms are for people followed by one of the moderators (Clubhouse's "social" rooms);
/// closed rooms for the people a moderator invited. Moderators and the creator may always enter.
/// </summary>
internal sealed class RoomAccess(ParleyDbContext db, IGrainFactory grains, TimeProvider time)
{
    /// <summary>The room record and live summary if the caller may see it; null otherwise (answer 404).</summary>
    public async Task<(RoomRecord Room, RoomSummary Summary)?> FindVisibleAsync(string roomId, string userId, CancellationToken cancellationToken)
    {
        if (!RoomIds.IsWellFormed(roomId))
        {
            return null;
        }
        var room = await db.Rooms.Include(r => r.CreatedBy).SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        if (room is null)
        {
            return null;
        }
        var summary = room.EndedAt is null ? await LiveSummaryAsync(room, cancellationToken) : RoomSummary.Missing;
        return await MayEnterAsync(room, summary, userId, cancellationToken) ? (room, summary) : null;
    }

    public async Task<bool> MayEnterAsync(RoomRecord room, RoomSummary summary, string userId, CancellationToken cancellationToken)
    {
        if (room.Visibility == RoomVisibility.Open || room.CreatedById == userId || summary.ModeratorIds.Contains(userId))
        {
            return true;
        }
        if (room.Visibility == RoomVisibility.Social)
        {
            var moderators = summary.ModeratorIds.Append(room.CreatedById).ToList();
            return await db.Follows.AnyAsync(f => f.FolloweeId == userId && moderators.Contains(f.FollowerId), cancellationToken);
        }
        return await db.RoomInvitees.AnyAsync(i => i.RoomId == room.Id && i.UserId == userId, cancellationToken);
    }

    /// <summary>
    /// The grain's summary of a room the database says is live. A grain that lost its state (the
    /// silo restarted) or ended without the database hearing of it: the record is ended here.
    /// </summary>
    public async Task<RoomSummary> LiveSummaryAsync(RoomRecord room, CancellationToken cancellationToken)
    {
        var summary = await grains.GetGrain<IRoomGrain>(room.Id).GetSummaryAsync();
        if (!summary.Exists || summary.Ended)
        {
            room.EndedAt ??= time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        return summary;
    }
}
