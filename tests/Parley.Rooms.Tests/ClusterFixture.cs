using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.TestingHost;
using Parley.Protocol.Rooms;

namespace Parley.Rooms.Tests;

/// <summary>A real one-silo Orleans cluster in process, with a fake clock and a recording history.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(StageFixture.Start);

    public RecordingHistory History { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.AddSingleton<IRoomHistory>(History);
            silo.Services.Configure<RoomOptions>(options =>
            {
                options.HousekeepingPeriod = TimeSpan.FromMilliseconds(100);
                options.EmptyRoomTimeout = TimeSpan.FromMinutes(5);
                options.ObserverExpiry = TimeSpan.FromHours(1);
            });
            silo.Services.AddParleyRooms();
        });
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddJsonSerializer(
            isSupported: type => type.Namespace?.StartsWith("Parley.Protocol", StringComparison.Ordinal) == true)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

public sealed class RecordingHistory : IRoomHistory
{
    public ConcurrentDictionary<string, DateTimeOffset> Ended { get; } = new();

    public Task RoomEndedAsync(string roomId, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        Ended[roomId] = endedAt;
        return Task.CompletedTask;
    }
}

/// <summary>A node observer that records envelopes and lets a test wait for a count of them.</summary>
public sealed class RecordingObserver : IRoomObserver
{
    private readonly Lock _lock = new();
    private readonly List<RoomEventEnvelope> _received = [];
    private readonly List<(Func<List<RoomEventEnvelope>, bool> Until, TaskCompletionSource Done)> _waiters = [];

    public List<RoomEventEnvelope> Received
    {
        get
        {
            lock (_lock)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>
    /// What was received, by version: one-way calls may overtake each other under load, so the
    /// grain's promise is versions, and nodes put events back in order (OrderedFeed in the server).
    /// </summary>
    public List<RoomEventEnvelope> Ordered => [.. Received.OrderBy(e => e.Version)];

    public Task OnRoomEventAsync(RoomEventEnvelope envelope)
    {
        lock (_lock)
        {
            _received.Add(envelope);
            foreach (var waiter in _waiters.Where(w => w.Until(_received)).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
        return Task.CompletedTask;
    }

    public async Task WaitForAsync(Func<List<RoomEventEnvelope>, bool> until, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (until(_received))
            {
                return;
            }
            _waiters.Add((until, done));
        }
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"timed out waiting for {what}; received: {string.Join(", ", Received.Select(e => $"{e.Version}:{e.Event.GetType().Name}"))}");
        }
    }

    /// <summary>Waits until every version from <paramref name="from"/> to <paramref name="version"/> arrived.</summary>
    public Task WaitForVersionAsync(long version, long from = 1) =>
        WaitForAsync(
            received => received.Select(e => e.Version).Where(v => v >= from && v <= version).Distinct().Count() == version - from + 1,
            $"versions {from} to {version}");
}
