using Parley.Media.Dtls;
using Parley.Media.Srtp;
using Parley.Media.Transport;

namespace Parley.Media;

/// <summary>
/// DTLS-SRTP per peer (RFC 5764): the server side of the handshake runs on its own thread, fed
/// by the receive loop; the keys are installed under the gate the moment they exist.
/// </summary>
public sealed partial class MediaServer
{
    private DtlsCertificate? _certificate;

    private static DtlsCertificate CreateCertificate() => DtlsCertificate.Generate();

    private void StartHandshakeLocked(MediaPeer peer)
    {
        if (peer.Handshake is not null)
        {
            return;
        }
        // The transport sends to wherever ICE last proved the peer to be.
        var transport = new DtlsDatagramTransport(datagram =>
        {
            var address = peer.Address;
            if (address is not null)
            {
                SendControl(datagram, address);
            }
        });
        var handshake = new DtlsServerHandshake(
            _certificate!,
            peer.RemoteFingerprint,
            transport,
            new DtlsHandshakeOptions { Timeout = _options.HandshakeTimeout, TimeProvider = _time });
        handshake.KeysAvailable += keys => OnKeysAvailable(peer, keys);
        peer.Handshake = handshake;
        peer.HandshakeStartedTicks = _time.GetTimestamp();
        _ = handshake.StartAsync().ContinueWith(
            static (task, state) => ((MediaServer)((object[])state!)[0]).OnHandshakeEnded((MediaPeer)((object[])state!)[1], task),
            new object[] { this, peer },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        _ = handshake.Closed.ContinueWith(
            static (task, state) => ((MediaServer)((object[])state!)[0]).OnDtlsClosed((MediaPeer)((object[])state!)[1], task),
            new object[] { this, peer },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void HandleDtls(MediaPeer peer, ReadOnlySpan<byte> datagram)
    {
        var transport = peer.Handshake?.Transport;
        if (transport is null || !transport.Enqueue(datagram))
        {
            _metrics.Drop(DropReason.DtlsUnexpected);
        }
    }

    /// <summary>On the handshake thread, before the handshake call returns (the first SRTP can come first).</summary>
    private void OnKeysAvailable(MediaPeer peer, DtlsSrtpKeys keys)
    {
        lock (_gate)
        {
            if (peer.State != PeerState.Connecting)
            {
                return;
            }
            var profile = (SrtpProfile)keys.ProtectionProfile;
            // RFC 5764 §4.2: the browser (DTLS client) writes with the client keys.
            peer.Inbound = SrtpSession.Create(profile, keys.ClientWriteKey, keys.ClientWriteSalt);
            peer.Outbound = SrtpSession.Create(profile, keys.ServerWriteKey, keys.ServerWriteSalt);
            peer.State = PeerState.Connected;
            peer.HandshakeDuration = _time.GetElapsedTime(peer.CreatedTicks);
            _metrics.HandshakeCompleted(_time.GetElapsedTime(peer.HandshakeStartedTicks));
            var room = RoomLocked(peer.RoomId);
            peer.Room = room;
            peer.Router = room.AddPeer(peer.PeerId, peer.SlotSsrcs, peer.OpusPayloadType, peer.AudioLevelExtensionId, peer);
            room.SetCanPublish(peer.Router, peer.CanPublish);
        }
        RaisePeerState(peer);
    }

    private void OnHandshakeEnded(MediaPeer peer, Task<DtlsSrtpKeys> task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return;
        }
        var failure = task.Exception?.InnerException as DtlsHandshakeException;
        lock (_gate)
        {
            if (peer.State == PeerState.Closed)
            {
                return;
            }
            peer.HandshakeError = failure?.Message ?? "handshake ended";
            ClosePeerLocked(peer, failure?.Reason == DtlsHandshakeFailureReason.Timeout ? PeerCloseReason.HandshakeTimeout : PeerCloseReason.HandshakeFailed);
        }
    }

    /// <summary>The browser sent close_notify (pc.close()): free the peer now rather than after the consent timeout.</summary>
    private void OnDtlsClosed(MediaPeer peer, Task<DtlsCloseReason> task)
    {
        if (!task.IsCompletedSuccessfully || task.Result is not (DtlsCloseReason.PeerClosed or DtlsCloseReason.FatalAlert))
        {
            return;
        }
        lock (_gate)
        {
            if (peer.State == PeerState.Connected)
            {
                ClosePeerLocked(peer, PeerCloseReason.Closed);
            }
        }
    }
}
