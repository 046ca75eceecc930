namespace Parley.Media.Transport;

/// <summary>What one datagram on the shared media port is, by its first byte (RFC 7983 §7).</summary>
internal enum PacketKind
{
    Unknown,
    Stun,
    Dtls,
    Rtp,
}

internal static class PacketClassifier
{
    /// <summary>RFC 7983 §7: 0–3 STUN, 20–63 DTLS, 128–191 RTP/RTCP; everything else is dropped.</summary>
    public static PacketKind Classify(ReadOnlySpan<byte> datagram)
    {
        if (datagram.IsEmpty)
        {
            return PacketKind.Unknown;
        }
        var first = datagram[0];
        return first switch
        {
            <= 3 => PacketKind.Stun,
            >= 20 and <= 63 => PacketKind.Dtls,
            >= 128 and <= 191 => PacketKind.Rtp,
            _ => PacketKind.Unknown,
        };
    }
}
