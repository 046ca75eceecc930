namespace Parley.Media.Rtp;

/// <summary>Tells RTP from RTCP on a multiplexed port (RFC 5761 §4, RFC 7983).</summary>
public static class RtpPacketClassifier
{
    /// <summary>
    /// RFC 7983 §7: a first byte in 128–191 is RTP or RTCP (version 2).
    /// </summary>
    public static bool IsRtpOrRtcp(ReadOnlySpan<byte> packet) =>
        packet.Length > 0 && packet[0] >= 128 && packet[0] <= 191;

    /// <summary>
    /// RFC 5761 §4: with RTP and RTCP on one port, a second octet of 192–223 (RTCP packet types
    /// 192–223; RTP payload types 64–95 with the marker set, which must not be used) is RTCP.
    /// </summary>
    public static bool IsRtcp(ReadOnlySpan<byte> packet) =>
        packet.Length >= 4 && packet[0] >> 6 == 2 && packet[1] >= 192 && packet[1] <= 223;

    public static bool IsRtp(ReadOnlySpan<byte> packet) =>
        packet.Length >= RtpHeader.FixedLength && packet[0] >> 6 == 2 && (packet[1] < 192 || packet[1] > 223);
}
