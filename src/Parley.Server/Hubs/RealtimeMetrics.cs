using System.Diagnostics.Metrics;

namespace Parley.Server.Hubs;

/// <summary>
/// The hub's room-event counters (meter <c>Parley.Realtime</c>): how many <c>RoomEvent</c>
/// messages went out, counted once per connection reached, by kind (<c>immediate</c> stage
/// changes, <c>coalesced</c> audience churn), so an operator and the benchmark can read the
/// messages a join costs (DESIGN.md §5: O(N) for a join storm of N, not O(N²)).
/// </summary>
internal sealed class RealtimeMetrics
{
    public const string MeterName = "Parley.Realtime";
    public const string RoomEventMessages = "parley.hub.room_event.messages";
    public const string AudienceChurnFolded = "parley.hub.audience_churn.folded";

    private static readonly KeyValuePair<string, object?> Immediate = new("kind", "immediate");
    private static readonly KeyValuePair<string, object?> Coalesced = new("kind", "coalesced");

    private readonly Counter<long> _messages;
    private readonly Counter<long> _folded;

    public RealtimeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _messages = meter.CreateCounter<long>(RoomEventMessages, "{message}", "RoomEvent messages sent, once per connection reached");
        _folded = meter.CreateCounter<long>(AudienceChurnFolded, "{event}", "Audience churn events folded into AudienceChanged");
    }

    public void Sent(bool coalesced, int connections)
    {
        if (connections > 0)
        {
            _messages.Add(connections, coalesced ? Coalesced : Immediate);
        }
    }

    public void Folded(int events) => _folded.Add(events);
}
