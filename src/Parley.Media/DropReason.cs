namespace Parley.Media;

/// <summary>Why the SFU dropped a datagram (each counted, DESIGN.md §7).</summary>
public enum DropReason
{
    /// <summary>First byte outside the RFC 7983 ranges, or empty.</summary>
    UnknownKind,

    /// <summary>Source address is not loopback while the server accepts loopback only.</summary>
    NonLoopbackSource,

    /// <summary>Not a STUN check, from an address no peer has proved (ICE) yet.</summary>
    UnknownSource,

    /// <summary>A STUN message that failed to parse or is not a binding request.</summary>
    StunMalformed,

    /// <summary>A STUN check whose USERNAME matches no peer.</summary>
    StunUnknownUsername,

    /// <summary>A STUN check with a wrong MESSAGE-INTEGRITY or FINGERPRINT.</summary>
    StunUnauthenticated,

    /// <summary>DTLS from a peer whose handshake is over or not started.</summary>
    DtlsUnexpected,

    /// <summary>RTP/RTCP before the SRTP keys are installed.</summary>
    NotConnected,

    /// <summary>SRTP/SRTCP too short or malformed.</summary>
    SrtpMalformed,

    /// <summary>SRTP/SRTCP authentication failed (forged or corrupted).</summary>
    SrtpAuthenticationFailed,

    /// <summary>SRTP/SRTCP replayed (RFC 3711 §3.3.2 replay window).</summary>
    SrtpReplayed,

    /// <summary>Decrypted RTP that does not parse.</summary>
    RtpMalformed,

    /// <summary>RTCP that does not parse.</summary>
    RtcpMalformed,

    /// <summary>Audio from a peer that may not publish (audience or muted).</summary>
    NotAllowedToPublish,

    /// <summary>Audio from a publisher not among the loudest K.</summary>
    NotSelected,

    /// <summary>An RTP payload too large to forward.</summary>
    TooLarge,

    /// <summary>RTP with a payload type other than the negotiated Opus one (CN, DTMF, RED).</summary>
    UnsupportedPayloadType,

    /// <summary>The kernel refused a send, or SRTP protection failed.</summary>
    SendFailed,

    /// <summary>A handler threw on this datagram (a bug: counted, and the loop goes on).</summary>
    InternalError,
}
