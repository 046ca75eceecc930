namespace Parley.Protocol.Rooms;

/// <summary>One person in a room, as every client sees them.</summary>
/// <param name="UserId">The account id.</param>
/// <param name="UserName">The unique user name.</param>
/// <param name="DisplayName">The name shown.</param>
/// <param name="Role">Moderator, speaker or audience.</param>
/// <param name="Muted">Whether their microphone is muted (meaningful on stage).</param>
/// <param name="HandRaisedAt">When they raised their hand, or null; the queue is ordered by it.</param>
/// <param name="InvitedToSpeak">Whether a moderator invited them to speak and they have not answered.</param>
/// <param name="JoinedAt">When they joined the room.</param>
/// <param name="SpeakerSince">When they came on stage, or null in the audience.</param>
public sealed record Participant(
    string UserId,
    string UserName,
    string DisplayName,
    ParticipantRole Role,
    bool Muted,
    DateTimeOffset? HandRaisedAt,
    bool InvitedToSpeak,
    DateTimeOffset JoinedAt,
    DateTimeOffset? SpeakerSince);
