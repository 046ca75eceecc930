using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR;
using Parley.Server.Data;

namespace Parley.Server.Moderation;

internal static class ModerationSetup
{
    /// <summary>
    /// Moderation options, per-user limits, the hub filter, and the sign-in cookie check: each
    /// request re-reads the account, so a suspended (or deleted) member's cookie stops working at
    /// once rather than when it expires.
    /// </summary>
    public static IHostApplicationBuilder AddParleyModeration(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ModerationOptions>(builder.Configuration.GetSection(ModerationOptions.Section));
        builder.Services.AddSingleton<UserRateLimits>();
        builder.Services.AddSingleton<ModerationHubFilter>();
        builder.Services.AddSignalR(hub => hub.AddFilter<ModerationHubFilter>());
        builder.Services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, cookie =>
        {
            var previous = cookie.Events.OnValidatePrincipal;
            cookie.Events.OnValidatePrincipal = async context =>
            {
                await previous(context);
                var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
                if (userId is null)
                {
                    return;
                }
                var db = context.HttpContext.RequestServices.GetRequiredService<ParleyDbContext>();
                var user = await db.Users.FindAsync(new object[] { userId }, context.HttpContext.RequestAborted);
                if (user is null || user.SuspendedAt is not null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });
        return builder;
    }
}
