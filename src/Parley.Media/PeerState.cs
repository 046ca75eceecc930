namespace Parley.Media;

/// <summary>Life cycle of one WebRTC peer on the SFU.</summary>
public enum PeerState
{
    /// <summary>Answer given; waiting for ICE connectivity checks and the DTLS handshake.</summary>
    Connecting,

    /// <summary>DTLS done and SRTP keys installed: audio flows.</summary>
    Connected,

    /// <summary>Closed; <see cref="PeerStateChangedEventArgs.Reason"/> says why.</summary>
    Closed,
}
