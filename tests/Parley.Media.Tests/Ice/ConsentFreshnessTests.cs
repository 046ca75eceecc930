using Microsoft.Extensions.Time.Testing;
using Parley.Media.Ice;

namespace Parley.Media.Tests.Ice;

public class ConsentFreshnessTests
{
    [Fact]
    public void ExpiresThirtySecondsAfterTheLastVerifiedCheck()
    {
        var time = new FakeTimeProvider();
        var consent = new ConsentFreshness(time);

        time.Advance(TimeSpan.FromSeconds(20));
        consent.RecordConsent();
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(consent.IsExpired);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(consent.IsExpired);
    }

    [Fact]
    public void APeerThatNeverChecksExpiresFromCreation()
    {
        var time = new FakeTimeProvider();
        var consent = new ConsentFreshness(time, TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(consent.IsExpired);
        time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.True(consent.IsExpired);
        Assert.Equal(TimeSpan.FromSeconds(5), consent.TimeSinceConsent);
    }

    [Fact]
    public void ChecksAreSpacedFourToSixSecondsApart()
    {
        for (var i = 0; i < 100; i++)
        {
            var interval = ConsentFreshness.NextCheckInterval();
            Assert.InRange(interval, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
        }
    }
}
