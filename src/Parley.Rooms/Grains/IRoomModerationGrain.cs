namespace Parley.Rooms;

/// <summary>
/// The room grain's moderation actions (issue 6), a second interface of the same grain (same key).
/// Bans stored in the database are the server's; the grain refuses a banned person's join for as
/// long as it lives and removes them at once when they are present.
/// </summary>
public interface IRoomModerationGrain : IGrainWithStringKey
{
    /// <summary>A moderator bans someone, present or not; present, they are removed (ParticipantRemoved).</summary>
    Task<StageResult> BanAsync(string moderatorId, string targetId);

    /// <summary>Removes a ban the server already authorised (the banned person may join again).</summary>
    Task UnbanAsync(string targetId);

    /// <summary>The server's ban (stored, e.g. a host-wide one) applied to a live room: removes them if present.</summary>
    Task EnforceBanAsync(string targetId);

    /// <summary>A moderator hands the room over to someone on stage and becomes a speaker.</summary>
    Task<StageResult> HandOverAsync(string moderatorId, string targetId);

    /// <summary>A moderator brings the longest-waiting raised hand on stage.</summary>
    Task<StageResult> AcceptNextHandAsync(string moderatorId);

    /// <summary>A moderator lowers every hand.</summary>
    Task<StageResult> ClearHandsAsync(string moderatorId);

    /// <summary>A moderator mutes everyone else on stage.</summary>
    Task<StageResult> MuteAllSpeakersAsync(string moderatorId);
}
