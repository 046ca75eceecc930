using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Parley.Protocol.Rooms;
using Parley.Rooms;

namespace Parley.Server.Tests;

/// <summary>
/// A server whose audience churn period is far longer than any wait in the tests: churn then
/// reaches clients only when a stage change flushes it, so anything that arrives proves a stage
/// change was not held for the period, and the message bound does not depend on the machine's speed.
/// </summary>
public sealed class ChurnFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Parley:Rooms:AudienceChurnPeriod", "00:05:00"),
        new("Parley:Hub:DisconnectGrace", "00:00:30"),
    ];
}

/// <summary>DESIGN.md §2 and §5: a join storm of N listeners costs O(N) hub messages, not O(N²).</summary>
public sealed class AudienceChurnTests(ChurnFactory factory) : IClassFixture<ChurnFactory>
{
    private const int Storm = 150;

    [Fact]
    public async Task AJoinStormCostsEachConnectionAConstantNumberOfMessagesWhileAStageChangeReachesEveryoneAtOnceAndInOrder()
    {
        var host = await factory.SignUpAsync("churn_host");
        var early = await SignUpAllAsync("churn_early", 3);
        var crowd = await SignUpAllAsync("churn_crowd", Storm);
        var roomId = (await (await host.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "storm", visibility = "open" })).Content.ReadFromJsonAsync<Room>())!.Id;
        var h = await host.ConnectAsync();
        var e = await Task.WhenAll(early.Select(u => u.ConnectAsync()));
        var c = await ParallelAsync(crowd, u => u.ConnectAsync());
        var snapshots = new ConcurrentDictionary<RoomEvents, RoomSnapshot>();
        snapshots[h] = await h.JoinAsync(roomId);
        foreach (var listener in e)
        {
            snapshots[listener] = await listener.JoinAsync(roomId);
        }
        using var counted = new MessageCounter(factory.Services.GetRequiredService<IMeterFactory>());

        // The storm: half the crowd joins, then a listener raises a hand while the rest join.
        await ParallelAsync(c.Take(Storm / 2), async x => snapshots[x] = await x.JoinAsync(roomId));
        var raise = e[0].InvokeAsync(RoomHubMethods.RaiseHand, roomId);
        await Task.WhenAll(raise, ParallelAsync(c.Skip(Storm / 2), async x => snapshots[x] = await x.JoinAsync(roomId)));
        var raisedAt = await WaitForEventAsync<HandRaised>([h, .. e], "the raised hand");
        await e[0].InvokeAsync(RoomHubMethods.LowerHand, roomId);
        var everyone = new[] { h }.Concat(e).Concat(c).ToList();
        var lowered = await WaitForEventAsync<HandLowered>(everyone, "the lowered hand");
        await Task.WhenAll(everyone.Select(x => x.WaitForVersionAsync(lowered)));

        var full = (await factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoomGrain>(roomId).GetSnapshotAsync())!;
        Assert.Equal(lowered, full.Version);
        Assert.Equal(Storm + 3, full.AudienceCount);
        foreach (var x in new[] { h }.Concat(e))
        {
            // Everyone there before the storm: the churn of 150 joins came as a bounded number of
            // AudienceChanged envelopes (one before each stage change here), not one per join.
            var during = x.Received.Where(r => r.Version > snapshots[x].Version).ToList();
            Assert.True(during.Count <= 6, $"{x.UserId} received {during.Count} RoomEvent messages for a storm of {Storm}: {Ranges(during)}");
            Assert.Contains(during, r => r.Event is AudienceChanged);
        }
        foreach (var x in everyone)
        {
            // In order and without a gap from the client's snapshot; its replayed state holds only
            // people who are in the room, exactly as the grain has them, and the exact count.
            var state = new ClientRoomState(snapshots[x], x.UserId);
            foreach (var envelope in x.Received)
            {
                state.Apply(envelope);
            }
            Assert.Equal(lowered, state.Version);
            Assert.Equal(full.AudienceCount, state.AudienceCount);
            Assert.All(state.Participants, p => Assert.Equal(full.Participants.Single(f => f.UserId == p.UserId), p));
            Assert.True(state.Participants.Count <= 1 + 24 + 1, $"{x.UserId} holds {state.Participants.Count} participants");
            Assert.Contains(state.Participants, p => p.UserId == x.UserId);
            var hands = x.Received.Where(r => r.Version > snapshots[x].Version && r.Event is HandRaised).ToList();
            Assert.True(snapshots[x].Version >= raisedAt || hands.Count == 1, $"{x.UserId} joined at {snapshots[x].Version} before the hand at {raisedAt} but did not see it");
        }

        // The figure: hub messages per join, counted per connection reached (DESIGN.md §5).
        var (immediate, coalesced) = counted.Totals();
        var naive = (long)(Storm + 4) * (Storm + 3) / 2;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"join storm of {Storm}: {immediate} immediate + {coalesced} coalesced RoomEvent messages = {(immediate + coalesced) / (double)Storm:F2} per join (per-event broadcast: ≈ {naive} = {naive / (double)Storm:F0} per join)");
        Assert.True(immediate + coalesced <= 4L * (Storm + 4), $"{immediate} immediate + {coalesced} coalesced messages for {Storm} joins");
    }

    private async Task<TestUser[]> SignUpAllAsync(string prefix, int count) =>
        await ParallelAsync(Enumerable.Range(0, count), i => factory.SignUpAsync($"{prefix}_{i}"));

    private static async Task<TResult[]> ParallelAsync<T, TResult>(IEnumerable<T> items, Func<T, Task<TResult>> action)
    {
        var results = new ConcurrentDictionary<int, TResult>();
        await Parallel.ForEachAsync(items.Select((item, i) => (item, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (x, _) => results[x.i] = await action(x.item));
        return [.. results.OrderBy(r => r.Key).Select(r => r.Value)];
    }

    private static async Task ParallelAsync<T>(IEnumerable<T> items, Func<T, Task> action) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (x, _) => await action(x));

    /// <summary>Waits until every connection received an event of the type; returns its version.</summary>
    private static async Task<long> WaitForEventAsync<TEvent>(List<RoomEvents> connections, string what)
        where TEvent : RoomEvent
    {
        // Far below the churn period (5 min): arriving at all means it was not held back for it.
        var seen = await Task.WhenAll(connections.Select(x => x.WaitForAsync(r => r.Event is TEvent, what, TimeSpan.FromSeconds(20))));
        Assert.All(seen, s => Assert.Equal(seen[0].Version, s.Version));
        return seen[0].Version;
    }

    private static string Ranges(IEnumerable<RoomEventEnvelope> envelopes) =>
        string.Join(", ", envelopes.Select(r => $"{r.FromVersion ?? r.Version}..{r.Version}:{r.Event.GetType().Name}"));

    /// <summary>Sums this server's <c>Parley.Realtime</c> message counter (its own meter factory, not other test servers').</summary>
    private sealed class MessageCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _immediate;
        private long _coalesced;

        public MessageCounter(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Parley.Realtime" && ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == "parley.hub.room_event.messages")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "kind")
                    {
                        Interlocked.Add(ref (string?)tag.Value == "coalesced" ? ref _coalesced : ref _immediate, value);
                    }
                }
            });
            _listener.Start();
        }

        public (long Immediate, long Coalesced) Totals() => (Interlocked.Read(ref _immediate), Interlocked.Read(ref _coalesced));

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary>Audience churn on the default period (1 s): it arrives without any stage change to push it.</summary>
public sealed class AudienceChurnPeriodTests(ParleyFactory factory) : IClassFixture<ParleyFactory>
{
    [Fact]
    public async Task QuietJoinsAndLeavesArriveFoldedWithinAboutAPeriodWithTheCountAndTheFaces()
    {
        var host = await factory.SignUpAsync("period_host");
        var listeners = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => factory.SignUpAsync($"period_listener_{i}")));
        var roomId = (await (await host.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "period" })).Content.ReadFromJsonAsync<Room>())!.Id;
        var h = await host.ConnectAsync();
        var snapshot = await h.JoinAsync(roomId);
        var connections = await Task.WhenAll(listeners.Select(l => l.ConnectAsync()));
        foreach (var connection in connections)
        {
            await connection.JoinAsync(roomId);
        }

        var joined = await h.WaitForAsync(e => e.AudienceCount == 3, "an envelope saying three listeners are in");
        await connections[1].InvokeAsync(RoomHubMethods.LeaveRoom, roomId);
        var left = await h.WaitForAsync(e => e.AudienceCount == 2, "an envelope saying one listener left");

        Assert.IsType<AudienceChanged>(joined.Event);
        Assert.Equal([.. listeners.Select(l => l.Id)], joined.Faces!.Select(f => f.UserId));
        Assert.Equal(new AudienceChanged(0, 1), left.Event);
        Assert.Equal([listeners[0].Id, listeners[2].Id], left.Faces!.Select(f => f.UserId));
        var state = new ClientRoomState(snapshot, host.Id);
        foreach (var envelope in h.Received)
        {
            state.Apply(envelope);
        }
        Assert.Equal(ClientRoomState.ToJson((await h.JoinAsync(roomId))), state.ToJson());
        Assert.True(h.Received.Count <= 4, $"the host received {h.Received.Count} messages for 3 joins and a leave");
    }
}
