using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Server.Accounts;
using Parley.Server.Data;
using Parley.Server.Hosting;
using System.Security.Claims;
using InviteView = Parley.Protocol.Accounts.Invite;
using InvitePreview = Parley.Protocol.Accounts.InvitePreview;

namespace Parley.Server.Api;

/// <summary>Creating, listing and revoking invites; the anonymous preview behind an invite link.</summary>
internal static class InvitesApi
{
    public static RouteGroupBuilder MapInvitesApi(this RouteGroupBuilder api)
    {
        var invites = api.MapGroup("/invites").WithTags("Invites");
        invites.MapGet("/{code}/preview", PreviewAsync).AllowAnonymous().RequireRateLimiting(ApiSetup.AuthRateLimit);
        invites.MapPost("", CreateAsync);
        invites.MapGet("", ListAsync);
        invites.MapDelete("/{code}", RevokeAsync);
        return api;
    }

    internal static async Task<Results<Ok<InvitePreview>, ProblemHttpResult>> PreviewAsync(
        string code, InviteService invites, CancellationToken cancellationToken)
    {
        var (state, invite) = await invites.FindAsync(code, cancellationToken);
        if (AuthApi.InviteProblem(state) is { } problem)
        {
            return problem;
        }
        return TypedResults.Ok(new InvitePreview(invite!.Code, invite.CreatedBy is null ? null : UserViews.Ref(invite.CreatedBy), invite.ExpiresAt));
    }

    internal static async Task<Results<Created<InviteView>, ProblemHttpResult>> CreateAsync(
        ClaimsPrincipal caller, HttpRequest request, UserManager<ParleyUser> users, InviteService invites, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(caller.UserId());
        if (user is null)
        {
            return Problems.Unauthorized("This account no longer exists.");
        }
        if (await invites.InvitesLeftAsync(user, cancellationToken) is 0)
        {
            return Problems.Forbidden("You have used up your invites.");
        }
        var invite = await invites.CreateAsync(user.Id, grantsAdmin: false, cancellationToken);
        return TypedResults.Created($"/api/v1/invites/{invite.Code}", View(invite, request));
    }

    internal static async Task<Ok<InviteView[]>> ListAsync(
        ClaimsPrincipal caller, HttpRequest request, ParleyDbContext db, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var mine = await db.Invites.Include(i => i.UsedBy).Where(i => i.CreatedById == userId).ToListAsync(cancellationToken);
        return TypedResults.Ok(mine.OrderByDescending(i => i.CreatedAt).Select(i => View(i, request)).ToArray());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string code, ClaimsPrincipal caller, ParleyDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        var invite = InviteCodes.IsWellFormed(code)
            ? await db.Invites.SingleOrDefaultAsync(i => i.Code == code && i.CreatedById == userId, cancellationToken)
            : null;
        if (invite is null)
        {
            return Problems.NotFound("You have no invite with this code.");
        }
        if (invite.UsedById is not null)
        {
            return Problems.Conflict("This invite was already used.");
        }
        invite.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static InviteView View(InviteRecord invite, HttpRequest request) => new(
        invite.Code,
        $"{request.Scheme}://{request.Host}/invite/{invite.Code}",
        invite.CreatedAt,
        invite.ExpiresAt,
        invite.UsedBy is null ? null : UserViews.Ref(invite.UsedBy),
        invite.UsedAt,
        invite.RevokedAt is not null);
}
