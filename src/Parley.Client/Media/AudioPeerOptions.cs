using System.Net;

namespace Parley.Client.Media;

/// <summary>Configuration of a headless WebRTC audio peer.</summary>
public sealed record AudioPeerOptions
{
    /// <summary>Receive slots to offer (recvonly m-lines), matching the SFU's slots per subscriber.</summary>
    public int Slots { get; init; } = 3;

    /// <summary>Local address of the peer's UDP socket (loopback in tests).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>How long the receiver keeps decoded PCM per slot.</summary>
    public TimeSpan ReceiveHistory { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Decode each slot to PCM. A load generator with thousands of listeners turns it off and
    /// only counts packets (and RTCP statistics).
    /// </summary>
    public bool DecodeAudio { get; init; } = true;

    /// <summary>Interval of RFC 7675 consent checks once connected.</summary>
    public TimeSpan ConsentInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Opus bit rate of published audio.</summary>
    public int Bitrate { get; init; } = 32_000;

    /// <summary>Clock for consent checks.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
