using Parley.Protocol.Rooms;

namespace Parley.Rooms.Stage;

/// <summary>
/// The live state of one room: metadata, participants in join order, removals, hand raising and
/// the event version. It changes only through <see cref="Apply"/>, so the state a client builds
/// from a snapshot plus events is exactly this one (the web client's store uses the same rules).
/// </summary>
public sealed class RoomState
{
    private readonly OrderedDictionary<string, Participant> _participants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    public RoomState(string roomId, RoomSetup setup)
    {
        RoomId = roomId;
        Setup = setup;
    }

    public string RoomId { get; }

    public RoomSetup Setup { get; }

    /// <summary>The version of the last applied event (0 before any).</summary>
    public long Version { get; private set; }

    public bool HandRaisingEnabled { get; private set; } = true;

    public bool Ended { get; private set; }

    /// <summary>A moderator moved the creator to the audience or removed them: they rejoin as audience.</summary>
    public bool CreatorDemoted { get; private set; }

    public int Count => _participants.Count;

    public IEnumerable<Participant> Participants => _participants.Values;

    public bool IsRemoved(string userId) => _removed.Contains(userId);

    public Participant? Find(string userId) => _participants.GetValueOrDefault(userId);

    /// <summary>Applies one event and advances the version by one.</summary>
    public void Apply(RoomEvent roomEvent, DateTimeOffset now)
    {
        switch (roomEvent)
        {
            case ParticipantJoined e:
                _participants[e.Participant.UserId] = e.Participant;
                break;
            case ParticipantLeft e:
                _participants.Remove(e.UserId);
                break;
            case RoleChanged e:
                Update(e.UserId, p => e.Role == ParticipantRole.Audience
                    ? p with { Role = e.Role, SpeakerSince = null, Muted = false }
                    : p with { Role = e.Role, SpeakerSince = e.SpeakerSince ?? now, HandRaisedAt = null, InvitedToSpeak = false });
                if (e.Role == ParticipantRole.Audience && e.UserId == Setup.CreatedByUserId)
                {
                    CreatorDemoted = true;
                }
                break;
            case HandRaised e:
                Update(e.UserId, p => p with { HandRaisedAt = e.RaisedAt });
                break;
            case HandLowered e:
                Update(e.UserId, p => p with { HandRaisedAt = null });
                break;
            case SpeakInvited e:
                Update(e.UserId, p => p with { InvitedToSpeak = true });
                break;
            case SpeakInviteDeclined e:
                Update(e.UserId, p => p with { InvitedToSpeak = false });
                break;
            case MuteChanged e:
                Update(e.UserId, p => p with { Muted = e.Muted });
                break;
            case ParticipantRemoved e:
                _participants.Remove(e.UserId);
                _removed.Add(e.UserId);
                if (e.UserId == Setup.CreatedByUserId)
                {
                    CreatorDemoted = true;
                }
                break;
            case HandRaisingChanged e:
                HandRaisingEnabled = e.Enabled;
                break;
            case RoomEnded:
                Ended = true;
                _participants.Clear();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(roomEvent), roomEvent.GetType().Name, "unknown room event");
        }
        Version++;
    }

    public RoomSnapshot ToSnapshot() => new(
        RoomId,
        Version,
        Setup.Title,
        Setup.Description,
        Setup.Topics,
        Setup.Visibility,
        HandRaisingEnabled,
        Ended,
        [.. _participants.Values]);

    private void Update(string userId, Func<Participant, Participant> change)
    {
        if (_participants.TryGetValue(userId, out var participant))
        {
            _participants[userId] = change(participant);
        }
    }
}
