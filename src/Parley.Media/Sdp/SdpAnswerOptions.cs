using System.Net;
using Parley.Media.Dtls;
using Parley.Media.Ice;

namespace Parley.Media.Sdp;

/// <summary>
/// What the SFU puts in an answer: its ICE credentials and certificate fingerprint, the UDP
/// endpoints it listens on (one host candidate each), and the SSRC it sends with in each
/// receive slot (their count is K; recvonly sections beyond K are rejected).
/// </summary>
public sealed record SdpAnswerOptions(
    IceCredentials IceCredentials,
    DtlsFingerprint Fingerprint,
    IReadOnlyList<IPEndPoint> Candidates,
    IReadOnlyList<uint> ReceiveSlotSsrcs)
{
    /// <summary>The RTCP CNAME of every slot stream (RFC 7022); one SFU, one name.</summary>
    public string CName { get; init; } = "parley";

    /// <summary>The msid stream id of the slots (RFC 8830); slot n's track id is "slot{n}".</summary>
    public string StreamId { get; init; } = "parley";

    /// <summary>o= session id; random by default (RFC 8866 §5.2).</summary>
    public ulong? SessionId { get; init; }
}
