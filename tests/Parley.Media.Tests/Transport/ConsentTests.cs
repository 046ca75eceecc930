using Microsoft.Extensions.Time.Testing;
using Parley.Media.Tests.Support;

namespace Parley.Media.Tests.Transport;

/// <summary>RFC 7675 consent freshness with the default 30 s timeout, on a fake clock.</summary>
public sealed class ConsentTests
{
    [Fact]
    public async Task ASilentPeerIsClosedAfterThirtySecondsWithoutAValidCheckAndALiveOneIsNot()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sfu = await SfuHarness.StartAsync(timeProvider: time);
        var silent = await sfu.ConnectAsync("room", "silent");
        await sfu.ConnectAsync("room", "alive");
        await SfuHarness.WaitUntilAsync(() => sfu.StateChanges.Count(e => e.State == PeerState.Connected) == 2, "both peers connected");
        silent.ConsentChecksEnabled = false;
        var aliveChecks = sfu.Server.GetPeerStats("alive")!;
        Assert.Equal(PeerState.Connected, aliveChecks.State);

        time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(PeerState.Connected, sfu.Server.GetPeerStats("silent")!.State);

        // The live peer's next real check lands at fake time +20 s; then 11 s more expire only the silent one.
        await SfuHarness.WaitUntilAsync(() => RecentCheck(sfu), "a consent check from the live peer after the first advance");
        time.Advance(TimeSpan.FromSeconds(11));

        await SfuHarness.WaitUntilAsync(
            () => sfu.StateChanges.Any(e => e.PeerId == "silent" && e.State == PeerState.Closed && e.Reason == PeerCloseReason.ConsentExpired),
            "the silent peer closed for expired consent");
        Assert.Equal(PeerState.Connected, sfu.Server.GetPeerStats("alive")!.State);
    }

    private static bool RecentCheck(SfuHarness sfu) => sfu.Server.GetConsentAge("alive") is { } age && age < TimeSpan.FromSeconds(5);
}
