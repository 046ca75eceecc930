namespace Parley.Media.Routing;

/// <summary>
/// What the router needs from one decrypted RTP packet from a publisher: the transport has
/// already parsed the header, so the router never parses.
/// </summary>
public readonly ref struct InboundRtp
{
    public InboundRtp(ushort sequenceNumber, uint rtpTimestamp, bool marker, int audioLevel, ReadOnlySpan<byte> payload)
    {
        SequenceNumber = sequenceNumber;
        RtpTimestamp = rtpTimestamp;
        Marker = marker;
        AudioLevel = audioLevel;
        Payload = payload;
    }

    public ushort SequenceNumber { get; }

    public uint RtpTimestamp { get; }

    public bool Marker { get; }

    /// <summary>RFC 6464 level in -dBov (0 loudest, 127 silence), or -1 when the packet has none.</summary>
    public int AudioLevel { get; }

    /// <summary>The Opus payload, without padding.</summary>
    public ReadOnlySpan<byte> Payload { get; }
}
