using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parley.Server.Api;
using Parley.Server.Data;

namespace Parley.Server.Moderation;

/// <summary>
/// Before a room is created: suspended accounts, accounts younger than
/// <see cref="ModerationOptions.NewAccountRoomDelay"/> (admins excepted) and members over their
/// hourly room allowance are refused.
/// </summary>
internal sealed class RoomCreationLimitFilter(ParleyDbContext db, UserRateLimits limits, IOptions<ModerationOptions> options, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var userId = context.HttpContext.User.UserId();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, context.HttpContext.RequestAborted);
        if (user is null || user.SuspendedAt is not null)
        {
            return Problems.Forbidden("This account may not start rooms.");
        }
        var delay = options.Value.NewAccountRoomDelay;
        if (!user.IsAdmin && delay > TimeSpan.Zero && time.GetUtcNow() - user.JoinedAt < delay)
        {
            return Problems.Forbidden($"New accounts can start rooms {delay.TotalHours:0.#} hours after joining; until then, join others' rooms.");
        }
        if (!limits.TryAcquire(LimitKind.RoomCreation, userId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: "You started too many rooms in the last hour.");
        }
        return await next(context);
    }
}
