namespace Parley.Media.Routing;

/// <summary>How a room router picks and holds its active speakers.</summary>
public sealed record RouterOptions
{
    /// <summary>Receive slots per subscriber, and so the number of active speakers forwarded.</summary>
    public int SlotsPerSubscriber { get; init; } = 3;

    /// <summary>
    /// Minimum time a speaker keeps its slot once it got one, so slots do not flap between two
    /// speakers of similar loudness.
    /// </summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromMilliseconds(1500);

    /// <summary>
    /// A speaker who sent nothing for this long counts as silent (muted by the browser, left, or
    /// using DTX), so anyone louder may take its slot at once after the hold.
    /// </summary>
    public TimeSpan SilenceAfter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many dB louder a challenger must be than the quietest active speaker.</summary>
    public double SwitchMarginDb { get; init; } = 3;

    /// <summary>Smoothing of the RFC 6464 level: weight of the newest packet (0–1).</summary>
    public double LevelSmoothing { get; init; } = 0.1;

    /// <summary>RTP clock rate of the forwarded codec (Opus: 48 kHz, RFC 7587 §4.1).</summary>
    public int ClockRate { get; init; } = 48_000;
}
