using Microsoft.EntityFrameworkCore;
using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Server.Data;
using Parley.Server.Moderation;

namespace Parley.Server.Hubs;

internal sealed partial class RoomHub
{
    /// <summary>
    /// A moderator bans someone by user name, whether or not they are in the room; with
    /// <paramref name="everywhere"/>, also from every room the moderator hosts from now on. Someone
    /// present is removed at once (the same ParticipantRemoved event as a removal).
    /// </summary>
    public async Task BanUser(string roomId, string userName, bool everywhere)
    {
        var moderatorId = UserId;
        var target = await users.FindByNameAsync(userName ?? "") ?? throw Refuse(RoomErrorCode.BadRequest, $"nobody is called '{userName}'");
        Ensure(await ModerationGrain(roomId).BanAsync(moderatorId, target.Id));
        var now = time.GetUtcNow();
        if (!await db.RoomBans.AnyAsync(b => b.UserId == target.Id && b.RoomId == roomId))
        {
            db.RoomBans.Add(new RoomBan { RoomId = roomId, ModeratorId = moderatorId, UserId = target.Id, CreatedAt = now });
        }
        if (everywhere && !await db.RoomBans.AnyAsync(b => b.UserId == target.Id && b.RoomId == null && b.ModeratorId == moderatorId))
        {
            db.RoomBans.Add(new RoomBan { RoomId = null, ModeratorId = moderatorId, UserId = target.Id, CreatedAt = now });
        }
        await db.SaveChangesAsync();
        await AuditLog.WriteAsync(db, time, moderatorId, everywhere ? "BanUserEverywhere" : ModerationHubMethods.BanUser, target.Id, roomId);
    }

    /// <summary>A moderator lifts the room's ban (a host-wide ban is lifted in the API, by its owner).</summary>
    public async Task UnbanUser(string roomId, string userName)
    {
        var moderatorId = UserId;
        var summary = await Grain(roomId).GetSummaryAsync();
        if (!summary.ModeratorIds.Contains(moderatorId))
        {
            throw Refuse(RoomErrorCode.Forbidden, "only a moderator may do that");
        }
        var target = await users.FindByNameAsync(userName ?? "") ?? throw Refuse(RoomErrorCode.BadRequest, $"nobody is called '{userName}'");
        await db.RoomBans.Where(b => b.UserId == target.Id && b.RoomId == roomId).ExecuteDeleteAsync();
        await ModerationGrain(roomId).UnbanAsync(target.Id);
        await AuditLog.WriteAsync(db, time, moderatorId, ModerationHubMethods.UnbanUser, target.Id, roomId);
    }

    public async Task HandOver(string roomId, string userId) => Ensure(await ModerationGrain(roomId).HandOverAsync(UserId, Target(userId)));

    public async Task AcceptNextHand(string roomId) => Ensure(await ModerationGrain(roomId).AcceptNextHandAsync(UserId));

    public async Task ClearHands(string roomId) => Ensure(await ModerationGrain(roomId).ClearHandsAsync(UserId));

    public async Task MuteAllSpeakers(string roomId) => Ensure(await ModerationGrain(roomId).MuteAllSpeakersAsync(UserId));

    private IRoomModerationGrain ModerationGrain(string roomId)
    {
        Check(roomId);
        return grains.GetGrain<IRoomModerationGrain>(roomId);
    }
}
