using System.Text.Json.Serialization;

namespace Parley.Protocol.Rooms;

/// <summary>
/// A change of a room's live state. On the wire an object with a <c>type</c> discriminator
/// (camelCase event name) and the event's fields.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ParticipantJoined), "participantJoined")]
[JsonDerivedType(typeof(ParticipantLeft), "participantLeft")]
[JsonDerivedType(typeof(RoleChanged), "roleChanged")]
[JsonDerivedType(typeof(HandRaised), "handRaised")]
[JsonDerivedType(typeof(HandLowered), "handLowered")]
[JsonDerivedType(typeof(SpeakInvited), "speakInvited")]
[JsonDerivedType(typeof(SpeakInviteDeclined), "speakInviteDeclined")]
[JsonDerivedType(typeof(MuteChanged), "muteChanged")]
[JsonDerivedType(typeof(ParticipantRemoved), "participantRemoved")]
[JsonDerivedType(typeof(HandRaisingChanged), "handRaisingChanged")]
[JsonDerivedType(typeof(RoomEnded), "roomEnded")]
[JsonDerivedType(typeof(AudienceChanged), "audienceChanged")]
public abstract record RoomEvent
{
    /// <summary>
    /// Whether this event is audience churn: a listener entering, or leaving with no raised hand
    /// and no pending speak invitation. The hub never sends churn one event at a time: it folds it
    /// into <see cref="AudienceChanged"/> (DESIGN.md §2: room events scale with the room, not its
    /// square). Everything else is a stage change and goes out at once.
    /// </summary>
    public static bool IsAudienceChurn(RoomEvent roomEvent) => roomEvent is
        ParticipantJoined { Participant: { Role: ParticipantRole.Audience, HandRaisedAt: null, InvitedToSpeak: false } }
        or ParticipantLeft { AudienceChurn: true };
}

/// <summary>Someone entered the room (in the audience, or as moderator when they created it).</summary>
/// <param name="Participant">Their state on entering.</param>
public sealed record ParticipantJoined(Participant Participant) : RoomEvent;

/// <summary>Someone left the room (quietly, or after their connection's grace period).</summary>
/// <param name="UserId">Who left.</param>
/// <param name="AudienceChurn">
/// They left from the audience with no raised hand and no pending speak invitation; the hub
/// folds such leaves into <see cref="AudienceChanged"/>.
/// </param>
public sealed record ParticipantLeft(string UserId, bool AudienceChurn = false) : RoomEvent;

/// <summary>
/// Someone's role changed. Moving to the stage clears their hand and speak invitation; moving to
/// the audience clears <paramref name="SpeakerSince"/> and their mute.
/// </summary>
/// <param name="UserId">Whose role changed.</param>
/// <param name="Role">The new role.</param>
/// <param name="SpeakerSince">When they came on stage; null in the audience.</param>
/// <param name="Participant">
/// Their state before the change, for a client that does not hold them (a room's snapshot lists
/// only the stage, hands, invitations and the first few audience faces).
/// </param>
public sealed record RoleChanged(string UserId, ParticipantRole Role, DateTimeOffset? SpeakerSince, Participant? Participant = null) : RoomEvent;

/// <summary>A listener raised their hand; the hand queue is ordered by <paramref name="RaisedAt"/>.</summary>
/// <param name="UserId">Who raised it.</param>
/// <param name="RaisedAt">When.</param>
/// <param name="Participant">Their state before raising it, for a client that does not hold them.</param>
public sealed record HandRaised(string UserId, DateTimeOffset RaisedAt, Participant? Participant = null) : RoomEvent;

/// <summary>A hand went down (lowered by its owner, or because hand raising was turned off).</summary>
/// <param name="UserId">Whose hand.</param>
public sealed record HandLowered(string UserId) : RoomEvent;

/// <summary>A moderator invited a listener to speak; the listener accepts or declines.</summary>
/// <param name="UserId">The invited listener.</param>
/// <param name="ByUserId">The moderator who invited.</param>
/// <param name="Participant">The listener's state before the invitation, for a client that does not hold them.</param>
public sealed record SpeakInvited(string UserId, string ByUserId, Participant? Participant = null) : RoomEvent;

/// <summary>The listener declined the invitation to speak.</summary>
/// <param name="UserId">The listener.</param>
public sealed record SpeakInviteDeclined(string UserId) : RoomEvent;

/// <summary>A speaker was muted (by a moderator or themself) or unmuted themself.</summary>
/// <param name="UserId">The speaker.</param>
/// <param name="Muted">The new state.</param>
public sealed record MuteChanged(string UserId, bool Muted) : RoomEvent;

/// <summary>A moderator removed someone; they cannot rejoin this room.</summary>
/// <param name="UserId">Who was removed.</param>
public sealed record ParticipantRemoved(string UserId) : RoomEvent;

/// <summary>Hand raising was turned on or off; turning it off lowers every hand (separate events).</summary>
/// <param name="Enabled">The new state.</param>
public sealed record HandRaisingChanged(bool Enabled) : RoomEvent;

/// <summary>The room ended; nothing follows.</summary>
public sealed record RoomEnded : RoomEvent;

/// <summary>
/// Audience churn folded by the hub: the listeners who entered or left quietly since the previous
/// envelope. It covers the versions <c>FromVersion..Version</c> of its envelope; the envelope's
/// <c>AudienceCount</c> and <c>Faces</c> carry the state after them. Never sent by the grain.
/// </summary>
/// <param name="Joined">How many listeners entered in the range.</param>
/// <param name="Left">How many listeners left quietly in the range.</param>
public sealed record AudienceChanged(int Joined, int Left) : RoomEvent;
