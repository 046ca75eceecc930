using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Parley.Protocol.Rooms;
using Parley.Rooms;

namespace Parley.Server.Hubs;

/// <summary>
/// This node's one observer of the room grains (the GPSTracker pattern, DESIGN.md §2): it is
/// subscribed to every room with a connection here, receives each event once, and fans it out to
/// the room's local SignalR group. Grain observers are not durable, so it re-subscribes at a
/// third of the grain's expiry and unsubscribes from rooms that have no local connection left.
/// Events are delivered in version order (<see cref="OrderedFeed"/>), and one loop sends, so the
/// order of SendAsync calls is the order of versions.
/// Audience churn (a listener entering or leaving quietly) is not sent per event: the loop folds a
/// room's consecutive churn into one <see cref="AudienceChanged"/> envelope covering its version
/// range, sent at most once per <see cref="RoomOptions.AudienceChurnPeriod"/>, or at once ahead of
/// the next stage change so the order of versions holds (DESIGN.md §2: a join storm of N costs
/// O(N) messages, not O(N²)). Folding lives in this class, see RoomEventRelay.Churn.cs.
/// </summary>
internal sealed partial class RoomEventRelay(
    IGrainFactory grains,
    IHubContext<RoomHub> hub,
    RoomPresence presence,
    IOptions<RoomOptions> options,
    TimeProvider time,
    RealtimeMetrics metrics,
    ILogger<RoomEventRelay> logger) : IRoomObserver, IHostedService, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OrderedFeed> _feeds = new(StringComparer.Ordinal);
    private readonly Channel<Outgoing> _outbox = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private IRoomObserver? _self;
    private Task? _sender;
    private ITimer? _refresh;
    private int _stopped;

    public static string Group(string roomId) => $"room:{roomId}";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _self = grains.CreateObjectReference<IRoomObserver>(this);
        _sender = Task.Run(SendLoopAsync, CancellationToken.None);
        var period = options.Value.ObserverExpiry / 3;
        _refresh = time.CreateTimer(_ => _ = RefreshAsync(), null, period, period);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Under a loaded test run the host has been seen to dispose this singleton before
        // stopping it: stop once, and not at all after Dispose.
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }
        _refresh?.Dispose();
        _outbox.Writer.TryComplete();
        await _stopping.CancelAsync();
        if (_sender is not null)
        {
            await _sender.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (_sender.IsCompleted)
            {
                DisposeChurnTimers();
            }
        }
        if (_self is not null)
        {
            try
            {
                grains.DeleteObjectReference<IRoomObserver>(_self);
            }
            catch (ArgumentException)
            {
                // The silo's runtime stopped first and already forgot its local objects.
            }
            _self = null;
        }
    }

    public void Dispose()
    {
        _refresh?.Dispose();
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _stopping.Cancel();
        }
        _stopping.Dispose();
    }

    /// <summary>Subscribes this node to a room (before its first local connection joins).</summary>
    public async Task EnsureSubscribedAsync(string roomId)
    {
        lock (_lock)
        {
            if (_feeds.ContainsKey(roomId))
            {
                return;
            }
        }
        var version = await grains.GetGrain<IRoomGrain>(roomId).SubscribeAsync(_self!);
        lock (_lock)
        {
            _feeds.TryAdd(roomId, new OrderedFeed(version));
        }
    }

    public Task OnRoomEventAsync(RoomEventEnvelope envelope)
    {
        lock (_lock)
        {
            if (!_feeds.TryGetValue(envelope.RoomId, out var feed))
            {
                // Subscribed before the feed was recorded: start from here.
                _feeds[envelope.RoomId] = feed = new OrderedFeed(envelope.Version - 1);
            }
            foreach (var ready in feed.Accept(envelope))
            {
                _outbox.Writer.TryWrite(new Outgoing(ready, null));
            }
        }
        return Task.CompletedTask;
    }

    private async Task SendLoopAsync()
    {
        await foreach (var item in _outbox.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            if (item.Flush is { } due)
            {
                await FlushIfDueAsync(due);
                continue;
            }
            var envelope = item.Envelope!;
            if (RoomEvent.IsAudienceChurn(envelope.Event) && Fold(envelope))
            {
                continue;
            }
            // A stage change goes out at once, after the churn folded before it (version order).
            await FlushAsync(envelope.RoomId);
            await SendAsync(envelope, coalesced: false);
        }
    }

    private async Task SendAsync(RoomEventEnvelope envelope, bool coalesced)
    {
        try
        {
            var group = Group(envelope.RoomId);
            metrics.Sent(coalesced, presence.ConnectionCount(envelope.RoomId));
            await hub.Clients.Group(group).SendAsync(RoomHubMethods.RoomEvent, envelope, _stopping.Token);
            switch (envelope.Event)
            {
                case ParticipantRemoved removed:
                    // The removed person hears of it, then hears nothing more of this room.
                    foreach (var connectionId in presence.RemoveUser(envelope.RoomId, removed.UserId))
                    {
                        await hub.Groups.RemoveFromGroupAsync(connectionId, group);
                    }
                    break;
                case RoomEnded:
                    foreach (var connectionId in presence.RemoveRoom(envelope.RoomId))
                    {
                        await hub.Groups.RemoveFromGroupAsync(connectionId, group);
                    }
                    break;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendFailed(logger, exception, envelope.RoomId, envelope.Version);
        }
    }

    private async Task RefreshAsync()
    {
        var wanted = presence.RoomsWithConnections().ToHashSet(StringComparer.Ordinal);
        List<string> stale;
        lock (_lock)
        {
            stale = [.. _feeds.Keys.Where(roomId => !wanted.Contains(roomId))];
            foreach (var roomId in stale)
            {
                _feeds.Remove(roomId);
            }
        }
        await RoomSubscriptions.RefreshAsync(grains, _self!, stale, wanted, logger);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send event {Version} of room {RoomId} to its connections")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string roomId, long version);
}
