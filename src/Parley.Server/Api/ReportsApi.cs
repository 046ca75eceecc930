using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Rooms;
using Parley.Server.Data;
using Parley.Server.Moderation;
using Parley.Server.Rooms;

namespace Parley.Server.Api;

/// <summary>Reports by any member, and the admins' queue with its actions, plus the full audit log.</summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/reports", ReportAsync).WithTags("Reports");
        var admin = api.MapGroup("/admin").WithTags("Admin");
        admin.MapGet("/reports", ListAsync);
        admin.MapPost("/reports/{reportId:long}/warn", (long reportId, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, IGrainFactory grains, TimeProvider time, CancellationToken ct)
            => ResolveAsync(reportId, ReportStatus.Warned, caller, db, users, grains, time, ct));
        admin.MapPost("/reports/{reportId:long}/suspend", (long reportId, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, IGrainFactory grains, TimeProvider time, CancellationToken ct)
            => ResolveAsync(reportId, ReportStatus.Suspended, caller, db, users, grains, time, ct));
        admin.MapPost("/reports/{reportId:long}/dismiss", (long reportId, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, IGrainFactory grains, TimeProvider time, CancellationToken ct)
            => ResolveAsync(reportId, ReportStatus.Dismissed, caller, db, users, grains, time, ct));
        admin.MapPost("/users/{userName}/unsuspend", UnsuspendAsync);
        admin.MapGet("/audit", AuditAsync);
        return api;
    }

    /// <summary>Reports a user, a room, or a user in a room; the room's stage at this moment is kept with it.</summary>
    internal static async Task<Results<Created<ReportView>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        ReportRequest request, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, IGrainFactory grains,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim() ?? "";
        var validation = new Validation()
            .Require(reason.Length is >= 1 and <= 1000, "reason", "A reason has 1 to 1000 characters.")
            .Require(!string.IsNullOrWhiteSpace(request.UserName) || !string.IsNullOrWhiteSpace(request.RoomId), "userName", "Report a user, a room or both.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        ParleyUser? target = null;
        if (!string.IsNullOrWhiteSpace(request.UserName) && (target = await users.FindByNameAsync(request.UserName)) is null)
        {
            return Problems.NotFound($"Nobody is called '{request.UserName}'.");
        }
        List<string> stage = [];
        if (!string.IsNullOrWhiteSpace(request.RoomId))
        {
            var room = RoomIds.IsWellFormed(request.RoomId) ? await db.Rooms.FindAsync([request.RoomId], cancellationToken) : null;
            if (room is null)
            {
                return Problems.NotFound("There is no such room.");
            }
            if (room.EndedAt is null)
            {
                stage = [.. (await grains.GetGrain<IRoomGrain>(room.Id).GetSummaryAsync()).StageUserIds];
            }
        }
        var report = new Report
        {
            ReporterId = caller.UserId(),
            TargetUserId = target?.Id,
            RoomId = string.IsNullOrWhiteSpace(request.RoomId) ? null : request.RoomId,
            Reason = reason,
            StageUserIds = stage,
            CreatedAt = time.GetUtcNow(),
        };
        db.Reports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/admin/reports/{report.Id}", (await ViewsAsync(db, [report], cancellationToken))[0]);
    }

    internal static async Task<Results<Ok<List<ReportView>>, ProblemHttpResult>> ListAsync(
        string? status, ClaimsPrincipal caller, ParleyDbContext db, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync(db, caller, cancellationToken))
        {
            return Problems.Forbidden("Only admins may see reports.");
        }
        var wanted = status ?? ReportStatus.Open;
        var reports = await db.Reports.Where(r => wanted == "all" || r.Status == wanted).OrderBy(r => r.Id).Take(200).ToListAsync(cancellationToken);
        return TypedResults.Ok(await ViewsAsync(db, reports, cancellationToken));
    }

    /// <summary>
    /// Warn: a warning notification to the reported user. Suspend: no sign-in, their cookie stops
    /// working on the next request, the hub refuses them, their invites stop working. Dismiss: nothing.
    /// </summary>
    internal static async Task<Results<Ok<ReportView>, ProblemHttpResult>> ResolveAsync(
        long reportId, string status, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, IGrainFactory grains, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync(db, caller, cancellationToken))
        {
            return Problems.Forbidden("Only admins may act on reports.");
        }
        var report = await db.Reports.FindAsync([reportId], cancellationToken);
        if (report is null)
        {
            return Problems.NotFound("There is no such report.");
        }
        if (report.Status != ReportStatus.Open)
        {
            return Problems.Conflict($"This report was already {report.Status}.");
        }
        if (status != ReportStatus.Dismissed && report.TargetUserId is null)
        {
            return Problems.BadRequest("This report names no user to warn or suspend; dismiss it or act on the room.");
        }
        var now = time.GetUtcNow();
        var adminId = caller.UserId();
        if (status == ReportStatus.Warned)
        {
            db.Notifications.Add(new Notification
            {
                UserId = report.TargetUserId!,
                Kind = "warning",
                FromUserId = adminId,
                RoomId = report.RoomId,
                Text = "An admin warned you about a report of your behaviour. Further reports may suspend your account.",
                CreatedAt = now,
            });
        }
        else if (status == ReportStatus.Suspended)
        {
            var target = await users.FindByIdAsync(report.TargetUserId!);
            if (target is { IsAdmin: false })
            {
                target.SuspendedAt = now;
                await users.UpdateAsync(target);
                await users.UpdateSecurityStampAsync(target);
                // Out of every live room they were in, at once (the same event as a removal, so
                // their media session closes too).
                var live = await db.RoomParticipants.Where(p => p.UserId == target.Id)
                    .Join(db.Rooms.Where(r => r.EndedAt == null), p => p.RoomId, r => r.Id, (p, r) => r.Id)
                    .ToListAsync(cancellationToken);
                foreach (var roomId in live)
                {
                    await grains.GetGrain<IRoomModerationGrain>(roomId).EnforceBanAsync(target.Id);
                }
            }
            else if (target is { IsAdmin: true })
            {
                return Problems.Forbidden("An admin cannot be suspended.");
            }
        }
        report.Status = status;
        report.ResolvedById = adminId;
        report.ResolvedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        var action = status switch
        {
            ReportStatus.Warned => "WarnUser",
            ReportStatus.Suspended => "SuspendUser",
            _ => "DismissReport",
        };
        await AuditLog.WriteAsync(db, time, adminId, action, report.TargetUserId, report.RoomId, $"report {report.Id}");
        return TypedResults.Ok((await ViewsAsync(db, [report], cancellationToken))[0]);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> UnsuspendAsync(
        string userName, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync(db, caller, cancellationToken))
        {
            return Problems.Forbidden("Only admins may do that.");
        }
        var target = await users.FindByNameAsync(userName);
        if (target is null)
        {
            return Problems.NotFound($"Nobody is called '{userName}'.");
        }
        target.SuspendedAt = null;
        await users.UpdateAsync(target);
        await AuditLog.WriteAsync(db, time, caller.UserId(), "UnsuspendUser", target.Id, null);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<List<AuditView>>, ProblemHttpResult>> AuditAsync(
        ClaimsPrincipal caller, ParleyDbContext db, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync(db, caller, cancellationToken))
        {
            return Problems.Forbidden("Only admins may see the whole audit log.");
        }
        var entries = await db.AuditLog.OrderByDescending(e => e.Id).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok(await ModerationApi.AuditViewsAsync(db, entries, cancellationToken));
    }

    private static async Task<bool> IsAdminAsync(ParleyDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        return await db.Users.AnyAsync(u => u.Id == userId && u.IsAdmin, cancellationToken);
    }

    private static async Task<List<ReportView>> ViewsAsync(ParleyDbContext db, List<Report> reports, CancellationToken cancellationToken)
    {
        var ids = reports.SelectMany(r => r.StageUserIds.Append(r.ReporterId).Append(r.TargetUserId ?? ""));
        var people = await ModerationApi.PeopleAsync(db, ids, cancellationToken);
        return [.. reports.Select(r => new ReportView(
            r.Id,
            people.GetValueOrDefault(r.ReporterId),
            r.TargetUserId is null ? null : people.GetValueOrDefault(r.TargetUserId),
            r.RoomId,
            r.Reason,
            [.. r.StageUserIds.Where(people.ContainsKey).Select(id => people[id])],
            r.CreatedAt,
            r.Status,
            r.ResolvedAt))];
    }
}
