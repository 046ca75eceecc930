namespace Parley.Media.Dtls;

/// <summary>Why a DTLS handshake ended without keys; a metric label for the SFU.</summary>
public enum DtlsHandshakeFailureReason
{
    /// <summary>No completed handshake within the configured time.</summary>
    Timeout,

    /// <summary>The peer's certificate does not match the a=fingerprint of its SDP (RFC 8122 §5), or it sent none.</summary>
    FingerprintMismatch,

    /// <summary>Bad messages, an alert from the peer, no common cipher suite or SRTP profile.</summary>
    ProtocolError,

    /// <summary>The transport was closed (the peer left, or the SFU closed it) during the handshake.</summary>
    Closed,
}
