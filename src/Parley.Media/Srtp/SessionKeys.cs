namespace Parley.Media.Srtp;

/// <summary>Derived session keys of both directions' transforms (RFC 3711 §4.3).</summary>
internal readonly ref struct SessionKeys(
    ReadOnlySpan<byte> rtpKey,
    ReadOnlySpan<byte> rtpSalt,
    ReadOnlySpan<byte> rtpAuthKey,
    ReadOnlySpan<byte> rtcpKey,
    ReadOnlySpan<byte> rtcpSalt,
    ReadOnlySpan<byte> rtcpAuthKey)
{
    public ReadOnlySpan<byte> RtpKey { get; } = rtpKey;
    public ReadOnlySpan<byte> RtpSalt { get; } = rtpSalt;
    public ReadOnlySpan<byte> RtpAuthKey { get; } = rtpAuthKey;
    public ReadOnlySpan<byte> RtcpKey { get; } = rtcpKey;
    public ReadOnlySpan<byte> RtcpSalt { get; } = rtcpSalt;
    public ReadOnlySpan<byte> RtcpAuthKey { get; } = rtcpAuthKey;
}
