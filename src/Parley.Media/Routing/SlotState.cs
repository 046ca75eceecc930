namespace Parley.Media.Routing;

/// <summary>
/// One receive slot of one subscriber: one outbound SSRC whose sequence numbers and timestamps
/// stay continuous whoever is speaking into it (so the browser's jitter buffer sees a single
/// stream and no renegotiation is needed when the stage changes).
/// </summary>
internal struct SlotState
{
    public uint Ssrc;

    /// <summary>The publisher currently mapped into this slot; compared by reference to detect a switch.</summary>
    public RouterPeer? Source;

    public ushort SequenceOffset;
    public uint TimestampOffset;
    public ushort LastSequenceNumber;
    public uint LastRtpTimestamp;
    public long LastSentTicks;
    public bool HasSent;

    // Counters for RTCP sender reports (RFC 3550 §6.4.1).
    public uint PacketsSent;
    public uint OctetsSent;
}
