using System.Security.Claims;

namespace Parley.Server.Api;

internal static class CallerExtensions
{
    /// <summary>The signed-in user's id (Identity puts it in the NameIdentifier claim).</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("no user id in an authenticated principal");
}
