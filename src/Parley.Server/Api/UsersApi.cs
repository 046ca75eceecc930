using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Protocol.Accounts;
using Parley.Server.Data;
using System.Security.Claims;

namespace Parley.Server.Api;

/// <summary>Profiles, follow and unfollow.</summary>
internal static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/{userName}", GetAsync);
        users.MapPost("/{userName}/follow", FollowAsync);
        users.MapDelete("/{userName}/follow", UnfollowAsync);
        return api;
    }

    internal static async Task<Results<Ok<Profile>, ProblemHttpResult>> GetAsync(
        string userName, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        return user is null
            ? Problems.NotFound($"Nobody is called '{userName}'.")
            : TypedResults.Ok(await UserViews.ProfileAsync(db, user, caller.UserId(), cancellationToken));
    }

    internal static async Task<Results<Ok<Profile>, ProblemHttpResult>> FollowAsync(
        string userName, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return Problems.NotFound($"Nobody is called '{userName}'.");
        }
        var callerId = caller.UserId();
        if (user.Id == callerId)
        {
            return Problems.BadRequest("You cannot follow yourself.");
        }
        if (!await db.Follows.AnyAsync(f => f.FollowerId == callerId && f.FolloweeId == user.Id, cancellationToken))
        {
            db.Follows.Add(new Follow { FollowerId = callerId, FolloweeId = user.Id, CreatedAt = time.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A double click raced us to it: following is idempotent.
            }
        }
        return TypedResults.Ok(await UserViews.ProfileAsync(db, user, callerId, cancellationToken));
    }

    internal static async Task<Results<Ok<Profile>, ProblemHttpResult>> UnfollowAsync(
        string userName, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return Problems.NotFound($"Nobody is called '{userName}'.");
        }
        var callerId = caller.UserId();
        await db.Follows.Where(f => f.FollowerId == callerId && f.FolloweeId == user.Id).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.Ok(await UserViews.ProfileAsync(db, user, callerId, cancellationToken));
    }
}
