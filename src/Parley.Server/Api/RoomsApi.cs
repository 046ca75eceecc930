using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Server.Data;
using Parley.Server.Rooms;
using System.Security.Claims;

namespace Parley.Server.Api;

/// <summary>Starting rooms, reading them, inviting to closed rooms, and room history.</summary>
internal static class RoomsApi
{
    public static RouteGroupBuilder MapRoomsApi(this RouteGroupBuilder api)
    {
        var rooms = api.MapGroup("/rooms").WithTags("Rooms");
        rooms.MapPost("", CreateAsync);
        rooms.MapGet("/history", HistoryAsync);
        rooms.MapGet("/{id}", GetAsync);
        rooms.MapPost("/{id}/invitees", AddInviteeAsync);
        return api;
    }

    internal static async Task<Results<Created<Room>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateRoomRequest request, ClaimsPrincipal caller, ParleyDbContext db, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        var title = request.Title?.Trim() ?? "";
        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        var topics = (request.Topics ?? []).Select(t => t?.Trim() ?? "").ToList();
        var inviteeNames = (request.Invitees ?? []).Select(n => n?.Trim() ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var validation = new Validation()
            .Require(title.Length is >= 1 and <= 60, "title", "A title has 1 to 60 characters.")
            .Require(description is null || description.Length <= 500, "description", "A description has at most 500 characters.")
            .Require(topics.Count <= 3, "topics", "A room has at most 3 topics.")
            .Require(topics.All(t => t.Length is >= 1 and <= 30), "topics", "A topic has 1 to 30 characters.")
            .Require(inviteeNames.Count <= 100, "invitees", "Invite at most 100 people at once.");
        var normalized = inviteeNames.Select(n => n.ToUpperInvariant()).ToList();
        var invitees = await db.Users.Where(u => normalized.Contains(u.NormalizedUserName!)).ToListAsync(cancellationToken);
        foreach (var missing in inviteeNames.Where(n => !invitees.Any(u => string.Equals(u.UserName, n, StringComparison.OrdinalIgnoreCase))))
        {
            validation.Add("invitees", $"Nobody is called '{missing}'.");
        }
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        var userId = caller.UserId();
        var now = time.GetUtcNow();
        var room = new RoomRecord
        {
            Id = RoomIds.Create(),
            Title = title,
            Description = description,
            Topics = topics,
            Visibility = request.Visibility ?? RoomVisibility.Open,
            CreatedById = userId,
            CreatedAt = now,
        };
        db.Rooms.Add(room);
        db.RoomInvitees.AddRange(invitees.Where(u => u.Id != userId)
            .Select(u => new RoomInvitee { RoomId = room.Id, UserId = u.Id, InvitedById = userId, CreatedAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        var grain = grains.GetGrain<IRoomGrain>(room.Id);
        await grain.InitializeAsync(new RoomSetup(room.Title, room.Description, [.. room.Topics], room.Visibility, userId));
        await db.Entry(room).Reference(r => r.CreatedBy).LoadAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/rooms/{room.Id}", RoomViews.View(room, await grain.GetSummaryAsync()));
    }

    internal static async Task<Results<Ok<Room>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal caller, RoomAccess access, CancellationToken cancellationToken) =>
        await access.FindVisibleAsync(id, caller.UserId(), cancellationToken) is var (room, summary)
            ? TypedResults.Ok(RoomViews.View(room, summary))
            : Problems.NotFound("There is no such room, or it is not open to you.");

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> AddInviteeAsync(
        string id, AddInviteeRequest request, ClaimsPrincipal caller, ParleyDbContext db, RoomAccess access,
        UserManager<ParleyUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        if (await access.FindVisibleAsync(id, userId, cancellationToken) is not var (room, summary))
        {
            return Problems.NotFound("There is no such room, or it is not open to you.");
        }
        if (room.EndedAt is not null)
        {
            return Problems.Conflict("The room has ended.");
        }
        if (!summary.ModeratorIds.Contains(userId))
        {
            return Problems.Forbidden("Only a moderator of the room may invite people to it.");
        }
        var invitee = string.IsNullOrWhiteSpace(request.UserName) ? null : await users.FindByNameAsync(request.UserName);
        if (invitee is null)
        {
            return Problems.Invalid("userName", $"Nobody is called '{request.UserName}'.");
        }
        if (!await db.RoomInvitees.AnyAsync(i => i.RoomId == room.Id && i.UserId == invitee.Id, cancellationToken))
        {
            db.RoomInvitees.Add(new RoomInvitee { RoomId = room.Id, UserId = invitee.Id, InvitedById = userId, CreatedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }

    internal static async Task<Ok<RoomList>> HistoryAsync(ClaimsPrincipal caller, ParleyDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var rooms = await db.Rooms.Include(r => r.CreatedBy)
            .Where(r => r.EndedAt != null
                && (r.CreatedById == userId || db.RoomParticipants.Any(p => p.RoomId == r.Id && p.UserId == userId)))
            .OrderByDescending(r => r.EndedAt)
            .Take(50)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new RoomList([.. rooms.Select(r => RoomViews.View(r, RoomSummary.Missing))]));
    }
}
