namespace Parley.Media.Rtcp;

/// <summary>
/// NTP timestamps as RTCP uses them (RFC 3550 §4): 64-bit (seconds since 1900 in the high 32 bits,
/// fraction in the low 32) and the 32-bit short format (the middle 32 bits, unit 1/65536 s).
/// </summary>
public static class NtpTime
{
    public static readonly DateTimeOffset Epoch = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ulong FromDateTime(DateTimeOffset time)
    {
        long ticks = (time - Epoch).Ticks;
        ulong seconds = (ulong)(ticks / TimeSpan.TicksPerSecond);
        ulong fraction = ((ulong)(ticks % TimeSpan.TicksPerSecond) << 32) / TimeSpan.TicksPerSecond;
        return (seconds << 32) | fraction;
    }

    public static DateTimeOffset ToDateTime(ulong ntpTimestamp)
    {
        long seconds = (long)(ntpTimestamp >> 32);
        long fractionTicks = (long)(((ntpTimestamp & 0xFFFF_FFFF) * TimeSpan.TicksPerSecond) >> 32);
        return Epoch.AddTicks((seconds * TimeSpan.TicksPerSecond) + fractionTicks);
    }

    /// <summary>The middle 32 bits, as LSR carries them (RFC 3550 §6.4.1).</summary>
    public static uint ToShort(ulong ntpTimestamp) => (uint)(ntpTimestamp >> 16);

    public static uint ToShort(DateTimeOffset time) => ToShort(FromDateTime(time));

    /// <summary>A duration in units of 1/65536 s, as DLSR carries it; saturates past 18 hours.</summary>
    public static uint DurationToShort(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return 0;
        }

        ulong units = (ulong)duration.Ticks * 65536 / TimeSpan.TicksPerSecond;
        return units > uint.MaxValue ? uint.MaxValue : (uint)units;
    }

    public static TimeSpan ShortToDuration(uint units) =>
        TimeSpan.FromTicks((long)((ulong)units * TimeSpan.TicksPerSecond / 65536));
}
