namespace Parley.Media.Sdp;

public static class SdpWellKnown
{
    /// <summary>RFC 6464 client-to-mixer audio level header extension.</summary>
    public const string AudioLevelUri = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    /// <summary>RFC 5764 §8 / RFC 8829 §5.1.2: the profile of DTLS-SRTP media.</summary>
    public const string DtlsSrtpProtocol = "UDP/TLS/RTP/SAVPF";

    /// <summary>What we ask of Opus senders (RFC 7587 §6.1): 10 ms frames allowed, in-band FEC on.</summary>
    public const string OpusFmtp = "minptime=10;useinbandfec=1";

    internal const string Crlf = "\r\n";
}
