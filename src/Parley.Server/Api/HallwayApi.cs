using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Server.Data;
using Parley.Server.Rooms;
using System.Security.Claims;

namespace Parley.Server.Api;

/// <summary>The hallway: live rooms the caller may enter.</summary>
internal static class HallwayApi
{
    public static RouteGroupBuilder MapHallwayApi(this RouteGroupBuilder api)
    {
        api.MapGet("/hallway", GetAsync).WithTags("Rooms");
        return api;
    }

    /// <summary>
    /// Rooms with someone the caller follows on stage come first, then by listeners, then newest.
    /// Counts come from the grains (one call per live room; a per-node cache fed by the observers
    /// is the step after this when the hallway gets hot).
    /// </summary>
    internal static async Task<Ok<RoomList>> GetAsync(ClaimsPrincipal caller, ParleyDbContext db, RoomAccess access, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var live = await db.Rooms.Include(r => r.CreatedBy).Where(r => r.EndedAt == null).ToListAsync(cancellationToken);
        var following = (await db.Follows.Where(f => f.FollowerId == userId).Select(f => f.FolloweeId).ToListAsync(cancellationToken)).ToHashSet();
        var entries = new List<(RoomRecord Room, RoomSummary Summary, bool Friends)>();
        foreach (var room in live)
        {
            var summary = await access.LiveSummaryAsync(room, cancellationToken);
            if (!summary.Exists || summary.Ended || !await access.MayEnterAsync(room, summary, userId, cancellationToken))
            {
                continue;
            }
            entries.Add((room, summary, summary.StageUserIds.Any(following.Contains)));
        }
        var rooms = entries
            .OrderByDescending(e => e.Friends)
            .ThenByDescending(e => e.Summary.ListenerCount + e.Summary.SpeakerCount)
            .ThenByDescending(e => e.Room.CreatedAt)
            .Select(e => RoomViews.View(e.Room, e.Summary))
            .ToList();
        return TypedResults.Ok(new RoomList(rooms));
    }
}
