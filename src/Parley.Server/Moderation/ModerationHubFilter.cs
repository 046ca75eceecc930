using Microsoft.AspNetCore.SignalR;
using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Server.Data;
using Parley.Server.Hubs;
using Parley.Server.Rooms;

namespace Parley.Server.Moderation;

/// <summary>
/// Moderation around every room hub call: a suspended account is refused everything; JoinRoom
/// (which is also how a client reconnects) is refused for a banned person with <c>removed</c>;
/// joins and hand raises are rate limited per member; and every successful moderator action on
/// the existing hub methods is written to the audit log (the moderation methods write their own).
/// </summary>
internal sealed class ModerationHubFilter(UserRateLimits limits, TimeProvider time) : IHubFilter
{
    /// <summary>Moderator actions audited here: method name → whether argument 1 is the target user id.</summary>
    private static readonly Dictionary<string, bool> Audited = new(StringComparer.Ordinal)
    {
        [RoomHubMethods.InviteToSpeak] = true,
        [RoomHubMethods.MoveToAudience] = true,
        [RoomHubMethods.MuteSpeaker] = true,
        [RoomHubMethods.MakeModerator] = true,
        [RoomHubMethods.RemoveParticipant] = true,
        [RoomHubMethods.SetHandRaisingEnabled] = false,
        [RoomHubMethods.EndRoom] = false,
        [ModerationHubMethods.HandOver] = true,
        [ModerationHubMethods.AcceptNextHand] = false,
        [ModerationHubMethods.ClearHands] = false,
        [ModerationHubMethods.MuteAllSpeakers] = false,
    };

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var userId = invocationContext.Context.UserIdentifier;
        var method = invocationContext.HubMethodName;
        if (userId is null)
        {
            return await next(invocationContext);
        }
        var db = invocationContext.ServiceProvider.GetRequiredService<ParleyDbContext>();
        var aborted = invocationContext.Context.ConnectionAborted;
        if (await SafetyRules.IsSuspendedAsync(db, userId, aborted))
        {
            invocationContext.Context.Abort();
            throw RoomHub.Refuse(RoomErrorCode.Forbidden, "this account is suspended");
        }
        if (method == RoomHubMethods.JoinRoom)
        {
            await CheckJoinAsync(invocationContext, db, userId);
        }
        else if (method == RoomHubMethods.RaiseHand && !limits.TryAcquire(LimitKind.HandRaise, userId))
        {
            throw RoomHub.Refuse(RoomErrorCode.RateLimited, "too many raised hands; wait a minute");
        }
        var result = await next(invocationContext);
        if (Audited.TryGetValue(method, out var hasTarget) && invocationContext.HubMethodArguments is [string roomId, ..] args)
        {
            var target = hasTarget && args.Count > 1 ? args[1] as string : null;
            var detail = method == RoomHubMethods.SetHandRaisingEnabled && args.Count > 1 ? $"enabled={args[1]}" : null;
            await AuditLog.WriteAsync(db, time, userId, method, target, roomId, detail);
        }
        return result;
    }

    private async Task CheckJoinAsync(HubInvocationContext invocationContext, ParleyDbContext db, string userId)
    {
        if (!limits.TryAcquire(LimitKind.Join, userId))
        {
            throw RoomHub.Refuse(RoomErrorCode.RateLimited, "too many joins; wait a minute");
        }
        if (invocationContext.HubMethodArguments is not [string roomId, ..] || !RoomIds.IsWellFormed(roomId))
        {
            return;
        }
        var room = await db.Rooms.FindAsync([roomId], invocationContext.Context.ConnectionAborted);
        if (room is null || room.CreatedById == userId)
        {
            return;
        }
        var grains = invocationContext.ServiceProvider.GetRequiredService<IGrainFactory>();
        var summary = await grains.GetGrain<IRoomGrain>(roomId).GetSummaryAsync();
        if (await SafetyRules.IsBannedAsync(db, roomId, summary.ModeratorIds.Append(room.CreatedById), userId, invocationContext.Context.ConnectionAborted))
        {
            throw RoomHub.Refuse(RoomErrorCode.Removed, "you are banned from this room");
        }
    }
}
