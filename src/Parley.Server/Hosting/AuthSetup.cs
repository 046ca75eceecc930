using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Parley.Server.Data;

namespace Parley.Server.Hosting;

internal static class AuthSetup
{
    public const string CookieName = "parley.auth";

    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.";

    /// <summary>Identity on EF Core with its cookie; API and hub answer 401/403 problem details, never redirects.</summary>
    public static IHostApplicationBuilder AddParleyAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(30);
            cookie.SlidingExpiration = true;
            cookie.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign in first."),
                OnRedirectToAccessDenied = context => WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden, "You may not do that."),
            };
        });
        builder.Services.AddIdentityCore<ParleyUser>(identity =>
            {
                identity.User.AllowedUserNameCharacters = UserNameCharacters;
                identity.User.RequireUniqueEmail = false;
                identity.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddEntityFrameworkStores<ParleyDbContext>()
            .AddSignInManager();
        builder.Services.AddAuthorization();
        if (builder.Configuration.GetSection($"{ParleyOptions.Section}:Accounts").Get<AccountOptions>()?.PasswordHashIterations is { } iterations)
        {
            if (iterations < AccountOptions.MinimumPasswordHashIterations)
            {
                throw new InvalidOperationException(
                    $"{ParleyOptions.Section}:Accounts:PasswordHashIterations is {iterations}; it must be at least {AccountOptions.MinimumPasswordHashIterations}.");
            }
            // Hashes already stored keep their own count (it is in the hash); only new ones use this.
            builder.Services.Configure<PasswordHasherOptions>(hasher => hasher.IterationCount = iterations);
        }
        return builder;
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail },
        });
    }
}
