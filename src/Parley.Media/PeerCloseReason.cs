namespace Parley.Media;

/// <summary>Why a peer was closed.</summary>
public enum PeerCloseReason
{
    None,

    /// <summary>The server (or the room) asked for it.</summary>
    Closed,

    /// <summary>No valid STUN consent check within the consent timeout (RFC 7675).</summary>
    ConsentExpired,

    /// <summary>ICE and DTLS did not finish within the handshake timeout.</summary>
    HandshakeTimeout,

    /// <summary>The DTLS handshake failed (bad fingerprint, no common SRTP profile, alert).</summary>
    HandshakeFailed,

    /// <summary>The same peer id created a new peer, replacing this one.</summary>
    Replaced,

    /// <summary>The server is shutting down.</summary>
    ServerStopped,
}
