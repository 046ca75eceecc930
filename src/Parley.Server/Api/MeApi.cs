using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Parley.Protocol.Accounts;
using Parley.Server.Accounts;
using Parley.Server.Data;
using System.Security.Claims;

namespace Parley.Server.Api;

/// <summary>The signed-in user's own account.</summary>
internal static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me");
        me.MapGet("", GetAsync);
        me.MapPatch("", UpdateAsync);
        return api;
    }

    internal static async Task<Results<Ok<Me>, ProblemHttpResult>> GetAsync(
        ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, InviteService invites, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(caller.UserId());
        return user is null
            ? Problems.Unauthorized("This account no longer exists.")
            : TypedResults.Ok(await UserViews.MeAsync(db, invites, user, cancellationToken));
    }

    internal static async Task<Results<Ok<Me>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        UpdateMeRequest request, ClaimsPrincipal caller, ParleyDbContext db, UserManager<ParleyUser> users, InviteService invites, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(request.DisplayName is null || request.DisplayName.Trim() is { Length: >= 1 and <= 50 }, "displayName", "A display name has 1 to 50 characters.")
            .Require(request.Bio is null || request.Bio.Length <= 280, "bio", "A bio has at most 280 characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        var user = await users.FindByIdAsync(caller.UserId());
        if (user is null)
        {
            return Problems.Unauthorized("This account no longer exists.");
        }
        user.DisplayName = request.DisplayName?.Trim() ?? user.DisplayName;
        user.Bio = request.Bio ?? user.Bio;
        await users.UpdateAsync(user);
        return TypedResults.Ok(await UserViews.MeAsync(db, invites, user, cancellationToken));
    }
}
