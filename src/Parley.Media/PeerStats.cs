namespace Parley.Media;

/// <summary>A snapshot of one peer's media counters.</summary>
public sealed record PeerStats
{
    public required string PeerId { get; init; }
    public required string RoomId { get; init; }
    public required PeerState State { get; init; }
    public required bool CanPublish { get; init; }
    public required bool IsActiveSpeaker { get; init; }
    public long PacketsIn { get; init; }
    public long BytesIn { get; init; }
    public long PacketsOut { get; init; }
    public long BytesOut { get; init; }

    /// <summary>Fraction of our forwarded packets this listener reported lost (last RTCP RR, 0–1).</summary>
    public double RemoteFractionLost { get; init; }

    /// <summary>Interarrival jitter of this listener's received audio, from its RTCP RR, in seconds.</summary>
    public double RemoteJitterSeconds { get; init; }

    /// <summary>Round trip time from LSR/DLSR of the listener's RR (RFC 3550 §6.4.1), if known.</summary>
    public TimeSpan? RoundTripTime { get; init; }

    /// <summary>Packets we saw missing from this publisher's stream, and its jitter, in seconds.</summary>
    public long PacketsLost { get; init; }
    public double JitterSeconds { get; init; }

    /// <summary>SRTP/SRTCP packets from this peer that failed authentication or replay checks.</summary>
    public long SrtpFailures { get; init; }

    public TimeSpan? HandshakeDuration { get; init; }
}

/// <summary>A snapshot of one room's forwarding.</summary>
public sealed record RoomStats
{
    public required string RoomId { get; init; }
    public required int PeerCount { get; init; }
    public required IReadOnlyList<string> ActiveSpeakers { get; init; }
}
