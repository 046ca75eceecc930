using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Parley.Server.Hosting;

internal static class ApiSetup
{
    /// <summary>Rate-limit policy on login, register and invite preview (per client IP and endpoint).</summary>
    public const string AuthRateLimit = "auth";

    public static IHostApplicationBuilder AddParleyApi(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<ParleyOptions>(builder.Configuration.GetSection(ParleyOptions.Section));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.TryAddTimeProvider();
        var limits = builder.Configuration.GetSection($"{ParleyOptions.Section}:RateLimits").Get<RateLimitOptions>() ?? new();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(AuthRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 }));
        });
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    // The route pattern, not the path: a per-path bucket would give every guessed invite code a
    // fresh allowance.
    private static string PartitionKey(HttpContext context) =>
        $"{context.Connection.RemoteIpAddress}|{(context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText}";

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many attempts; try again in {seconds} seconds.",
            },
        });
    }
}
