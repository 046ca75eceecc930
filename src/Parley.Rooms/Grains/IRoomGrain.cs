using Parley.Protocol.Rooms;

namespace Parley.Rooms;

/// <summary>
/// The single authority for a live room (keyed by room id): participants, roles, the hand queue,
/// speak invitations, mutes, removals, hand raising and the end. Every change is applied through
/// <c>StageRules</c>, advances the version by one per event and is published to the subscribed
/// node observers. Actor ids are the authenticated caller's; the server never passes a client's
/// claim of who it is.
/// </summary>
public interface IRoomGrain : IGrainWithStringKey
{
    /// <summary>Starts the room with its metadata. Calling it again on a live room changes nothing.</summary>
    Task InitializeAsync(RoomSetup setup);

    /// <summary>Counts, stage and moderators for the hallway and authorisation checks.</summary>
    Task<RoomSummary> GetSummaryAsync();

    /// <summary>
    /// The whole current state with every participant, or null when the room was never set up.
    /// O(audience): for the server's own checks and tests; clients get <see cref="GetViewAsync"/>.
    /// </summary>
    Task<RoomSnapshot?> GetSnapshotAsync();

    /// <summary>
    /// The bounded snapshot one person sees (stage, hands, invitations, themself, the first
    /// <see cref="RoomOptions.AudienceFaces"/> listeners, and the audience count), or null.
    /// </summary>
    Task<RoomSnapshot?> GetViewAsync(string userId);

    /// <summary>Enters the room (or re-enters keeping the role); returns the caller's bounded snapshot (<see cref="GetViewAsync"/>).</summary>
    Task<JoinResult> JoinAsync(RoomMember member);

    /// <summary>Leaves quietly; the last moderator hands over to the longest-standing speaker; the last one out ends the room.</summary>
    Task<StageResult> LeaveAsync(string userId);

    /// <summary>Audience member raises their hand (needs hand raising enabled).</summary>
    Task<StageResult> RaiseHandAsync(string userId);

    /// <summary>Audience member lowers their hand.</summary>
    Task<StageResult> LowerHandAsync(string userId);

    /// <summary>A moderator invites a listener to speak.</summary>
    Task<StageResult> InviteToSpeakAsync(string moderatorId, string targetId);

    /// <summary>The invited listener comes on stage as a speaker.</summary>
    Task<StageResult> AcceptSpeakInviteAsync(string userId);

    /// <summary>The invited listener declines.</summary>
    Task<StageResult> DeclineSpeakInviteAsync(string userId);

    /// <summary>A moderator moves someone on stage to the audience.</summary>
    Task<StageResult> MoveToAudienceAsync(string moderatorId, string targetId);

    /// <summary>Someone on stage moves themself to the audience.</summary>
    Task<StageResult> StepDownAsync(string userId);

    /// <summary>A moderator mutes someone on stage (they may unmute again).</summary>
    Task<StageResult> MuteSpeakerAsync(string moderatorId, string targetId);

    /// <summary>Someone on stage mutes or unmutes themself.</summary>
    Task<StageResult> SetSelfMutedAsync(string userId, bool muted);

    /// <summary>A moderator makes a speaker a moderator.</summary>
    Task<StageResult> MakeModeratorAsync(string moderatorId, string targetId);

    /// <summary>A moderator removes someone, who cannot rejoin this room.</summary>
    Task<StageResult> RemoveParticipantAsync(string moderatorId, string targetId);

    /// <summary>A moderator turns hand raising on or off (off lowers every hand).</summary>
    Task<StageResult> SetHandRaisingEnabledAsync(string moderatorId, bool enabled);

    /// <summary>A moderator ends the room.</summary>
    Task<StageResult> EndAsync(string moderatorId);

    /// <summary>Subscribes (or refreshes) a node observer; returns the current version.</summary>
    Task<long> SubscribeAsync(IRoomObserver observer);

    /// <summary>Forgets a node observer.</summary>
    Task UnsubscribeAsync(IRoomObserver observer);
}
