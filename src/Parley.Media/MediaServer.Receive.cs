using System.Net;
using System.Net.Sockets;
using Parley.Media.Ice;
using Parley.Media.Routing;
using Parley.Media.Rtp;
using Parley.Media.Srtp;
using Parley.Media.Transport;

namespace Parley.Media;

/// <summary>The receive loop: demultiplexing (RFC 7983), ICE-lite, SRTP and the fan-out.</summary>
public sealed partial class MediaServer
{
    private readonly Dictionary<string, MediaPeer>.AlternateLookup<ReadOnlySpan<char>> _ufragLookup;

    private async Task ReceiveLoopAsync()
    {
        var socket = _socket!;
        var address = new SocketAddress(socket.AddressFamily);
        var memory = _receiveBuffer.AsMemory();
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await socket.ReceiveFromAsync(memory, SocketFlags.None, address, token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                continue; // e.g. ICMP unreachable reported on the socket: not fatal
            }

            Process(length, address);
        }
    }

    /// <summary>
    /// The same loop on a dedicated thread with blocking receives: the kernel wakes this thread
    /// directly, with no thread-pool hop (and no pool workers spinning) per datagram.
    /// </summary>
    private void ReceiveLoopBlocking()
    {
        var socket = _socket!;
        var address = new SocketAddress(socket.AddressFamily);
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            int length;
            try
            {
                length = socket.ReceiveFrom(_receiveBuffer, SocketFlags.None, address);
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                if (token.IsCancellationRequested)
                {
                    break;
                }
                continue;
            }
            Process(length, address);
        }
    }

    private void Process(int length, SocketAddress address)
    {
        lock (_gate)
        {
            try
            {
                HandleDatagram(_receiveBuffer.AsSpan(0, length), address);
            }
#pragma warning disable CA1031 // one bad datagram must never stop the loop that serves everyone
            catch (Exception)
#pragma warning restore CA1031
            {
                _metrics.Drop(DropReason.InternalError);
                _batch!.Flush();
            }
        }
    }

    /// <summary>Handles one datagram; internal so tests can drive the demultiplexer directly.</summary>
    internal void HandleDatagram(Span<byte> datagram, SocketAddress source)
    {
        _metrics.Received(datagram.Length);
        if (_options.LoopbackOnly && !SocketAddresses.IsLoopback(source))
        {
            _metrics.Drop(DropReason.NonLoopbackSource);
            return;
        }
        _peersByAddress.TryGetValue(source, out var peer);
        switch (PacketClassifier.Classify(datagram))
        {
            case PacketKind.Stun:
                HandleStun(datagram, source, peer);
                break;
            case PacketKind.Dtls when peer is not null:
                HandleDtls(peer, datagram);
                break;
            case PacketKind.Rtp when peer is not null:
                if (RtpPacketClassifier.IsRtcp(datagram))
                {
                    HandleRtcp(peer, datagram);
                }
                else
                {
                    HandleRtp(peer, datagram);
                }
                break;
            case PacketKind.Dtls or PacketKind.Rtp:
                _metrics.Drop(DropReason.UnknownSource);
                break;
            default:
                _metrics.Drop(DropReason.UnknownKind);
                break;
        }
    }

    private void HandleStun(ReadOnlySpan<byte> datagram, SocketAddress source, MediaPeer? peer)
    {
        if (!StunMessage.TryParse(datagram, out var message, out _))
        {
            _metrics.Drop(DropReason.StunMalformed);
            return;
        }
        if (peer is null)
        {
            // ICE-lite (RFC 8445 §7.3): a check from a new address is matched by the local ufrag
            // in USERNAME ("ours:theirs"); its address is learnt only once the check is valid.
            if (!message.TryGetUsername(out var ours, out _) || ours.Length is 0 or > 256)
            {
                _metrics.Drop(DropReason.StunUnknownUsername);
                return;
            }
            Span<char> ufrag = stackalloc char[ours.Length];
            for (var i = 0; i < ours.Length; i++)
            {
                ufrag[i] = (char)ours[i];
            }
            if (!_ufragLookup.TryGetValue(ufrag, out peer))
            {
                _metrics.Drop(DropReason.StunUnknownUsername);
                return;
            }
        }

        var response = _responseBuffer.AsSpan();
        var outcome = IceLiteResponder.TryHandleBindingRequest(message, source, peer.LocalIce, response, peer.RemoteUfrag);
        if (outcome.HasResponse)
        {
            SendControl(response[..outcome.ResponseLength], source);
        }
        if (!outcome.IsSuccess)
        {
            _metrics.Drop(outcome.Result switch
            {
                IceBindingResult.UnknownUsername => DropReason.StunUnknownUsername,
                IceBindingResult.IntegrityInvalid or IceBindingResult.FingerprintInvalid or IceBindingResult.FingerprintMissing => DropReason.StunUnauthenticated,
                _ => DropReason.StunMalformed,
            });
            return;
        }

        peer.Consent.RecordConsent();
        if (peer.State == PeerState.Closed)
        {
            return;
        }
        if (peer.Address is null || (outcome.UseCandidate && !peer.Address.Equals(source)))
        {
            if (peer.Address is not null)
            {
                _peersByAddress.Remove(peer.Address);
            }
            peer.Address = SocketAddresses.Clone(source);
            _peersByAddress[peer.Address] = peer;
            StartHandshakeLocked(peer);
        }
    }

    private void HandleRtp(MediaPeer peer, Span<byte> datagram)
    {
        var inbound = peer.Inbound;
        if (inbound is null)
        {
            _metrics.Drop(DropReason.NotConnected);
            return;
        }
        var error = inbound.UnprotectRtp(datagram, datagram.Length, out var plainLength);
        if (error != SrtpError.None)
        {
            DropSrtp(peer, error);
            return;
        }
        var packet = datagram[..plainLength];
        if (!RtpHeader.TryParse(packet, out var header))
        {
            _metrics.Drop(DropReason.RtpMalformed);
            return;
        }
        peer.PacketsIn++;
        peer.BytesIn += datagram.Length;
        peer.ObserveInbound(header, _time.GetTimestamp(), _time.TimestampFrequency);
        if (header.PayloadType != peer.OpusPayloadType)
        {
            _metrics.Drop(DropReason.UnsupportedPayloadType);
            return;
        }
        var router = peer.Router;
        var room = peer.Room;
        if (router is null || room is null)
        {
            _metrics.Drop(DropReason.NotConnected);
            return;
        }
        var level = -1;
        if (peer.AudioLevelExtensionId != 0
            && RtpExtensions.TryGetAudioLevel(packet, header, peer.AudioLevelExtensionId, out var audioLevel, out _))
        {
            level = audioLevel;
        }
        var rtp = new InboundRtp(header.SequenceNumber, header.Timestamp, header.Marker, level, packet.Slice(header.PayloadOffset, header.PayloadLength));
        var (queuedPackets, queuedBytes) = QueuedTotals();
        var outcome = room.Forward(router, rtp, _fanout!, out _);
        _sinks[0].Complete();
        var (packetsAfter, bytesAfter) = QueuedTotals();
        _metrics.Sent((int)(packetsAfter - queuedPackets), bytesAfter - queuedBytes);
        switch (outcome)
        {
            case ForwardOutcome.NotAllowed:
                _metrics.Drop(DropReason.NotAllowedToPublish);
                break;
            case ForwardOutcome.NotSelected:
                _metrics.Drop(DropReason.NotSelected);
                break;
            case ForwardOutcome.TooLarge:
                _metrics.Drop(DropReason.TooLarge);
                break;
        }
    }

    private (long Packets, long Bytes) QueuedTotals()
    {
        long packets = 0, bytes = 0;
        foreach (var sink in _sinks)
        {
            packets += sink.PacketsQueued;
            bytes += sink.BytesQueued;
        }
        return (packets, bytes);
    }

    private void DropSrtp(MediaPeer peer, SrtpError error)
    {
        peer.SrtpFailures++;
        _metrics.Drop(error switch
        {
            SrtpError.AuthenticationFailed => DropReason.SrtpAuthenticationFailed,
            SrtpError.Replayed => DropReason.SrtpReplayed,
            _ => DropReason.SrtpMalformed,
        });
    }

    /// <summary>STUN responses, DTLS flights and RTCP: rare enough for a plain sendto.</summary>
    private void SendControl(ReadOnlySpan<byte> datagram, SocketAddress destination)
    {
        try
        {
            _socket!.SendTo(datagram, SocketFlags.None, destination);
            _metrics.Sent(1, datagram.Length);
        }
        catch (SocketException)
        {
            _metrics.Drop(DropReason.SendFailed);
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
