namespace Parley.Rooms;

/// <summary>
/// Where a room grain records that its room ended (the server writes it to the database, so the
/// room leaves the hallway and stays in history). Kept as an interface so Rooms never depends on
/// EF Core.
/// </summary>
public interface IRoomHistory
{
    Task RoomEndedAsync(string roomId, DateTimeOffset endedAt, CancellationToken cancellationToken);
}

/// <summary>The default when the host records nothing (tests of the grain alone).</summary>
internal sealed class NoRoomHistory : IRoomHistory
{
    public Task RoomEndedAsync(string roomId, DateTimeOffset endedAt, CancellationToken cancellationToken) => Task.CompletedTask;
}
