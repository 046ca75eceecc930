using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Parley.Protocol.Rooms;
using Parley.Server.Hosting;

namespace Parley.Server.Hubs;

/// <summary>
/// A token bucket per connection: a client that floods the hub gets <c>rate_limited</c> refusals
/// instead of queueing work on the room grain for everyone else in the room (DESIGN.md §7).
/// </summary>
internal sealed class HubRateLimitFilter(IOptions<ParleyOptions> options) : IHubFilter
{
    private static readonly object Key = new();

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var items = invocationContext.Context.Items;
        if (!items.TryGetValue(Key, out var value) || value is not TokenBucketRateLimiter limiter)
        {
            var hub = options.Value.Hub;
            limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = hub.CallBurst,
                TokensPerPeriod = hub.CallsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
            items[Key] = limiter;
        }
        using var lease = limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            throw RoomHub.Refuse(RoomErrorCode.RateLimited, "too many calls; slow down");
        }
        return await next(invocationContext);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.TryGetValue(Key, out var value) && value is IDisposable limiter)
        {
            limiter.Dispose();
        }
        return next(context, exception);
    }
}
