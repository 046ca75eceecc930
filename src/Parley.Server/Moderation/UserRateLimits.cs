using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Parley.Server.Moderation;

/// <summary>What a member may do only so often (per user, one fixed window per kind, this node).</summary>
internal enum LimitKind
{
    RoomCreation,
    Join,
    HandRaise,
    Ping,
}

/// <summary>
/// Per-user fixed windows for the abuse limits. Per node: with several nodes a member gets the
/// allowance on each, which bounds the harm by the node count (acceptable for a self-hosted
/// server; a shared store is the step after).
/// </summary>
internal sealed class UserRateLimits : IDisposable
{
    private readonly Dictionary<LimitKind, PartitionedRateLimiter<string>> _limiters;

    public UserRateLimits(IOptions<ModerationOptions> options)
    {
        var o = options.Value;
        _limiters = new()
        {
            [LimitKind.RoomCreation] = Create(o.RoomsPerHour, TimeSpan.FromHours(1)),
            [LimitKind.Join] = Create(o.JoinsPerMinute, TimeSpan.FromMinutes(1)),
            [LimitKind.HandRaise] = Create(o.HandRaisesPerMinute, TimeSpan.FromMinutes(1)),
            [LimitKind.Ping] = Create(o.PingsPerHour, TimeSpan.FromHours(1)),
        };
    }

    /// <summary>True when the user may do it now (and counts it).</summary>
    public bool TryAcquire(LimitKind kind, string userId)
    {
        using var lease = _limiters[kind].AttemptAcquire(userId);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(userId => RateLimitPartition.GetFixedWindowLimiter(
            userId, _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0 }));
}
