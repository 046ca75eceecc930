using Parley.Protocol.Rooms;

namespace Parley.Rooms.Stage;

/// <summary>
/// The live state of one room: metadata, participants in join order, removals, hand raising and
/// the event version. It changes only through <see cref="Apply"/>, so the state a client builds
/// from a snapshot plus events is exactly this one (the web client's store uses the same rules).
/// </summary>
public sealed partial class RoomState
{
    private readonly OrderedDictionary<string, Participant> _participants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    // Everyone who is not a plain listener (on stage, hand up, invited): every snapshot lists them,
    // so they are kept apart to build a snapshot without walking the whole audience.
    private readonly HashSet<string> _notable = new(StringComparer.Ordinal);

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

    /// <summary>How many people are in the audience (with or without a hand up).</summary>
    public int AudienceCount { get; private set; }

    public IEnumerable<Participant> Participants => _participants.Values;

    /// <summary>Everyone on stage, with a hand up or invited to speak (unordered): bounded by the stage, not the audience.</summary>
    public IEnumerable<Participant> Notable => _notable.Select(userId => _participants[userId]);

    /// <summary>Someone's place in the join order (-1 when absent).</summary>
    public int JoinOrder(string userId) => _participants.IndexOf(userId);

    public bool IsRemoved(string userId) => _removed.Contains(userId);

    public Participant? Find(string userId) => _participants.GetValueOrDefault(userId);

    /// <summary>Applies one event and advances the version by one.</summary>
    public void Apply(RoomEvent roomEvent, DateTimeOffset now)
    {
        switch (roomEvent)
        {
            case ParticipantJoined e:
                Forget(e.Participant.UserId);
                _participants[e.Participant.UserId] = e.Participant;
                Track(e.Participant, +1);
                break;
            case ParticipantLeft e:
                Forget(e.UserId);
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
                Forget(e.UserId);
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
                _notable.Clear();
                AudienceCount = 0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(roomEvent), roomEvent.GetType().Name, "unknown room event");
        }
        Version++;
    }

    /// <summary>Everyone, unbounded: for the server's own checks and tests, never for a client.</summary>
    public RoomSnapshot ToSnapshot() => Snapshot([.. _participants.Values]);

    /// <summary>
    /// The snapshot one person gets: the stage, hands and invitations, the viewer, and the first
    /// <paramref name="faces"/> listeners, in join order. Its size follows the stage and the hand
    /// queue, not the audience, so a join storm of N costs O(N) snapshot bytes, not O(N²).
    /// </summary>
    public RoomSnapshot ToSnapshot(string viewerId, int faces)
    {
        var shown = new HashSet<string>(_notable, StringComparer.Ordinal);
        if (_participants.ContainsKey(viewerId))
        {
            shown.Add(viewerId);
        }
        foreach (var face in Faces(faces))
        {
            shown.Add(face.UserId);
        }
        var indexed = new List<(int Index, Participant Participant)>(shown.Count);
        foreach (var userId in shown)
        {
            indexed.Add((_participants.IndexOf(userId), _participants[userId]));
        }
        indexed.Sort((a, b) => a.Index.CompareTo(b.Index));
        return Snapshot([.. indexed.Select(x => x.Participant)]);
    }

    /// <summary>
    /// The first <paramref name="limit"/> audience members in join order (hands up or not). Walks
    /// only until it has them, past at most the stage.
    /// </summary>
    public List<Participant> Faces(int limit)
    {
        var faces = new List<Participant>(Math.Min(limit, AudienceCount));
        if (limit <= 0)
        {
            return faces;
        }
        foreach (var participant in _participants.Values)
        {
            if (participant.Role == ParticipantRole.Audience)
            {
                faces.Add(participant);
                if (faces.Count == limit)
                {
                    break;
                }
            }
        }
        return faces;
    }

    /// <summary>A listener with no hand up and no pending invitation: the crowd, whose churn is coalesced.</summary>
    public static bool IsPlainAudience(Participant participant) =>
        participant is { Role: ParticipantRole.Audience, HandRaisedAt: null, InvitedToSpeak: false };

    private RoomSnapshot Snapshot(IReadOnlyList<Participant> participants) => new(
        RoomId,
        Version,
        Setup.Title,
        Setup.Description,
        Setup.Topics,
        Setup.Visibility,
        HandRaisingEnabled,
        Ended,
        participants,
        AudienceCount);

    private void Update(string userId, Func<Participant, Participant> change)
    {
        if (_participants.TryGetValue(userId, out var participant))
        {
            Track(participant, -1);
            var changed = change(participant);
            _participants[userId] = changed;
            Track(changed, +1);
        }
    }

    private void Forget(string userId)
    {
        if (_participants.Remove(userId, out var participant))
        {
            Track(participant, -1);
        }
    }

    private void Track(Participant participant, int delta)
    {
        if (participant.Role == ParticipantRole.Audience)
        {
            AudienceCount += delta;
        }
        if (IsPlainAudience(participant))
        {
            _notable.Remove(participant.UserId);
        }
        else if (delta > 0)
        {
            _notable.Add(participant.UserId);
        }
        else
        {
            _notable.Remove(participant.UserId);
        }
    }
}
