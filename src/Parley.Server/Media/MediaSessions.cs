using Microsoft.Extensions.Options;
using Parley.Media;
using Parley.Protocol.Rooms;
using Parley.Rooms;
using Parley.Server.Hubs;

namespace Parley.Server.Media;

/// <summary>
/// The media sessions of the people connected to this node, kept in line with the room grain:
/// the grain is the authority and the SFU enforces it. This node subscribes its own observer to
/// every room with a local media session (the same per-node pattern as the event relay), and each
/// role, mute, leave, removal or end applies <see cref="MediaServer.SetCanPublish"/> or closes the
/// session at once, whatever the client does (DESIGN.md §2). Only a moderator or speaker who is not
/// muted is forwarded.
/// </summary>
internal sealed partial class MediaSessions : IRoomObserver, IHostedService, IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly MediaHost _host;
    private readonly ActiveSpeakerFeed _speakers;
    private readonly IOptions<RoomOptions> _roomOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<MediaSessions> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, Session>> _rooms = new(StringComparer.Ordinal);
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);
    private IRoomObserver? _self;
    private ITimer? _refresh;

    public MediaSessions(IGrainFactory grains, MediaHost host, ActiveSpeakerFeed speakers, IOptions<RoomOptions> roomOptions, TimeProvider time, ILogger<MediaSessions> logger)
    {
        _grains = grains;
        _host = host;
        _speakers = speakers;
        _roomOptions = roomOptions;
        _time = time;
        _logger = logger;
    }

    /// <summary>The SFU's peer id of a person in a room (one session per person and room).</summary>
    public static string PeerId(string roomId, string userId) => $"{roomId}/{userId}";

    /// <summary>The user id back from a peer id.</summary>
    public static string UserIdOf(string peerId) => peerId[(peerId.IndexOf('/', StringComparison.Ordinal) + 1)..];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _self = _grains.CreateObjectReference<IRoomObserver>(this);
        var period = _roomOptions.Value.ObserverExpiry / 3;
        _refresh = _time.CreateTimer(_ => _ = RefreshAsync(), null, period, period);
        _host.Server.ActiveSpeakersChanged += (_, e) => _speakers.Publish(e.RoomId, [.. e.PeerIds.Select(UserIdOf)]);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _refresh?.Dispose();
        if (_self is not null)
        {
            try
            {
                _grains.DeleteObjectReference<IRoomObserver>(_self);
            }
            catch (ArgumentException)
            {
                // The silo stopped first and already forgot its local objects.
            }
            _self = null;
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _refresh?.Dispose();

    /// <summary>
    /// Opens (or replaces) the caller's media session in a room they are in, and returns the SFU's
    /// answer. The session starts with the publish right the grain's state gives.
    /// </summary>
    /// <returns>The answer, or the refusal code.</returns>
    public async Task<(string? Answer, RoomErrorCode? Error)> ConnectAsync(string roomId, string userId, string offerSdp, CancellationToken cancellationToken)
    {
        await EnsureSubscribedAsync(roomId);
        var grain = _grains.GetGrain<IRoomGrain>(roomId);
        // The caller's bounded view (it always lists them), not the whole audience: O(stage) per join.
        var snapshot = await grain.GetViewAsync(userId);
        if (snapshot is null)
        {
            return (null, RoomErrorCode.NotFound);
        }
        if (snapshot.Ended)
        {
            return (null, RoomErrorCode.RoomEnded);
        }
        if (snapshot.Participants.FirstOrDefault(p => p.UserId == userId) is not { } participant)
        {
            return (null, RoomErrorCode.NotInRoom);
        }
        var peerId = PeerId(roomId, userId);
        string answer;
        try
        {
            answer = await _host.Server.CreatePeerAsync(roomId, peerId, offerSdp, cancellationToken);
        }
        catch (Parley.Media.Sdp.SdpException exception)
        {
            LogBadOffer(_logger, exception, roomId);
            return (null, RoomErrorCode.BadRequest);
        }
        lock (_lock)
        {
            if (!_rooms.TryGetValue(roomId, out var sessions))
            {
                _rooms[roomId] = sessions = new Dictionary<string, Session>(StringComparer.Ordinal);
            }
            var session = sessions.GetValueOrDefault(userId) ?? new Session(peerId);
            session.FromSnapshot(participant, snapshot.Version);
            sessions[userId] = session;
            ApplyLocked(session);
        }
        // An event between the snapshot and the registration above was not applied to this session:
        // take a fresh snapshot once more so the publish right is the grain's latest.
        if (LatestVersion(roomId) > snapshot.Version)
        {
            await ResyncAsync(roomId, userId);
        }
        return (answer, null);
    }

    public Task OnRoomEventAsync(RoomEventEnvelope envelope)
    {
        lock (_lock)
        {
            _latest[envelope.RoomId] = Math.Max(_latest.GetValueOrDefault(envelope.RoomId), envelope.Version);
            if (!_rooms.TryGetValue(envelope.RoomId, out var sessions))
            {
                return Task.CompletedTask;
            }
            switch (envelope.Event)
            {
                case RoleChanged e when sessions.TryGetValue(e.UserId, out var s):
                    s.OnRole(e.Role, envelope.Version);
                    ApplyLocked(s);
                    break;
                case MuteChanged e when sessions.TryGetValue(e.UserId, out var s):
                    s.OnMuted(e.Muted, envelope.Version);
                    ApplyLocked(s);
                    break;
                case ParticipantLeft e when sessions.Remove(e.UserId, out var s):
                    _host.Server.ClosePeer(s.PeerId);
                    break;
                case ParticipantRemoved e when sessions.Remove(e.UserId, out var s):
                    _host.Server.ClosePeer(s.PeerId);
                    break;
                case RoomEnded:
                    foreach (var s in sessions.Values)
                    {
                        _host.Server.ClosePeer(s.PeerId);
                    }
                    _rooms.Remove(envelope.RoomId);
                    break;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The user ids the SFU forwards in a room right now.</summary>
    public IReadOnlyList<string> ActiveSpeakers(string roomId) =>
        [.. (_host.Server.GetRoomStats(roomId)?.ActiveSpeakers ?? []).Select(UserIdOf)];

    /// <summary>Whether the SFU currently lets this person publish (tests).</summary>
    public bool? CanPublish(string roomId, string userId)
    {
        lock (_lock)
        {
            return _rooms.TryGetValue(roomId, out var sessions) && sessions.TryGetValue(userId, out var s) ? s.CanPublish : null;
        }
    }

    private readonly Dictionary<string, long> _latest = new(StringComparer.Ordinal);

    private long LatestVersion(string roomId)
    {
        lock (_lock)
        {
            return _latest.GetValueOrDefault(roomId);
        }
    }

    private async Task ResyncAsync(string roomId, string userId)
    {
        var snapshot = await _grains.GetGrain<IRoomGrain>(roomId).GetViewAsync(userId);
        lock (_lock)
        {
            if (!_rooms.TryGetValue(roomId, out var sessions) || !sessions.TryGetValue(userId, out var session))
            {
                return;
            }
            var participant = snapshot?.Participants.FirstOrDefault(p => p.UserId == userId);
            if (snapshot is null || snapshot.Ended || participant is null)
            {
                sessions.Remove(userId);
                _host.Server.ClosePeer(session.PeerId);
                return;
            }
            session.FromSnapshot(participant, snapshot.Version);
            ApplyLocked(session);
        }
    }

    private void ApplyLocked(Session session) => _host.Server.SetCanPublish(session.PeerId, session.CanPublish);

    private async Task EnsureSubscribedAsync(string roomId)
    {
        lock (_lock)
        {
            if (_subscribed.Contains(roomId))
            {
                return;
            }
        }
        var version = await _grains.GetGrain<IRoomGrain>(roomId).SubscribeAsync(_self!);
        lock (_lock)
        {
            _subscribed.Add(roomId);
            _latest[roomId] = Math.Max(_latest.GetValueOrDefault(roomId), version);
        }
    }

    private async Task RefreshAsync()
    {
        List<string> stale, wanted;
        lock (_lock)
        {
            wanted = [.. _rooms.Keys];
            stale = [.. _subscribed.Where(roomId => !_rooms.ContainsKey(roomId))];
            foreach (var roomId in stale)
            {
                _subscribed.Remove(roomId);
                _latest.Remove(roomId);
            }
        }
        await RoomSubscriptions.RefreshAsync(_grains, _self!, stale, wanted, _logger);
    }

    /// <summary>One person's media session and the grain state that decides their publish right.</summary>
    private sealed class Session(string peerId)
    {
        private long _roleVersion = -1;
        private long _mutedVersion = -1;

        public string PeerId { get; } = peerId;

        public ParticipantRole Role { get; private set; } = ParticipantRole.Audience;

        public bool Muted { get; private set; }

        public bool CanPublish => Role != ParticipantRole.Audience && !Muted;

        public void FromSnapshot(Participant participant, long version)
        {
            OnRole(participant.Role, version);
            OnMuted(participant.Muted, version);
        }

        // Observer calls may arrive out of order: a field only moves forward in versions.
        public void OnRole(ParticipantRole role, long version)
        {
            if (version < _roleVersion)
            {
                return;
            }
            _roleVersion = version;
            Role = role;
            if (role == ParticipantRole.Audience)
            {
                // RoomState: going to the audience clears the mute.
                OnMuted(false, version);
            }
        }

        public void OnMuted(bool muted, long version)
        {
            if (version < _mutedVersion)
            {
                return;
            }
            _mutedVersion = version;
            Muted = muted;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an unusable media offer in room {RoomId}")]
    private static partial void LogBadOffer(ILogger logger, Exception exception, string roomId);
}
