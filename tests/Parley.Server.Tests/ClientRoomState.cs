using System.Text.Json;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>
/// What a client builds from a snapshot plus the deltas after it, by the rules of docs/api.md
/// (the web client's store does the same). Comparing it with a fresh snapshot proves that the
/// events say everything.
/// </summary>
public sealed class ClientRoomState
{
    private readonly List<Participant> _participants;

    public ClientRoomState(RoomSnapshot snapshot)
    {
        Snapshot = snapshot;
        Version = snapshot.Version;
        _participants = [.. snapshot.Participants];
        HandRaisingEnabled = snapshot.HandRaisingEnabled;
        Ended = snapshot.Ended;
    }

    public RoomSnapshot Snapshot { get; }

    public long Version { get; private set; }

    public bool HandRaisingEnabled { get; private set; }

    public bool Ended { get; private set; }

    public void Apply(RoomEventEnvelope envelope)
    {
        if (envelope.Version <= Version)
        {
            return;
        }
        Assert.True(envelope.Version == Version + 1, $"gap: at {Version}, got {envelope.Version}");
        Version = envelope.Version;
        switch (envelope.Event)
        {
            case ParticipantJoined e: _participants.Add(e.Participant); break;
            case ParticipantLeft e: _participants.RemoveAll(p => p.UserId == e.UserId); break;
            case ParticipantRemoved e: _participants.RemoveAll(p => p.UserId == e.UserId); break;
            case RoleChanged e:
                Update(e.UserId, p => e.Role == ParticipantRole.Audience
                    ? p with { Role = e.Role, SpeakerSince = null, Muted = false }
                    : p with { Role = e.Role, SpeakerSince = e.SpeakerSince, HandRaisedAt = null, InvitedToSpeak = false });
                break;
            case HandRaised e: Update(e.UserId, p => p with { HandRaisedAt = e.RaisedAt }); break;
            case HandLowered e: Update(e.UserId, p => p with { HandRaisedAt = null }); break;
            case SpeakInvited e: Update(e.UserId, p => p with { InvitedToSpeak = true }); break;
            case SpeakInviteDeclined e: Update(e.UserId, p => p with { InvitedToSpeak = false }); break;
            case MuteChanged e: Update(e.UserId, p => p with { Muted = e.Muted }); break;
            case HandRaisingChanged e: HandRaisingEnabled = e.Enabled; break;
            case RoomEnded: Ended = true; _participants.Clear(); break;
        }
    }

    /// <summary>The state as a snapshot, serialised, for comparison with the server's.</summary>
    public string ToJson() => JsonSerializer.Serialize(Snapshot with
    {
        Version = Version,
        HandRaisingEnabled = HandRaisingEnabled,
        Ended = Ended,
        Participants = [.. _participants],
    });

    public static string ToJson(RoomSnapshot snapshot) => JsonSerializer.Serialize(snapshot with { Participants = [.. snapshot.Participants] });

    private void Update(string userId, Func<Participant, Participant> change)
    {
        var index = _participants.FindIndex(p => p.UserId == userId);
        Assert.True(index >= 0, $"event for {userId}, who is not in the room");
        _participants[index] = change(_participants[index]);
    }
}
