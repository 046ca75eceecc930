using Microsoft.EntityFrameworkCore;
using Parley.Server.Data;

namespace Parley.Server.Moderation;

/// <summary>
/// Bans and blocks as the server enforces them. A room's hosts are its creator and its current
/// moderators: a host-wide ban by any of them, a ban from the room, or a block by any of them
/// keeps the person out (bans: refused with <c>removed</c>; blocks: the room is hidden).
/// </summary>
internal static class SafetyRules
{
    public static async Task<bool> IsBannedAsync(
        ParleyDbContext db, string roomId, IEnumerable<string> hostIds, string userId, CancellationToken cancellationToken)
    {
        var hosts = hostIds.ToList();
        return await db.RoomBans.AnyAsync(
            b => b.UserId == userId && (b.RoomId == roomId || (b.RoomId == null && hosts.Contains(b.ModeratorId))),
            cancellationToken);
    }

    public static async Task<bool> IsBlockedByAnyAsync(
        ParleyDbContext db, IEnumerable<string> hostIds, string userId, CancellationToken cancellationToken)
    {
        var hosts = hostIds.ToList();
        return await db.Blocks.AnyAsync(b => b.BlockedId == userId && hosts.Contains(b.BlockerId), cancellationToken);
    }

    /// <summary>Banned from the room or blocked by one of its hosts.</summary>
    public static async Task<bool> IsShutOutAsync(
        ParleyDbContext db, string roomId, IEnumerable<string> hostIds, string userId, CancellationToken cancellationToken)
    {
        var hosts = hostIds.ToList();
        return await IsBannedAsync(db, roomId, hosts, userId, cancellationToken)
            || await IsBlockedByAnyAsync(db, hosts, userId, cancellationToken);
    }

    public static async Task<bool> IsSuspendedAsync(ParleyDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Users.AnyAsync(u => u.Id == userId && u.SuspendedAt != null, cancellationToken);
}
