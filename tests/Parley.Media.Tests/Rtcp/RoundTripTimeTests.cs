using Parley.Media.Rtcp;

namespace Parley.Media.Tests.Rtcp;

public class RoundTripTimeTests
{
    // RFC 3550 §6.4.1, Figure 2: A = b710:8000, LSR = b705:2000, DLSR = 0005:4000 → 6.125 s.
    [Fact]
    public void ComputesTheRfc3550Example()
    {
        Assert.True(RoundTripTime.TryCompute(0xb7108000, 0xb7052000, 0x00054000, out TimeSpan rtt));
        Assert.Equal(TimeSpan.FromSeconds(6.125), rtt);

        var block = new RtcpReportBlock(1, 0, 0, 0, 0, 0xb7052000, 0x00054000);
        Assert.True(RoundTripTime.TryCompute(0xb7108000, block, out rtt));
        Assert.Equal(TimeSpan.FromSeconds(6.125), rtt);
    }

    [Fact]
    public void NoSenderReportYetOrANegativeResultGivesNoRoundTripTime()
    {
        Assert.False(RoundTripTime.TryCompute(0xb7108000, 0, 0, out _));
        Assert.False(RoundTripTime.TryCompute(0xb7052000, 0xb7052000, 0x10, out _));
    }

    [Fact]
    public void WorksAcrossTheWrapOfTheShortFormat()
    {
        Assert.True(RoundTripTime.TryCompute(0x0000_8000, 0xFFFF_8000, 0x0000_4000, out TimeSpan rtt));
        Assert.Equal(TimeSpan.FromSeconds(0.75), rtt);
    }

    [Fact]
    public void NtpTimestampsRoundTripAndShortenToTheMiddleBits()
    {
        var time = new DateTimeOffset(2026, 12, 6, 12, 0, 0, 250, TimeSpan.Zero);
        ulong ntp = NtpTime.FromDateTime(time);

        Assert.Equal(4_005_547_200ul, ntp >> 32); // seconds from 1900 to 2026-12-06 12:00 UTC
        Assert.Equal(0x4000_0000ul, ntp & 0xFFFF_FFFF);
        Assert.Equal(time, NtpTime.ToDateTime(ntp));
        Assert.Equal((uint)(ntp >> 16), NtpTime.ToShort(time));
        Assert.Equal(0x0001_8000u, NtpTime.DurationToShort(TimeSpan.FromSeconds(1.5)));
        Assert.Equal(TimeSpan.FromSeconds(1.5), NtpTime.ShortToDuration(0x0001_8000));
        Assert.Equal(0u, NtpTime.DurationToShort(TimeSpan.FromSeconds(-1)));
    }
}
