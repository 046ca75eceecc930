using System.Security.Cryptography;
using Parley.Media.Ice;
using Parley.Media.Transport;

namespace Parley.Media;

/// <summary>Peer life cycle: creation from an offer, publish rights, closing, stats, housekeeping.</summary>
public sealed partial class MediaServer
{
    /// <summary>
    /// Creates a peer in <paramref name="roomId"/> from the browser's (or C# client's) offer and
    /// returns our answer. A peer with the same id is replaced. The peer starts unable to
    /// publish: call <see cref="SetCanPublish"/> for speakers.
    /// </summary>
    /// <exception cref="Sdp.SdpException">The offer does not parse or offers no usable Opus audio.</exception>
    public Task<string> CreatePeerAsync(string roomId, string peerId, string offerSdp, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        ArgumentException.ThrowIfNullOrEmpty(peerId);
        ArgumentNullException.ThrowIfNull(offerSdp);
        if (_socket is null)
        {
            throw new InvalidOperationException("Start the media server before creating peers.");
        }
        var local = IceCredentials.Generate();
        var slotSsrcs = new uint[_options.SlotsPerSubscriber];
        for (var i = 0; i < slotSsrcs.Length; i++)
        {
            slotSsrcs[i] = (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        }
        var (answer, peer) = Negotiate(roomId, peerId, offerSdp, local, slotSsrcs);
        lock (_gate)
        {
            if (_peersById.TryGetValue(peerId, out var previous))
            {
                ClosePeerLocked(previous, PeerCloseReason.Replaced);
            }
            _peersById.Add(peerId, peer);
            _peersByUfrag.Add(local.Ufrag, peer);
        }
        RaisePeerState(peer);
        return Task.FromResult(answer);
    }

    /// <summary>Allows or forbids a peer's audio; enforced from its next packet (DESIGN.md §2).</summary>
    public void SetCanPublish(string peerId, bool canPublish)
    {
        lock (_gate)
        {
            if (!_peersById.TryGetValue(peerId, out var peer))
            {
                return;
            }
            peer.CanPublish = canPublish;
            if (peer.Router is not null && _rooms.TryGetValue(peer.RoomId, out var room))
            {
                room.SetCanPublish(peer.Router, canPublish);
            }
        }
    }

    /// <summary>Closes a peer and frees its resources; unknown ids are ignored.</summary>
    public void ClosePeer(string peerId)
    {
        lock (_gate)
        {
            if (_peersById.TryGetValue(peerId, out var peer))
            {
                ClosePeerLocked(peer, PeerCloseReason.Closed);
            }
        }
    }

    public PeerStats? GetPeerStats(string peerId)
    {
        lock (_gate)
        {
            if (!_peersById.TryGetValue(peerId, out var peer))
            {
                return null;
            }
            var (lost, jitter) = peer.InboundLossAndJitter();
            return new PeerStats
            {
                PeerId = peer.PeerId,
                RoomId = peer.RoomId,
                State = peer.State,
                CanPublish = peer.CanPublish,
                IsActiveSpeaker = peer.Router?.IsActiveSpeaker ?? false,
                PacketsIn = peer.PacketsIn,
                BytesIn = peer.BytesIn,
                PacketsOut = peer.PacketsOut,
                BytesOut = peer.BytesOut,
                RemoteFractionLost = peer.RemoteFractionLost,
                RemoteJitterSeconds = peer.RemoteJitterSeconds,
                RoundTripTime = peer.RoundTripTime,
                PacketsLost = lost,
                JitterSeconds = jitter,
                SrtpFailures = peer.SrtpFailures,
                HandshakeDuration = peer.HandshakeDuration,
            };
        }
    }

    /// <summary>Time since the peer's last valid consent check (tests).</summary>
    internal TimeSpan? GetConsentAge(string peerId)
    {
        lock (_gate)
        {
            return _peersById.TryGetValue(peerId, out var peer) ? peer.Consent.TimeSinceConsent : null;
        }
    }

    public RoomStats? GetRoomStats(string roomId)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomId, out var room))
            {
                return null;
            }
            var speakers = new List<string>();
            foreach (var id in room.ActiveSpeakers())
            {
                if (id is not null)
                {
                    speakers.Add(id);
                }
            }
            return new RoomStats { RoomId = roomId, PeerCount = room.PeerCount, ActiveSpeakers = speakers };
        }
    }

    private void ClosePeerLocked(MediaPeer peer, PeerCloseReason reason)
    {
        if (peer.State == PeerState.Closed)
        {
            return;
        }
        if (peer.State == PeerState.Connecting)
        {
            _metrics.HandshakeFailed(reason);
        }
        peer.State = PeerState.Closed;
        peer.CloseReason = reason;
        if (_peersById.TryGetValue(peer.PeerId, out var current) && ReferenceEquals(current, peer))
        {
            _peersById.Remove(peer.PeerId);
        }
        _peersByUfrag.Remove(peer.LocalIce.Ufrag);
        if (peer.Address is not null && _peersByAddress.TryGetValue(peer.Address, out var byAddress) && ReferenceEquals(byAddress, peer))
        {
            _peersByAddress.Remove(peer.Address);
        }
        if (peer.Router is not null && _rooms.TryGetValue(peer.RoomId, out var room))
        {
            room.RemovePeer(peer.Router);
            peer.Router = null;
            peer.Room = null;
            if (room.PeerCount == 0)
            {
                _rooms.Remove(peer.RoomId);
            }
        }
        peer.StopHandshake();
        peer.DisposeCrypto();
        RaisePeerState(peer);
    }

    /// <summary>Runs on the timer: handshake and consent deadlines, and RTCP reports.</summary>
    private void Housekeeping()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            var now = _time.GetTimestamp();
            List<(MediaPeer, PeerCloseReason)>? toClose = null;
            foreach (var peer in _peersById.Values)
            {
                if (peer.State == PeerState.Connecting && _time.GetElapsedTime(peer.CreatedTicks, now) > _options.HandshakeTimeout)
                {
                    (toClose ??= []).Add((peer, peer.HandshakeError is null ? PeerCloseReason.HandshakeTimeout : PeerCloseReason.HandshakeFailed));
                }
                else if (peer.State == PeerState.Connected && peer.Consent.IsExpired)
                {
                    (toClose ??= []).Add((peer, PeerCloseReason.ConsentExpired));
                }
            }
            if (toClose is not null)
            {
                foreach (var (peer, reason) in toClose)
                {
                    ClosePeerLocked(peer, reason);
                }
            }
            SendReportsLocked(now);
        }
    }
}
