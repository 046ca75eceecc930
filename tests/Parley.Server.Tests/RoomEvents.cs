using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>One hub connection: the room events it received, and typed calls of the hub's methods.</summary>
public sealed class RoomEvents(HubConnection connection, string userId)
{
    private readonly Lock _lock = new();
    private readonly List<RoomEventEnvelope> _received = [];
    private readonly List<(Func<RoomEventEnvelope, bool> Until, TaskCompletionSource Done)> _waiters = [];

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
            foreach (var waiter in _waiters.Where(w => w.Until(envelope)).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    public Task WaitForVersionAsync(long version) => WaitForAsync(e => e.Version >= version, $"room event version {version}");

    /// <summary>Waits for an envelope that matches (already received or still to come); returns it.</summary>
    public async Task<RoomEventEnvelope> WaitForAsync(Func<RoomEventEnvelope, bool> until, string what, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_received.FirstOrDefault(until) is { } already)
            {
                return already;
            }
            _waiters.Add((until, done));
        }
        try
        {
            await done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{userId} timed out waiting for {what}; got {string.Join(",", Received.Select(e => e.Version))}");
        }
        return Received.First(until);
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

/// <summary>Envelopes in their wire form: records holding lists (faces) compare by reference.</summary>
public static class EnvelopeWire
{
    public static List<string> Wire(this IEnumerable<RoomEventEnvelope> envelopes) =>
        [.. envelopes.Select(e => System.Text.Json.JsonSerializer.Serialize(e))];
}
