namespace Parley.Media;

/// <summary>The speakers forwarded in a room changed (the K loudest, with hold).</summary>
public sealed class ActiveSpeakersChangedEventArgs(string roomId, IReadOnlyList<string> peerIds) : EventArgs
{
    public string RoomId { get; } = roomId;

    public IReadOnlyList<string> PeerIds { get; } = peerIds;
}

/// <summary>A peer connected or closed.</summary>
public sealed class PeerStateChangedEventArgs(string roomId, string peerId, PeerState state, PeerCloseReason reason) : EventArgs
{
    public string RoomId { get; } = roomId;

    public string PeerId { get; } = peerId;

    public PeerState State { get; } = state;

    public PeerCloseReason Reason { get; } = reason;
}
