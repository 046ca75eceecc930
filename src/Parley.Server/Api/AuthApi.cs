using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Parley.Protocol.Accounts;
using Parley.Server.Accounts;
using Parley.Server.Data;
using Parley.Server.Hosting;

namespace Parley.Server.Api;

/// <summary>Invite-only sign-up, login and logout (cookie <c>parley.auth</c>).</summary>
internal static partial class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/register", RegisterAsync).AllowAnonymous().RequireRateLimiting(ApiSetup.AuthRateLimit);
        auth.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(ApiSetup.AuthRateLimit);
        auth.MapPost("/logout", LogoutAsync);
        return api;
    }

    internal static async Task<Results<Created<Me>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request,
        ParleyDbContext db,
        UserManager<ParleyUser> users,
        SignInManager<ParleyUser> signIn,
        InviteService invites,
        TimeProvider time,
        ILogger<RegisterRequest> logger,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.InviteCode), "inviteCode", "The invite code is missing.")
            .UserName(request.UserName)
            .DisplayName(request.DisplayName)
            .Require(!string.IsNullOrEmpty(request.Password), "password", "A password is required.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        var (state, invite) = await invites.FindAsync(request.InviteCode, cancellationToken);
        if (InviteProblem(state) is { } inviteProblem)
        {
            var redacted = InviteCodes.Redact(request.InviteCode);
            LogRefusedInvite(logger, redacted, state);
            return inviteProblem;
        }
        var user = new ParleyUser
        {
            UserName = request.UserName,
            DisplayName = request.DisplayName!.Trim(),
            JoinedAt = time.GetUtcNow(),
            NominatedById = invite!.CreatedById,
            IsAdmin = invite.GrantsAdmin,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (created.Errors.Any(e => e.Code is "DuplicateUserName"))
            {
                return Problems.Conflict($"The user name '{request.UserName}' is taken.");
            }
            var errors = new Validation();
            foreach (var error in created.Errors)
            {
                errors.Add(error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "userName", error.Description);
            }
            return errors.ToProblem();
        }
        // The user row exists inside the transaction now; claiming afterwards satisfies the
        // foreign key, and losing the race rolls the new user back.
        if (!await invites.TryClaimAsync(invite.Id, user.Id, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return Problems.Gone("This invite was just used by someone else.");
        }
        await transaction.CommitAsync(cancellationToken);
        await signIn.SignInAsync(user, isPersistent: true);
        var redactedCode = InviteCodes.Redact(invite.Code);
        LogRegistered(logger, user.UserName!, redactedCode);
        return TypedResults.Created("/api/v1/me", await UserViews.MeAsync(db, invites, user, cancellationToken));
    }

    internal static async Task<Results<Ok<Me>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request,
        ParleyDbContext db,
        UserManager<ParleyUser> users,
        SignInManager<ParleyUser> signIn,
        InviteService invites,
        CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Require(!string.IsNullOrWhiteSpace(request.UserName), "userName", "The user name is missing.")
            .Require(!string.IsNullOrEmpty(request.Password), "password", "The password is missing.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }
        var result = await signIn.PasswordSignInAsync(request.UserName!, request.Password!, isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Problems.Unauthorized("Too many wrong passwords; this account is locked for a few minutes.");
        }
        if (!result.Succeeded)
        {
            return Problems.Unauthorized("Wrong user name or password.");
        }
        var user = (await users.FindByNameAsync(request.UserName!))!;
        return TypedResults.Ok(await UserViews.MeAsync(db, invites, user, cancellationToken));
    }

    internal static async Task<NoContent> LogoutAsync(SignInManager<ParleyUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    /// <summary>404 for a code that never existed, 410 for one that did but no longer works.</summary>
    internal static ProblemHttpResult? InviteProblem(InviteState state) => state switch
    {
        InviteState.Unknown => Problems.NotFound("This invite code does not exist."),
        InviteState.Used => Problems.Gone("This invite was already used."),
        InviteState.Expired => Problems.Gone("This invite has expired."),
        InviteState.Revoked => Problems.Gone("This invite was revoked."),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-up refused: invite {Code} is {State}")]
    private static partial void LogRefusedInvite(ILogger logger, string code, InviteState state);

    [LoggerMessage(Level = LogLevel.Information, Message = "New member {UserName} signed up with invite {Code}")]
    private static partial void LogRegistered(ILogger logger, string userName, string code);
}
