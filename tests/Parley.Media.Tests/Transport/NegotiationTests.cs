using System.Net;
using Parley.Client.Media;

namespace Parley.Media.Tests.Transport;

public sealed class NegotiationTests
{
    [Fact]
    public async Task TheAnswerAnnouncesTheConfiguredAddressesOnTheBoundPortWithOneSsrcPerSlot()
    {
        await using var server = new MediaServer(new MediaServerOptions
        {
            BindAddress = IPAddress.Loopback,
            AnnouncedAddresses = [IPAddress.Parse("203.0.113.5")],
            SlotsPerSubscriber = 2,
        });
        await server.StartAsync(TestContext.Current.CancellationToken);
        await using var client = new AudioPeer(new AudioPeerOptions { Slots = 2 });

        var answer = await server.CreatePeerAsync("room", "p", client.CreateOffer(), TestContext.Current.CancellationToken);

        Assert.Contains($"203.0.113.5 {server.LocalEndPoint.Port} typ host", answer);
        Assert.DoesNotContain("127.0.0.1 ", answer);
        Assert.Contains("a=ice-lite", answer);
        Assert.Contains("a=setup:passive", answer);
        Assert.Equal(2, answer.Split('\n').Count(l => l.StartsWith("a=sendonly", StringComparison.Ordinal)));
        Assert.Equal(PeerState.Connecting, server.GetPeerStats("p")!.State);
    }

    [Fact]
    public async Task AnOfferWithoutAudioIsRefusedWithAnSdpError()
    {
        await using var server = new MediaServer(new MediaServerOptions { BindAddress = IPAddress.Loopback });
        await server.StartAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<Parley.Media.Sdp.SdpException>(() =>
            server.CreatePeerAsync("room", "p", "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n", TestContext.Current.CancellationToken));
        Assert.Null(server.GetPeerStats("p"));
    }
}
