using System.Text.Json;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>
/// What a client builds from its bounded snapshot plus the envelopes after it, by the rules of
/// docs/api.md (the web client's store does the same): a folded envelope covers
/// <c>FromVersion..Version</c>, events about someone not held carry them, and <c>Faces</c> replace
/// the plain listeners shown. Comparing it with a fresh snapshot proves that the envelopes say
/// everything a client shows.
/// </summary>
public sealed class ClientRoomState
{
    private readonly List<Participant> _participants;
    private readonly string? _selfId;

    public ClientRoomState(RoomSnapshot snapshot, string? selfId = null)
    {
        Snapshot = snapshot;
        Version = snapshot.Version;
        _participants = [.. snapshot.Participants];
        HandRaisingEnabled = snapshot.HandRaisingEnabled;
        Ended = snapshot.Ended;
        AudienceCount = snapshot.AudienceCount;
        _selfId = selfId;
    }

    public RoomSnapshot Snapshot { get; }

    public long Version { get; private set; }

    public bool HandRaisingEnabled { get; private set; }

    public bool Ended { get; private set; }

    public int AudienceCount { get; private set; }

    public IReadOnlyList<Participant> Participants => _participants;

    public void Apply(RoomEventEnvelope envelope)
    {
        if (envelope.Version <= Version)
        {
            return;
        }
        var from = envelope.FromVersion ?? envelope.Version;
        Assert.True(from <= Version + 1, $"gap: at {Version}, got {from}..{envelope.Version}");
        Version = envelope.Version;
        switch (envelope.Event)
        {
            case ParticipantJoined e: _participants.RemoveAll(p => p.UserId == e.Participant.UserId); _participants.Add(e.Participant); break;
            case ParticipantLeft e: _participants.RemoveAll(p => p.UserId == e.UserId); break;
            case ParticipantRemoved e: _participants.RemoveAll(p => p.UserId == e.UserId); break;
            case RoleChanged e:
                Update(e.UserId, e.Participant, p => e.Role == ParticipantRole.Audience
                    ? p with { Role = e.Role, SpeakerSince = null, Muted = false }
                    : p with { Role = e.Role, SpeakerSince = e.SpeakerSince, HandRaisedAt = null, InvitedToSpeak = false });
                break;
            case HandRaised e: Update(e.UserId, e.Participant, p => p with { HandRaisedAt = e.RaisedAt }); break;
            case HandLowered e: Update(e.UserId, null, p => p with { HandRaisedAt = null }); break;
            case SpeakInvited e: Update(e.UserId, e.Participant, p => p with { InvitedToSpeak = true }); break;
            case SpeakInviteDeclined e: Update(e.UserId, null, p => p with { InvitedToSpeak = false }); break;
            case MuteChanged e: Update(e.UserId, null, p => p with { Muted = e.Muted }); break;
            case HandRaisingChanged e: HandRaisingEnabled = e.Enabled; break;
            case RoomEnded: Ended = true; _participants.Clear(); break;
            case AudienceChanged: break;
        }
        if (envelope.AudienceCount is { } count)
        {
            AudienceCount = count;
        }
        if (envelope.Faces is { } faces)
        {
            var keep = faces.Select(f => f.UserId).ToHashSet();
            _participants.RemoveAll(p => IsPlain(p) && p.UserId != _selfId && !keep.Contains(p.UserId));
            foreach (var face in faces.Where(f => _participants.All(p => p.UserId != f.UserId)))
            {
                _participants.Add(face);
            }
        }
    }

    /// <summary>The state as a snapshot, serialised, for comparison with the server's (participants in join order).</summary>
    public string ToJson() => JsonSerializer.Serialize(Snapshot with
    {
        Version = Version,
        HandRaisingEnabled = HandRaisingEnabled,
        Ended = Ended,
        AudienceCount = AudienceCount,
        Participants = [.. _participants.OrderBy(p => p.JoinedAt).ThenBy(p => p.UserId, StringComparer.Ordinal)],
    });

    public static string ToJson(RoomSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot with { Participants = [.. snapshot.Participants.OrderBy(p => p.JoinedAt).ThenBy(p => p.UserId, StringComparer.Ordinal)] });

    private static bool IsPlain(Participant p) => p is { Role: ParticipantRole.Audience, HandRaisedAt: null, InvitedToSpeak: false };

    private void Update(string userId, Participant? carried, Func<Participant, Participant> change)
    {
        var index = _participants.FindIndex(p => p.UserId == userId);
        if (index < 0)
        {
            Assert.True(carried is not null, $"event for {userId}, who is not held and the event does not carry them");
            _participants.Add(carried);
            index = _participants.Count - 1;
        }
        _participants[index] = change(_participants[index]);
    }
}
