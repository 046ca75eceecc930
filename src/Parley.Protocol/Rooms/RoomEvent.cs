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
public abstract record RoomEvent;

/// <summary>Someone entered the room (in the audience, or as moderator when they created it).</summary>
/// <param name="Participant">Their state on entering.</param>
public sealed record ParticipantJoined(Participant Participant) : RoomEvent;

/// <summary>Someone left the room (quietly, or after their connection's grace period).</summary>
/// <param name="UserId">Who left.</param>
public sealed record ParticipantLeft(string UserId) : RoomEvent;

/// <summary>
/// Someone's role changed. Moving to the stage clears their hand and speak invitation; moving to
/// the audience clears <paramref name="SpeakerSince"/> and their mute.
/// </summary>
/// <param name="UserId">Whose role changed.</param>
/// <param name="Role">The new role.</param>
/// <param name="SpeakerSince">When they came on stage; null in the audience.</param>
public sealed record RoleChanged(string UserId, ParticipantRole Role, DateTimeOffset? SpeakerSince) : RoomEvent;

/// <summary>A listener raised their hand; the hand queue is ordered by <paramref name="RaisedAt"/>.</summary>
/// <param name="UserId">Who raised it.</param>
/// <param name="RaisedAt">When.</param>
public sealed record HandRaised(string UserId, DateTimeOffset RaisedAt) : RoomEvent;

/// <summary>A hand went down (lowered by its owner, or because hand raising was turned off).</summary>
/// <param name="UserId">Whose hand.</param>
public sealed record HandLowered(string UserId) : RoomEvent;

/// <summary>A moderator invited a listener to speak; the listener accepts or declines.</summary>
/// <param name="UserId">The invited listener.</param>
/// <param name="ByUserId">The moderator who invited.</param>
public sealed record SpeakInvited(string UserId, string ByUserId) : RoomEvent;

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
