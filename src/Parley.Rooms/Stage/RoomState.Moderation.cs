namespace Parley.Rooms.Stage;

public sealed partial class RoomState
{
    /// <summary>
    /// Bans someone who is not in the room: no event (nobody sees a change), but a later join is
    /// refused like a removed person's. Someone present is banned through a ParticipantRemoved event.
    /// </summary>
    public void Ban(string userId) => _removed.Add(userId);

    /// <summary>Lifts a ban or removal: they may join again (as audience).</summary>
    public bool Unban(string userId) => _removed.Remove(userId);
}
