using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Server.Data;
using Parley.Server.Moderation;
using Parley.Server.Rooms;

namespace Parley.Server.Api;

/// <summary>Blocks, bans, a room's audit log, pings and notifications (issue 6).</summary>
internal static class ModerationApi
{
    public static RouteGroupBuilder MapModerationApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Moderation");
        me.MapGet("/blocks", BlocksAsync);
        me.MapPut("/blocks/{userName}", BlockAsync);
        me.MapDelete("/blocks/{userName}", UnblockAsync);
        me.MapGet("/bans", HostBansAsync);
        me.MapDelete("/bans/{userName}", HostUnbanAsync);
        me.MapGet("/notifications", NotificationsAsync);
        me.MapPost("/notifications/read", ReadNotificationsAsync);
        var rooms = api.MapGroup("/rooms/{id}").WithTags("Moderation");
        rooms.MapGet("/bans", RoomBansAsync);
        rooms.MapPost("/bans", BanAsync);
        rooms.MapDelete("/bans/{userName}", RoomUnbanAsync);
        rooms.MapGet("/audit", RoomAuditAsync);
        rooms.MapPost("/pings", PingAsync);
        return api;
    }

    internal static async Task<Ok<List<BlockView>>> BlocksAsync(ClaimsPrincipal caller, ParleyDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var blocks = await db.Blocks.Where(b => b.BlockerId == userId).OrderBy(b => b.CreatedAt).ToListAsync(cancellationToken);
        var people = await PeopleAsync(db, blocks.Select(b => b.BlockedId), cancellationToken);
        return TypedResults.Ok(blocks.Where(b => people.ContainsKey(b.BlockedId)).Select(b => new BlockView(people[b.BlockedId], b.CreatedAt)).ToList());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> BlockAsync(
        string userName, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var target = await users.FindByNameAsync(userName);
        if (target is null)
        {
            return Problems.NotFound($"Nobody is called '{userName}'.");
        }
        if (target.Id == userId)
        {
            return Problems.BadRequest("You cannot block yourself.");
        }
        if (!await db.Blocks.AnyAsync(b => b.BlockerId == userId && b.BlockedId == target.Id, cancellationToken))
        {
            db.Blocks.Add(new Block { BlockerId = userId, BlockedId = target.Id, CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> UnblockAsync(
        string userName, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var target = await users.FindByNameAsync(userName);
        if (target is null)
        {
            return Problems.NotFound($"Nobody is called '{userName}'.");
        }
        await db.Blocks.Where(b => b.BlockerId == userId && b.BlockedId == target.Id).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<List<BanView>>> HostBansAsync(ClaimsPrincipal caller, ParleyDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var bans = await db.RoomBans.Where(b => b.ModeratorId == userId && b.RoomId == null).ToListAsync(cancellationToken);
        return TypedResults.Ok(await BanViewsAsync(db, bans, cancellationToken));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> HostUnbanAsync(
        string userName, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var target = await users.FindByNameAsync(userName);
        if (target is null)
        {
            return Problems.NotFound($"Nobody is called '{userName}'.");
        }
        var removed = await db.RoomBans.Where(b => b.ModeratorId == userId && b.RoomId == null && b.UserId == target.Id).ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            await AuditLog.WriteAsync(db, time, userId, "UnbanUserEverywhere", target.Id, null);
        }
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<List<BanView>>, ProblemHttpResult>> RoomBansAsync(
        string id, ClaimsPrincipal caller, ParleyDbContext db, RoomAccess access, CancellationToken cancellationToken)
    {
        if (await ModeratedRoomAsync(id, caller, db, access, cancellationToken) is { } problem)
        {
            return problem;
        }
        var bans = await db.RoomBans.Where(b => b.RoomId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(await BanViewsAsync(db, bans, cancellationToken));
    }

    /// <summary>The HTTP form of the hub's BanUser (for a moderator without a hub connection, e.g. from a profile).</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> BanAsync(
        string id, BanRequest request, ClaimsPrincipal caller, ParleyDbContext db, RoomAccess access, UserManager<ParleyUser> users,
        IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        if (await ModeratedRoomAsync(id, caller, db, access, cancellationToken) is { } problem)
        {
            return problem;
        }
        var target = await users.FindByNameAsync(request.UserName ?? "");
        if (target is null)
        {
            return Problems.NotFound($"Nobody is called '{request.UserName}'.");
        }
        var room = await db.Rooms.SingleAsync(r => r.Id == id, cancellationToken);
        if (target.Id == room.CreatedById || target.Id == userId)
        {
            return Problems.Forbidden("The room's creator and you yourself cannot be banned from it.");
        }
        var now = time.GetUtcNow();
        if (!await db.RoomBans.AnyAsync(b => b.UserId == target.Id && b.RoomId == id, cancellationToken))
        {
            db.RoomBans.Add(new RoomBan { RoomId = id, ModeratorId = userId, UserId = target.Id, CreatedAt = now });
        }
        if (request.Everywhere && !await db.RoomBans.AnyAsync(b => b.UserId == target.Id && b.RoomId == null && b.ModeratorId == userId, cancellationToken))
        {
            db.RoomBans.Add(new RoomBan { RoomId = null, ModeratorId = userId, UserId = target.Id, CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        if (room.EndedAt is null)
        {
            await grains.GetGrain<IRoomModerationGrain>(id).EnforceBanAsync(target.Id);
        }
        await AuditLog.WriteAsync(db, time, userId, request.Everywhere ? "BanUserEverywhere" : "BanUser", target.Id, id);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RoomUnbanAsync(
        string id, string userName, ClaimsPrincipal caller, ParleyDbContext db, RoomAccess access, UserManager<ParleyUser> users,
        IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await ModeratedRoomAsync(id, caller, db, access, cancellationToken) is { } problem)
        {
            return problem;
        }
        var target = await users.FindByNameAsync(userName);
        if (target is null)
        {
            return Problems.NotFound($"Nobody is called '{userName}'.");
        }
        await db.RoomBans.Where(b => b.UserId == target.Id && b.RoomId == id).ExecuteDeleteAsync(cancellationToken);
        await grains.GetGrain<IRoomModerationGrain>(id).UnbanAsync(target.Id);
        await AuditLog.WriteAsync(db, time, caller.UserId(), "UnbanUser", target.Id, id);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<List<AuditView>>, ProblemHttpResult>> RoomAuditAsync(
        string id, ClaimsPrincipal caller, ParleyDbContext db, RoomAccess access, CancellationToken cancellationToken)
    {
        if (await ModeratedRoomAsync(id, caller, db, access, cancellationToken) is { } problem)
        {
            return problem;
        }
        var entries = await db.AuditLog.Where(e => e.RoomId == id).OrderByDescending(e => e.Id).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(await AuditViewsAsync(db, entries, cancellationToken));
    }

    /// <summary>
    /// Someone on stage pings a person they follow into the room: a notification with the link, and
    /// (closed rooms) a place on the room's invitee list, so the closed room admits them.
    /// </summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> PingAsync(
        string id, PingRequest request, ClaimsPrincipal caller, ParleyDbContext db, RoomAccess access, UserManager<ParleyUser> users,
        UserRateLimits limits, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        if (await access.FindVisibleAsync(id, userId, cancellationToken) is not var (room, summary) || room.EndedAt is not null)
        {
            return Problems.NotFound("There is no such live room, or it is not open to you.");
        }
        if (!summary.StageUserIds.Contains(userId))
        {
            return Problems.Forbidden("Only speakers and moderators may ping people into a room.");
        }
        var target = await users.FindByNameAsync(request.UserName ?? "");
        if (target is null)
        {
            return Problems.NotFound($"Nobody is called '{request.UserName}'.");
        }
        if (!await db.Follows.AnyAsync(f => f.FollowerId == userId && f.FolloweeId == target.Id, cancellationToken))
        {
            return Problems.Forbidden("You can ping only people you follow.");
        }
        if (await db.Blocks.AnyAsync(b => b.BlockerId == target.Id && b.BlockedId == userId, cancellationToken))
        {
            // Said as if sent: the blocked pinger learns nothing.
            return TypedResults.NoContent();
        }
        if (!limits.TryAcquire(LimitKind.Ping, userId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: "You sent too many pings; try again later.");
        }
        var now = time.GetUtcNow();
        var pinger = await users.FindByIdAsync(userId);
        db.Notifications.Add(new Notification
        {
            UserId = target.Id,
            Kind = "ping",
            FromUserId = userId,
            RoomId = id,
            Text = $"{pinger?.DisplayName} invites you to “{room.Title}”",
            CreatedAt = now,
        });
        if (room.Visibility != RoomVisibility.Open && !await db.RoomInvitees.AnyAsync(i => i.RoomId == id && i.UserId == target.Id, cancellationToken))
        {
            db.RoomInvitees.Add(new RoomInvitee { RoomId = id, UserId = target.Id, InvitedById = userId, CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<List<NotificationView>>> NotificationsAsync(ClaimsPrincipal caller, ParleyDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var notifications = await db.Notifications.Where(n => n.UserId == userId).OrderByDescending(n => n.Id).Take(50).ToListAsync(cancellationToken);
        var people = await PeopleAsync(db, notifications.Where(n => n.FromUserId != null).Select(n => n.FromUserId!), cancellationToken);
        return TypedResults.Ok(notifications.Select(n => new NotificationView(
            n.Id,
            n.Kind,
            n.FromUserId is null ? null : people.GetValueOrDefault(n.FromUserId),
            n.RoomId,
            n.RoomId is null ? null : $"/rooms/{n.RoomId}",
            n.Text,
            n.CreatedAt,
            n.ReadAt is not null)).ToList());
    }

    internal static async Task<NoContent> ReadNotificationsAsync(ClaimsPrincipal caller, ParleyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var now = time.GetUtcNow();
        await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Null when the caller moderates (or created) the room, or is an admin; a problem otherwise.</summary>
    private static async Task<ProblemHttpResult?> ModeratedRoomAsync(
        string id, ClaimsPrincipal caller, ParleyDbContext db, RoomAccess access, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        if (await access.FindVisibleAsync(id, userId, cancellationToken) is not var (room, summary))
        {
            return Problems.NotFound("There is no such room, or it is not open to you.");
        }
        if (room.CreatedById == userId || summary.ModeratorIds.Contains(userId)
            || await db.Users.AnyAsync(u => u.Id == userId && u.IsAdmin, cancellationToken))
        {
            return null;
        }
        return Problems.Forbidden("Only the room's moderators may do that.");
    }

    internal static async Task<Dictionary<string, PersonRef>> PeopleAsync(ParleyDbContext db, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Users.Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new PersonRef(u.Id, u.UserName!, u.DisplayName), cancellationToken);
    }

    private static async Task<List<BanView>> BanViewsAsync(ParleyDbContext db, List<RoomBan> bans, CancellationToken cancellationToken)
    {
        var people = await PeopleAsync(db, bans.SelectMany(b => new[] { b.UserId, b.ModeratorId }), cancellationToken);
        return [.. bans.Where(b => people.ContainsKey(b.UserId) && people.ContainsKey(b.ModeratorId))
            .Select(b => new BanView(b.Id, b.RoomId, people[b.UserId], people[b.ModeratorId], b.CreatedAt))];
    }

    internal static async Task<List<AuditView>> AuditViewsAsync(ParleyDbContext db, List<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var people = await PeopleAsync(db, entries.SelectMany(e => new[] { e.ActorId, e.TargetUserId ?? "" }), cancellationToken);
        return [.. entries.Select(e => new AuditView(
            e.Id, e.At, people.GetValueOrDefault(e.ActorId), e.Action,
            e.TargetUserId is null ? null : people.GetValueOrDefault(e.TargetUserId), e.RoomId, e.Detail))];
    }
}
