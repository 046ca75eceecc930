using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>One hub connection: the room events it received, and typed calls of the hub's methods.</summary>
public sealed class RoomEvents(HubConnection connection, string userId)
{
    private readonly Lock _lock = new();
    private readonly List<RoomEventEnvelope> _received = [];
    private readonly List<(long Version, TaskCompletionSource Done)> _waiters = [];

    public HubConnection Connection => connection;

    public string UserId => userId;

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

    public void Add(RoomEventEnvelope envelope)
    {
        lock (_lock)
        {
            _received.Add(envelope);
            foreach (var waiter in _waiters.Where(w => envelope.Version >= w.Version).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public async Task WaitForVersionAsync(long version)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_received.Any(e => e.Version >= version))
            {
                return;
            }
            _waiters.Add((version, done));
        }
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{userId} timed out waiting for room event version {version}; got {string.Join(",", Received.Select(e => e.Version))}");
        }
    }

    public Task<RoomSnapshot> JoinAsync(string roomId) => connection.InvokeAsync<RoomSnapshot>(RoomHubMethods.JoinRoom, roomId);

    public Task InvokeAsync(string method, params object?[] args) => connection.InvokeCoreAsync(method, args);

    /// <summary>Calls a hub method expected to be refused; returns the typed code of the refusal.</summary>
    public async Task<RoomErrorCode?> RefusedAsync(string method, params object?[] args)
    {
        var exception = await Assert.ThrowsAsync<HubException>(() => connection.InvokeCoreAsync(method, args));
        return RoomErrorCodes.FromMessage(exception.Message);
    }
}
