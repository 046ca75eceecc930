namespace Parley.Server.Hubs;

/// <summary>
/// This node's hub connections per room and user: which rooms a connection joined (to leave them
/// when it drops), whether a user still has a connection in a room (to decide, after the grace
/// period, whether they really left), and which rooms have local connections at all (the rooms
/// this node's observer must stay subscribed to).
/// </summary>
internal sealed class RoomPresence
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<(string RoomId, string UserId)>> _byConnection = new(StringComparer.Ordinal);
    private readonly Dictionary<(string RoomId, string UserId), HashSet<string>> _connections = [];
    private readonly Dictionary<string, int> _roomConnections = new(StringComparer.Ordinal);
    private readonly Dictionary<(string RoomId, string UserId), long> _joins = [];

    public void Add(string connectionId, string roomId, string userId)
    {
        lock (_lock)
        {
            if (!_byConnection.TryGetValue(connectionId, out var rooms))
            {
                _byConnection[connectionId] = rooms = [];
            }
            _joins[(roomId, userId)] = _joins.GetValueOrDefault((roomId, userId)) + 1;
            if (!rooms.Add((roomId, userId)))
            {
                return;
            }
            if (!_connections.TryGetValue((roomId, userId), out var connections))
            {
                _connections[(roomId, userId)] = connections = new HashSet<string>(StringComparer.Ordinal);
            }
            connections.Add(connectionId);
            _roomConnections[roomId] = _roomConnections.GetValueOrDefault(roomId) + 1;
        }
    }

    /// <summary>Forgets one connection in one room.</summary>
    public void Remove(string connectionId, string roomId, string userId)
    {
        lock (_lock)
        {
            if (_byConnection.TryGetValue(connectionId, out var rooms) && rooms.Remove((roomId, userId)))
            {
                if (rooms.Count == 0)
                {
                    _byConnection.Remove(connectionId);
                }
                RemoveConnection(connectionId, roomId, userId);
            }
        }
    }

    /// <summary>Forgets a dropped connection; returns the rooms it was in.</summary>
    public List<(string RoomId, string UserId)> RemoveConnection(string connectionId)
    {
        lock (_lock)
        {
            if (!_byConnection.Remove(connectionId, out var rooms))
            {
                return [];
            }
            foreach (var (roomId, userId) in rooms)
            {
                RemoveConnection(connectionId, roomId, userId);
            }
            return [.. rooms];
        }
    }

    /// <summary>Forgets every connection of one user in one room (removed); returns them.</summary>
    public List<string> RemoveUser(string roomId, string userId)
    {
        lock (_lock)
        {
            if (!_connections.TryGetValue((roomId, userId), out var connections))
            {
                return [];
            }
            var dropped = connections.ToList();
            foreach (var connectionId in dropped)
            {
                Remove(connectionId, roomId, userId);
            }
            return dropped;
        }
    }

    /// <summary>Forgets a room (ended); returns its connections.</summary>
    public List<string> RemoveRoom(string roomId)
    {
        lock (_lock)
        {
            var dropped = new List<string>();
            foreach (var key in _connections.Keys.Where(k => k.RoomId == roomId).ToList())
            {
                dropped.AddRange(RemoveUser(roomId, key.UserId));
            }
            foreach (var key in _joins.Keys.Where(k => k.RoomId == roomId).ToList())
            {
                _joins.Remove(key);
            }
            return dropped;
        }
    }

    /// <summary>
    /// How many times the user joined the room from this node: a grace period that started
    /// before a later join must not end their stay, even if that later connection dropped too.
    /// </summary>
    public long JoinCount(string roomId, string userId)
    {
        lock (_lock)
        {
            return _joins.GetValueOrDefault((roomId, userId));
        }
    }

    public bool IsPresent(string roomId, string userId)
    {
        lock (_lock)
        {
            return _connections.ContainsKey((roomId, userId));
        }
    }

    /// <summary>How many of this node's connections are in the room (for the per-connection message count).</summary>
    public int ConnectionCount(string roomId)
    {
        lock (_lock)
        {
            return _roomConnections.GetValueOrDefault(roomId);
        }
    }

    public List<string> RoomsWithConnections()
    {
        lock (_lock)
        {
            return [.. _roomConnections.Keys];
        }
    }

    private void RemoveConnection(string connectionId, string roomId, string userId)
    {
        if (_connections.TryGetValue((roomId, userId), out var connections) && connections.Remove(connectionId) && connections.Count == 0)
        {
            _connections.Remove((roomId, userId));
        }
        var left = _roomConnections.GetValueOrDefault(roomId) - 1;
        if (left <= 0)
        {
            _roomConnections.Remove(roomId);
        }
        else
        {
            _roomConnections[roomId] = left;
        }
    }
}
