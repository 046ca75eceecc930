using System.Net;
using Parley.Media.Ice;
using Parley.Media.Routing;
using Parley.Media.Srtp;

namespace Parley.Media.Transport;

/// <summary>
/// Everything the SFU keeps for one WebRTC peer: ICE credentials, the learnt address, the DTLS
/// handshake, the SRTP contexts and the counters. Mutated under the server's gate, except the
/// handshake, which runs on its own thread and hands its keys over under the gate.
/// </summary>
internal sealed partial class MediaPeer
{
    public MediaPeer(string roomId, string peerId, IceCredentials local, string remoteUfrag, long createdTicks, TimeProvider time, TimeSpan consentTimeout)
    {
        RoomId = roomId;
        PeerId = peerId;
        LocalIce = local;
        RemoteUfrag = remoteUfrag;
        CreatedTicks = createdTicks;
        Consent = new ConsentFreshness(time, consentTimeout);
    }

    public string RoomId { get; }

    public string PeerId { get; }

    public IceCredentials LocalIce { get; }

    public string RemoteUfrag { get; }

    public long CreatedTicks { get; }

    public ConsentFreshness Consent { get; }

    public PeerState State { get; set; } = PeerState.Connecting;

    public PeerCloseReason CloseReason { get; set; }

    /// <summary>Learnt from the first valid ICE check (RFC 8445 §7.3, ICE-lite); null until then.</summary>
    public SocketAddress? Address { get; set; }

    public bool IceSucceeded => Address is not null;

    public RouterPeer? Router { get; set; }

    /// <summary>The room's router, set with <see cref="Router"/> (saves a dictionary lookup per packet).</summary>
    public RoomRouter? Room { get; set; }

    public bool CanPublish { get; set; }

    public uint[] SlotSsrcs { get; init; } = [];

    public byte OpusPayloadType { get; init; } = 111;

    public byte AudioLevelExtensionId { get; init; }

    public required Parley.Media.Dtls.DtlsFingerprint RemoteFingerprint { get; init; }

    public SrtpSession? Inbound { get; set; }

    public SrtpSession? Outbound { get; set; }

    public TimeSpan? HandshakeDuration { get; set; }

    // Counters: written by the receive loop under the gate, read by stats under the gate.
    public long PacketsIn;
    public long BytesIn;
    public long PacketsOut;
    public long BytesOut;
    public long SrtpFailures;

    // From this listener's RTCP receiver reports about our slots.
    public double RemoteFractionLost;
    public double RemoteJitterSeconds;
    public TimeSpan? RoundTripTime;

    public IPEndPoint? RemoteEndPoint => Address is null ? null : (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(Address);

    public void DisposeCrypto()
    {
        Inbound?.Dispose();
        Outbound?.Dispose();
        Inbound = null;
        Outbound = null;
    }
}
