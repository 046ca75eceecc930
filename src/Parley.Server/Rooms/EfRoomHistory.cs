using Microsoft.EntityFrameworkCore;
using Parley.Rooms;
using Parley.Server.Data;

namespace Parley.Server.Rooms;

/// <summary>The room grain's record of a room's end, written to the database (once: the first end wins).</summary>
internal sealed class EfRoomHistory(IServiceScopeFactory scopes) : IRoomHistory
{
    public async Task RoomEndedAsync(string roomId, DateTimeOffset endedAt, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ParleyDbContext>();
        await db.Rooms.Where(r => r.Id == roomId && r.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.EndedAt, endedAt), cancellationToken);
    }
}
