using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Server.Data;
using Parley.Server.Rooms;

namespace Parley.Server.Hubs;

/// <summary>
/// The room hub (<c>/hubs/room</c>). Every method acts as the authenticated caller; the server
/// checks what the database knows (the room exists, is live and visible to the caller) and the
/// grain checks the stage rules (roles, removals, hand raising). A refusal is a
/// <see cref="HubException"/> whose message is <c>"code: sentence"</c>. Deltas reach the caller
/// through <see cref="RoomEventRelay"/> as <c>RoomEvent</c> envelopes, audience churn folded.
/// </summary>
[Authorize]
internal sealed partial class RoomHub(
    IGrainFactory grains,
    ParleyDbContext db,
    UserManager<ParleyUser> users,
    RoomAccess access,
    RoomPresence presence,
    RoomEventRelay relay,
    DisconnectGrace grace,
    TimeProvider time) : Hub
{
    private string UserId => Context.UserIdentifier ?? throw Refuse(RoomErrorCode.Forbidden, "sign in first");

    /// <summary>
    /// Enters a room (as audience) or re-enters it keeping the role; returns the caller's bounded
    /// snapshot (the stage, hands, invitations, themself, the first faces and the audience count).
    /// </summary>
    public async Task<RoomSnapshot> JoinRoom(string roomId)
    {
        var userId = UserId;
        var found = await access.FindVisibleAsync(roomId, userId, Context.ConnectionAborted);
        if (found is not var (room, _))
        {
            throw Refuse(RoomErrorCode.NotFound, "there is no such room, or it is not open to you");
        }
        if (room.EndedAt is not null)
        {
            throw Refuse(RoomErrorCode.RoomEnded, "the room has ended");
        }
        var user = await users.FindByIdAsync(userId) ?? throw Refuse(RoomErrorCode.Forbidden, "this account no longer exists");

        // Group and subscription first, so no event after the snapshot is missed; the client
        // drops events at or below the snapshot's version.
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomEventRelay.Group(room.Id), Context.ConnectionAborted);
        presence.Add(Context.ConnectionId, room.Id, userId);
        await relay.EnsureSubscribedAsync(room.Id);
        var result = await grains.GetGrain<IRoomGrain>(room.Id).JoinAsync(new RoomMember(userId, user.UserName!, user.DisplayName));
        if (result.Snapshot is null)
        {
            presence.Remove(Context.ConnectionId, room.Id, userId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomEventRelay.Group(room.Id));
            throw Refuse(result.Error ?? RoomErrorCode.InvalidState, result.Message ?? "could not join");
        }
        await RecordParticipantAsync(room.Id, userId);
        return result.Snapshot;
    }

    /// <summary>Leaves quietly.</summary>
    public async Task LeaveRoom(string roomId)
    {
        var userId = UserId;
        Check(roomId);
        presence.Remove(Context.ConnectionId, roomId, userId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, RoomEventRelay.Group(roomId));
        Ensure(await Grain(roomId).LeaveAsync(userId));
    }

    public async Task RaiseHand(string roomId) => Ensure(await Grain(roomId).RaiseHandAsync(UserId));

    public async Task LowerHand(string roomId) => Ensure(await Grain(roomId).LowerHandAsync(UserId));

    public async Task InviteToSpeak(string roomId, string userId) => Ensure(await Grain(roomId).InviteToSpeakAsync(UserId, Target(userId)));

    public async Task AcceptSpeakInvite(string roomId) => Ensure(await Grain(roomId).AcceptSpeakInviteAsync(UserId));

    public async Task DeclineSpeakInvite(string roomId) => Ensure(await Grain(roomId).DeclineSpeakInviteAsync(UserId));

    public async Task MoveToAudience(string roomId, string userId) => Ensure(await Grain(roomId).MoveToAudienceAsync(UserId, Target(userId)));

    public async Task StepDown(string roomId) => Ensure(await Grain(roomId).StepDownAsync(UserId));

    public async Task MuteSpeaker(string roomId, string userId) => Ensure(await Grain(roomId).MuteSpeakerAsync(UserId, Target(userId)));

    public async Task SetSelfMuted(string roomId, bool muted) => Ensure(await Grain(roomId).SetSelfMutedAsync(UserId, muted));

    public async Task MakeModerator(string roomId, string userId) => Ensure(await Grain(roomId).MakeModeratorAsync(UserId, Target(userId)));

    public async Task RemoveParticipant(string roomId, string userId) => Ensure(await Grain(roomId).RemoveParticipantAsync(UserId, Target(userId)));

    public async Task SetHandRaisingEnabled(string roomId, bool enabled) => Ensure(await Grain(roomId).SetHandRaisingEnabledAsync(UserId, enabled));

    public async Task EndRoom(string roomId) => Ensure(await Grain(roomId).EndAsync(UserId));

    /// <summary>A dropped connection leaves its rooms only after the grace period, so a quick reconnect keeps the role.</summary>
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var (roomId, userId) in presence.RemoveConnection(Context.ConnectionId))
        {
            grace.Schedule(roomId, userId);
        }
        return base.OnDisconnectedAsync(exception);
    }

    private IRoomGrain Grain(string roomId)
    {
        Check(roomId);
        return grains.GetGrain<IRoomGrain>(roomId);
    }

    private static void Check(string roomId)
    {
        if (!RoomIds.IsWellFormed(roomId))
        {
            throw Refuse(RoomErrorCode.NotFound, "there is no such room");
        }
    }

    private static string Target(string userId) =>
        string.IsNullOrWhiteSpace(userId) || userId.Length > 64 ? throw Refuse(RoomErrorCode.BadRequest, "the user id is missing or malformed") : userId;

    private static void Ensure(StageResult result)
    {
        if (result.Error is { } code)
        {
            throw Refuse(code, result.Message ?? "refused");
        }
    }

    internal static HubException Refuse(RoomErrorCode code, string sentence) => new($"{code.ToWire()}: {sentence}");

    private async Task RecordParticipantAsync(string roomId, string userId)
    {
        if (!await db.RoomParticipants.AnyAsync(p => p.RoomId == roomId && p.UserId == userId))
        {
            db.RoomParticipants.Add(new RoomParticipantRecord { RoomId = roomId, UserId = userId, FirstJoinedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Another connection of the same person recorded it first.
            }
        }
    }
}
