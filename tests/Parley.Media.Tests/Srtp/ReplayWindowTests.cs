using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

public class ReplayWindowTests
{
    private static ReplayWindow At(ulong highest)
    {
        var window = default(ReplayWindow);
        window.Accept(highest);
        return window;
    }

    // RFC 3711 Appendix A, case by case: s_l below or above 2^15, SEQ before or after it.
    [Theory]
    [InlineData(0UL, 100, 100L)]                                 // first packet: ROC 0, s_l = SEQ
    [InlineData((5UL << 16) | 1000, 1010, (5L << 16) | 1010)]    // s_l < 2^15, just ahead
    [InlineData((5UL << 16) | 1000, 990, (5L << 16) | 990)]      // s_l < 2^15, just behind
    [InlineData((5UL << 16) | 1000, 65000, (4L << 16) | 65000)]  // s_l < 2^15, from before the wrap: ROC - 1
    [InlineData((5UL << 16) | 60000, 60010, (5L << 16) | 60010)] // s_l ≥ 2^15, just ahead
    [InlineData((5UL << 16) | 60000, 10, (6L << 16) | 10)]       // s_l ≥ 2^15, after the wrap: ROC + 1
    [InlineData((5UL << 16) | 60000, 30000, (5L << 16) | 30000)] // s_l ≥ 2^15, 30000 behind
    [InlineData((0UL << 16) | 5, 65530, -1L)]                    // would need ROC -1
    public void EstimatesTheIndexAsRfc3711AppendixA(ulong highest, int seq, long expected)
    {
        ReplayWindow window = highest == 0 ? default : At(highest);
        Assert.Equal(expected, SrtpStreamState.EstimateIndex(window, (ushort)seq));
    }

    [Fact]
    public void TracksTheLast64IndicesBelowTheHighest()
    {
        ReplayWindow window = At(1000);
        Assert.True(window.IsReplayed(1000));
        Assert.False(window.IsReplayed(1001));
        Assert.False(window.IsReplayed(999));
        Assert.True(window.IsReplayed(1000 - 64));
        Assert.False(window.IsReplayed(1000 - 63));

        window.Accept(990);
        Assert.True(window.IsReplayed(990));
        window.Accept(1063);
        Assert.True(window.IsReplayed(1000));
        Assert.True(window.IsReplayed(990)); // now 73 behind: too old
        Assert.False(window.IsReplayed(1001));
        window.Accept(5000);
        Assert.False(window.IsReplayed(4999));
        Assert.True(window.IsReplayed(5000));
        Assert.True(window.IsReplayed(1063));
    }
}
