using System.Threading.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Parley.Protocol.Rooms;
using Parley.Server.Hosting;
using Parley.Server.Moderation;

namespace Parley.Server.Hubs;

/// <summary>
/// A token bucket per connection: a client that floods the hub gets <c>rate_limited</c> refusals
/// instead of queueing work on the room grain for everyone else in the room (DESIGN.md §7).
/// </summary>
internal sealed class HubRateLimitFilter(IOptions<ParleyOptions> options, IOptions<ModerationOptions> moderation) : IHubFilter
{
    private static readonly object Key = new();
    private static readonly object StrikesKey = new();

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
            // A client that keeps calling after refusals is flooding: tell it why, then close it.
            var strikes = (items.TryGetValue(StrikesKey, out var counted) && counted is int n ? n : 0) + 1;
            items[StrikesKey] = strikes;
            if (strikes >= moderation.Value.FloodStrikes)
            {
                await invocationContext.Hub.Clients.Caller.SendAsync(
                    ModerationHubMethods.Disconnected, "rate_limited: this connection sent too many messages and was closed");
                invocationContext.Context.Abort();
            }
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
