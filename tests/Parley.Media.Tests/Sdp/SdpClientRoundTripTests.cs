using System.Net;
using Parley.Media.Dtls;
using Parley.Media.Ice;
using Parley.Media.Sdp;

namespace Parley.Media.Tests.Sdp;

public class SdpClientRoundTripTests
{
    [Fact]
    public void TheClientsOfferIsAnsweredAndTheClientReadsTheAnswer()
    {
        var clientIce = IceCredentials.Generate();
        var clientCertificate = DtlsCertificate.Generate();
        var serverIce = IceCredentials.Generate();
        var serverCertificate = DtlsCertificate.Generate();
        var offer = SdpOfferWriter.Write(new SdpClientOfferOptions(clientIce, clientCertificate.Fingerprint, SendSsrc: 0xC0FFEE, ReceiveSlots: 3));

        var answer = SdpAnswerBuilder.Build(offer, new SdpAnswerOptions(
            serverIce, serverCertificate.Fingerprint, [new IPEndPoint(IPAddress.Loopback, 45678)], [11u, 22u, 33u]));
        var read = SdpAnswerReader.Read(answer.Sdp);

        Assert.Equal(clientIce.Ufrag, answer.Negotiation.RemoteIceUfrag);
        Assert.Equal(clientIce.Password, answer.Negotiation.RemoteIcePwd);
        Assert.Equal(clientCertificate.Fingerprint, answer.Negotiation.RemoteFingerprint);
        Assert.Equal(0xC0FFEEu, answer.Negotiation.Publish!.Ssrc);
        Assert.Equal(111, answer.Negotiation.OpusPayloadType);
        Assert.Equal(1, answer.Negotiation.AudioLevelExtensionId);

        Assert.True(read.IceLite);
        Assert.Equal(serverIce.Ufrag, read.IceUfrag);
        Assert.Equal(serverIce.Password, read.IcePwd);
        Assert.Equal(serverCertificate.Fingerprint, read.Fingerprint);
        Assert.Equal("passive", read.Setup);
        Assert.Equal([new IPEndPoint(IPAddress.Loopback, 45678)], read.Candidates);
        Assert.Equal(111, read.OpusPayloadType);
        Assert.Equal(1, read.AudioLevelExtensionId);
        Assert.Equal([11u, 22u, 33u], read.SlotSsrcs);
        Assert.Equal(["0", "1", "2", "3"], read.Media.Select(m => m.Mid));
        Assert.Equal(SdpDirection.RecvOnly, read.Media[0].Direction);
    }

    [Fact]
    public void TheClientsOfferLooksLikeABrowsersToTheParser()
    {
        var offer = SdpSessionDescription.Parse(SdpOfferWriter.Write(
            new SdpClientOfferOptions(IceCredentials.Generate(), DtlsCertificate.Generate().Fingerprint, 7, ReceiveSlots: 5)));

        Assert.Equal(6, offer.Media.Count);
        Assert.Equal(["0", "1", "2", "3", "4", "5"], offer.BundleMids);
        Assert.Equal(SdpDirection.SendRecv, offer.Media[0].Direction);
        Assert.All(offer.Media.Skip(1), m => Assert.Equal(SdpDirection.RecvOnly, m.Direction));
        Assert.All(offer.Media, m => Assert.Equal("actpass", m.Setup));
        Assert.Equal([7u], offer.Media[0].GetSsrcs());
    }

    [Fact]
    public void AnAnswerThatRejectsEverythingIsAnError()
    {
        var answer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 0 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n";
        Assert.Throws<SdpNegotiationException>(() => SdpAnswerReader.Read(answer));
    }
}
