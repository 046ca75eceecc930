namespace Parley.Media.Dtls;

/// <summary>How a DTLS association ended.</summary>
public enum DtlsCloseReason
{
    /// <summary>We closed it (<see cref="DtlsHandshake.Close"/>).</summary>
    LocalClose,

    /// <summary>The peer sent close_notify (RFC 5246 §7.2.1), or the transport closed under us.</summary>
    PeerClosed,

    /// <summary>The peer sent a fatal alert, or a record failed.</summary>
    FatalAlert,

    /// <summary>The handshake itself never completed.</summary>
    HandshakeFailed,
}
