using Parley.Server.Data;

namespace Parley.Server.Moderation;

/// <summary>Writes audit entries (every moderator and admin action).</summary>
internal static class AuditLog
{
    public static async Task WriteAsync(
        ParleyDbContext db, TimeProvider time, string actorId, string action, string? targetUserId, string? roomId, string? detail = null)
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = actorId,
            Action = action,
            TargetUserId = targetUserId,
            RoomId = roomId,
            Detail = detail,
        });
        await db.SaveChangesAsync();
    }
}
