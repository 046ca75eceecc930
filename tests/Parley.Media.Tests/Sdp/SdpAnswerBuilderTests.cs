using System.Net;
using Parley.Media.Dtls;
using Parley.Media.Ice;
using Parley.Media.Sdp;

namespace Parley.Media.Tests.Sdp;

public class SdpAnswerBuilderTests
{
    private static readonly DtlsCertificate ServerCertificate = DtlsCertificate.Generate();
    private static readonly IceCredentials ServerIce = IceCredentials.Generate();

    internal static SdpAnswerOptions Options(int slots = 3, params IPEndPoint[] candidates) => new(
        ServerIce,
        ServerCertificate.Fingerprint,
        candidates.Length > 0 ? candidates : [new IPEndPoint(IPAddress.Loopback, 50000)],
        Enumerable.Range(0, slots).Select(i => 0x5000u + (uint)i).ToArray());

    [Theory]
    [InlineData(OfferFiles.Chrome, (byte)111, "5RWL")]
    [InlineData(OfferFiles.Firefox, (byte)109, "7f3a91c2")]
    [InlineData(OfferFiles.FirefoxEsr, (byte)109, "9ff7bb92")]
    [InlineData(OfferFiles.Safari, (byte)111, "q3Zt")]
    public void AnswersEachBrowsersOfferWithOnePublishAndThreeSlots(string file, byte opus, string remoteUfrag)
    {
        var offer = SdpSessionDescription.Parse(OfferFiles.Read(file));

        var answer = SdpAnswerBuilder.Build(offer, Options());

        var n = answer.Negotiation;
        Assert.Equal(remoteUfrag, n.RemoteIceUfrag);
        Assert.Equal(offer.EffectiveIcePwd(offer.Media[0]), n.RemoteIcePwd);
        Assert.Equal(DtlsFingerprint.Parse(offer.EffectiveFingerprint(offer.Media[0])!), n.RemoteFingerprint);
        Assert.Equal(opus, n.OpusPayloadType);
        Assert.Equal(1, n.AudioLevelExtensionId);
        Assert.Equal("0", n.Publish!.Mid);
        var ssrcs = offer.Media[0].GetSsrcs();
        Assert.Equal(ssrcs.Count > 0 ? ssrcs[0] : 0, n.Publish.Ssrc ?? 0);
        Assert.Equal(["1", "2", "3"], n.ReceiveSlots.Select(s => s.Mid));
        Assert.Equal([0, 1, 2], n.ReceiveSlots.Select(s => s.SlotIndex));
        Assert.Equal([0x5000u, 0x5001u, 0x5002u], n.ReceiveSlots.Select(s => s.Ssrc!.Value));

        var parsed = SdpSessionDescription.Parse(answer.Sdp);
        Assert.True(parsed.IceLite);
        Assert.Equal(["0", "1", "2", "3"], parsed.BundleMids);
        Assert.Equal(4, parsed.Media.Count);
        for (var i = 0; i < 4; i++)
        {
            var m = parsed.Media[i];
            Assert.Equal(offer.Media[i].Mid, m.Mid);
            Assert.Equal([opus.ToString()], m.Formats);
            Assert.Equal("UDP/TLS/RTP/SAVPF", m.Protocol);
            Assert.Equal(50000, m.Port);
            Assert.Equal(ServerIce.Ufrag, parsed.EffectiveIceUfrag(m));
            Assert.Equal(ServerIce.Password, parsed.EffectiveIcePwd(m));
            Assert.Equal(ServerCertificate.Fingerprint.ToString(), parsed.EffectiveFingerprint(m));
            Assert.Equal("passive", parsed.EffectiveSetup(m));
            Assert.True(m.RtcpMux);
            Assert.Equal(offer.Media[i].RtcpRsize, m.RtcpRsize);
            Assert.Equal([new SdpRtpMap(opus, "opus", 48000, 2)], m.RtpMaps);
            Assert.Equal("minptime=10;useinbandfec=1", m.Fmtps[opus]);
            Assert.Equal([new SdpExtmap(1, null, SdpWellKnown.AudioLevelUri)], m.Extmaps);
            Assert.Equal([new SdpCandidate("1", 1, "udp", 2130706431, "127.0.0.1", 50000, "host")], m.Candidates);
            Assert.True(m.EndOfCandidates);
        }

        Assert.Equal(SdpDirection.RecvOnly, parsed.Media[0].Direction);
        Assert.Empty(parsed.Media[0].Ssrcs);
        Assert.Null(parsed.Media[0].Msid);
        for (var slot = 0; slot < 3; slot++)
        {
            var m = parsed.Media[slot + 1];
            Assert.Equal(SdpDirection.SendOnly, m.Direction);
            Assert.Equal([new SdpSsrcAttribute(0x5000u + (uint)slot, "cname", "parley")], m.Ssrcs);
            Assert.Equal($"parley slot{slot}", m.Msid);
        }
    }

    [Fact]
    public void RejectsVideoAndDataChannelSectionsWithPortZero()
    {
        var answer = SdpAnswerBuilder.Build(OfferFiles.Read(OfferFiles.ChromeWithVideoAndData), Options());

        var parsed = SdpSessionDescription.Parse(answer.Sdp);
        Assert.Equal(["0", "1"], parsed.BundleMids);
        Assert.Equal(["audio", "audio", "video", "application"], parsed.Media.Select(m => m.Kind));
        Assert.Equal(0, parsed.Media[2].Port);
        Assert.Equal(0, parsed.Media[3].Port);
        Assert.Equal("2", parsed.Media[2].Mid);
        Assert.Equal("webrtc-datachannel", parsed.Media[3].Formats[0]);
        Assert.Empty(parsed.Media[2].Candidates);
        Assert.Equal(
            [SdpMediaRole.Publish, SdpMediaRole.ReceiveSlot, SdpMediaRole.Rejected, SdpMediaRole.Rejected],
            answer.Negotiation.Media.Select(m => m.Role));
    }

    [Fact]
    public void UsesTheOffersPayloadTypeAndAudioLevelIdWhateverTheyAre()
    {
        var offer = OfferFiles.Read(OfferFiles.Chrome)
            .Replace(" 111 63 ", " 96 63 ", StringComparison.Ordinal)
            .Replace("a=rtpmap:111 ", "a=rtpmap:96 ", StringComparison.Ordinal)
            .Replace("a=fmtp:111 ", "a=fmtp:96 ", StringComparison.Ordinal)
            .Replace("a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level", "a=extmap:9 urn:ietf:params:rtp-hdrext:ssrc-audio-level", StringComparison.Ordinal);

        var answer = SdpAnswerBuilder.Build(offer, Options());

        Assert.Equal(96, answer.Negotiation.OpusPayloadType);
        Assert.Equal(9, answer.Negotiation.AudioLevelExtensionId);
        Assert.Contains("m=audio 50000 UDP/TLS/RTP/SAVPF 96\r\n", answer.Sdp, StringComparison.Ordinal);
        Assert.Contains("a=extmap:9 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n", answer.Sdp, StringComparison.Ordinal);
        Assert.DoesNotContain("abs-send-time", answer.Sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOfferWithoutTheAudioLevelExtensionIsAnsweredWithoutIt()
    {
        var offer = OfferFiles.Read(OfferFiles.Chrome).Replace("a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n", "", StringComparison.Ordinal);
        var answer = SdpAnswerBuilder.Build(offer, Options());
        Assert.Null(answer.Negotiation.AudioLevelExtensionId);
        Assert.DoesNotContain("a=extmap", answer.Sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void RecvonlySectionsBeyondTheSlotsAreRejected()
    {
        var answer = SdpAnswerBuilder.Build(OfferFiles.Read(OfferFiles.Chrome), Options(slots: 2));

        Assert.Equal(
            [SdpMediaRole.Publish, SdpMediaRole.ReceiveSlot, SdpMediaRole.ReceiveSlot, SdpMediaRole.Rejected],
            answer.Negotiation.Media.Select(m => m.Role));
        Assert.Equal(["0", "1", "2"], SdpSessionDescription.Parse(answer.Sdp).BundleMids);
    }

    [Fact]
    public void WritesOneHostCandidatePerEndpointIncludingIpv6()
    {
        var answer = SdpAnswerBuilder.Build(
            OfferFiles.Read(OfferFiles.Chrome),
            Options(3, new IPEndPoint(IPAddress.Parse("192.0.2.1"), 40000), new IPEndPoint(IPAddress.IPv6Loopback, 40001)));

        var m = SdpSessionDescription.Parse(answer.Sdp).Media[0];
        Assert.Equal(2, m.Candidates.Count);
        Assert.Equal("192.0.2.1", m.Candidates[0].Address);
        Assert.Equal("::1", m.Candidates[1].Address);
        Assert.True(m.Candidates[0].Priority > m.Candidates[1].Priority);
        Assert.Contains("c=IN IP4 192.0.2.1\r\n", answer.Sdp, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOfferWithoutFingerprintCannotBeAnswered()
    {
        var offer = string.Join("\r\n", OfferFiles.Read(OfferFiles.Chrome).Split("\r\n").Where(l => !l.StartsWith("a=fingerprint", StringComparison.Ordinal)));
        var error = Assert.Throws<SdpNegotiationException>(() => SdpAnswerBuilder.Build(offer, Options()));
        Assert.Contains("fingerprint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOfferThatInsistsOnBeingDtlsServerCannotBeAnswered()
    {
        var offer = OfferFiles.Read(OfferFiles.Chrome).Replace("a=setup:actpass", "a=setup:passive", StringComparison.Ordinal);
        Assert.Throws<SdpNegotiationException>(() => SdpAnswerBuilder.Build(offer, Options()));
    }

    [Fact]
    public void AnOfferWithoutUsableAudioCannotBeAnswered()
    {
        var offer = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0\r\na=mid:0\r\na=rtcp-mux\r\na=rtpmap:0 PCMU/8000\r\n";
        Assert.Throws<SdpNegotiationException>(() => SdpAnswerBuilder.Build(offer, Options()));
    }
}
