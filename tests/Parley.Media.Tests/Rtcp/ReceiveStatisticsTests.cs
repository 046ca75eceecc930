using Parley.Media.Rtcp;

namespace Parley.Media.Tests.Rtcp;

public class ReceiveStatisticsTests
{
    private static void Feed(ReceiveStatistics stats, IEnumerable<int> sequence)
    {
        foreach (int seq in sequence)
        {
            // 20 ms Opus frames at 48 kHz, arriving exactly on time.
            uint timestamp = (uint)(seq * 960);
            stats.Update((ushort)seq, timestamp, timestamp + 5000);
        }
    }

    [Fact]
    public void CountsLossAndTheFractionLostPerInterval()
    {
        var stats = new ReceiveStatistics(7);
        Feed(stats, Enumerable.Range(1000, 100).Where(s => s % 10 != 3));

        Assert.Equal(100, stats.Expected);
        Assert.Equal(90, stats.Received);
        Assert.Equal(10, stats.CumulativeLost);
        Assert.Equal(1099u, stats.ExtendedHighestSequence);
        RtcpReportBlock block = stats.CreateReportBlock(TimeSpan.Zero);
        Assert.Equal((byte)(10 * 256 / 100), block.FractionLost);
        Assert.Equal(10, block.CumulativeLost);
        Assert.Equal(7u, block.Ssrc);
        Assert.Equal(0u, block.Jitter);

        // Next interval: no loss, so the fraction is 0 while the cumulative count stays.
        Feed(stats, Enumerable.Range(1100, 50));
        block = stats.CreateReportBlock(TimeSpan.Zero);
        Assert.Equal(0, block.FractionLost);
        Assert.Equal(10, block.CumulativeLost);
    }

    [Fact]
    public void ReorderingIsNotLoss()
    {
        var stats = new ReceiveStatistics(1);
        Feed(stats, [10, 12, 11, 14, 13, 15, 17, 16]);

        Assert.Equal(8, stats.Expected);
        Assert.Equal(0, stats.CumulativeLost);
        Assert.Equal(17u, stats.ExtendedHighestSequence);
        Assert.Equal(0, stats.CreateReportBlock(TimeSpan.Zero).FractionLost);
    }

    [Fact]
    public void DuplicatesMakeTheLossNegativeAsRfc3550Says()
    {
        var stats = new ReceiveStatistics(1);
        Feed(stats, [1, 2, 2, 3, 3, 3, 4]);

        Assert.Equal(4, stats.Expected);
        Assert.Equal(7, stats.Received);
        Assert.Equal(-3, stats.CumulativeLost);
        RtcpReportBlock block = stats.CreateReportBlock(TimeSpan.Zero);
        Assert.Equal(-3, block.CumulativeLost);
        Assert.Equal(0, block.FractionLost);
    }

    [Fact]
    public void TheExtendedSequenceCountsWraps()
    {
        var stats = new ReceiveStatistics(1);
        Feed(stats, Enumerable.Range(65500, 136).Select(s => s & 0xFFFF));

        Assert.Equal(65536u + 99, stats.ExtendedHighestSequence);
        Assert.Equal(136, stats.Expected);
        Assert.Equal(0, stats.CumulativeLost);

        // A late packet from before the wrap does not count another cycle.
        stats.Update(65530, 0, 0);
        Assert.Equal(65536u + 99, stats.ExtendedHighestSequence);
    }

    [Fact]
    public void AStrayJumpIsIgnoredButTwoSequentialPacketsRestartTheSequence()
    {
        var stats = new ReceiveStatistics(1);
        Feed(stats, Enumerable.Range(100, 10));

        Assert.False(stats.Update(40_000, 0, 0));
        Assert.Equal(109u, stats.ExtendedHighestSequence);
        Assert.Equal(10, stats.Received);

        Assert.True(stats.Update(40_001, 0, 0));
        Assert.Equal(40_001u, stats.ExtendedHighestSequence);
        Assert.Equal(1, stats.Expected);
        Assert.Equal(1, stats.Received);
    }

    [Fact]
    public void JitterFollowsTheRfc3550Estimator()
    {
        var stats = new ReceiveStatistics(1);
        // Transit alternates between 0 and 160 timestamp units: |D| is always 160.
        double expected = 0;
        for (int i = 0; i < 500; i++)
        {
            uint timestamp = (uint)(i * 960);
            stats.Update((ushort)i, timestamp, timestamp + (i % 2 == 0 ? 0u : 160u));
            if (i > 0)
            {
                expected += (160 - expected) / 16;
            }

            Assert.InRange(stats.Jitter, Math.Floor(expected) - 1, Math.Ceiling(expected));
        }

        Assert.InRange(stats.Jitter, 158u, 160u);
    }

    [Fact]
    public void ReportBlocksCarryLastSenderReportAndTheDelaySinceIt()
    {
        var stats = new ReceiveStatistics(1);
        Feed(stats, Enumerable.Range(0, 5));
        Assert.Equal(0u, stats.CreateReportBlock(TimeSpan.FromSeconds(1)).LastSenderReport);

        stats.OnSenderReport(0x0000_b705_2000_0000, TimeSpan.FromSeconds(10));
        RtcpReportBlock block = stats.CreateReportBlock(TimeSpan.FromSeconds(11.5));

        Assert.Equal(0xb7052000u, block.LastSenderReport);
        Assert.Equal((uint)(1.5 * 65536), block.DelaySinceLastSenderReport);
    }
}
