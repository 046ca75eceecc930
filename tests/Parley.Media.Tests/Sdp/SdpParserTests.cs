using Parley.Media.Sdp;

namespace Parley.Media.Tests.Sdp;

public class SdpParserTests
{
    [Fact]
    public void ParsesChromesOfferOfOneSendrecvAndThreeRecvonlyAudioSections()
    {
        var offer = SdpSessionDescription.Parse(OfferFiles.Read(OfferFiles.Chrome));

        Assert.Equal(["0", "1", "2", "3"], offer.BundleMids);
        Assert.Equal(4, offer.Media.Count);
        var mic = offer.Media[0];
        Assert.Equal("audio", mic.Kind);
        Assert.Equal("0", mic.Mid);
        Assert.Equal(SdpDirection.SendRecv, mic.Direction);
        Assert.Equal("5RWL", offer.EffectiveIceUfrag(mic));
        Assert.Equal("+hAcd2WyW+H0udolRdw07Bak", offer.EffectiveIcePwd(mic));
        Assert.StartsWith("sha-256 54:A3:5A", offer.EffectiveFingerprint(mic), StringComparison.Ordinal);
        Assert.Equal("actpass", offer.EffectiveSetup(mic));
        Assert.Equal((byte)111, mic.FindOpusPayloadType());
        Assert.Equal("minptime=10;useinbandfec=1", mic.Fmtps[111]);
        Assert.Equal(1, mic.FindExtmapId(SdpWellKnown.AudioLevelUri));
        Assert.True(mic.RtcpMux);
        Assert.True(mic.RtcpRsize);
        Assert.Equal([2118183387u], mic.GetSsrcs());
        Assert.Equal("takiJA9toyP69tKz", mic.FindSsrcAttribute(2118183387, "cname"));
        Assert.Equal("bcfb69c0-f6c1-46ea-86ee-523c69d4b445 c4780d97-4372-42de-872e-350c5a6978ad", mic.Msid);
        Assert.Equal(8, mic.Candidates.Count);
        Assert.Contains(mic.Candidates, c => c.Address == "::1" && c.Transport == "udp" && c.Type == "host");
        Assert.True(mic.Candidates[0].TryGetEndPoint(out var endPoint));
        Assert.Equal("127.0.0.1:34657", endPoint!.ToString());
        Assert.All(offer.Media.Skip(1), m => Assert.Equal(SdpDirection.RecvOnly, m.Direction));
        Assert.All(offer.Media.Skip(1), m => Assert.Empty(m.Ssrcs));
    }

    [Fact]
    public void ParsesFirefoxsOfferWithSessionFingerprintAndBundleOnlySections()
    {
        var offer = SdpSessionDescription.Parse(OfferFiles.Read(OfferFiles.Firefox));

        Assert.StartsWith("sha-256 9B:5E", offer.Fingerprint, StringComparison.Ordinal);
        Assert.Null(offer.Media[0].Fingerprint);
        Assert.Equal("7f3a91c2", offer.EffectiveIceUfrag(offer.Media[2]));
        Assert.Equal((byte)109, offer.Media[0].FindOpusPayloadType());
        Assert.Equal("maxplaybackrate=48000;stereo=1;useinbandfec=1", offer.Media[0].Fmtps[109]);
        Assert.Contains(offer.Media[0].Extmaps, e => e.Id == 2 && e.Direction == SdpDirection.RecvOnly);
        Assert.Equal(1, offer.Media[3].FindExtmapId(SdpWellKnown.AudioLevelUri));
        Assert.False(offer.Media[0].RtcpRsize);
        Assert.True(offer.Media[0].EndOfCandidates);
        Assert.Equal(0, offer.Media[1].Port);
        Assert.True(offer.Media[1].BundleOnly);
        Assert.False(offer.Media[1].IsRejected);
        Assert.Equal([1436602947u], offer.Media[1].GetSsrcs());
        Assert.Equal(3, offer.Media[0].Candidates.Count);
    }

    [Fact]
    public void ParsesARealFirefoxEsrOfferWithRtcpCandidatesAndMediaLevelExtmapAllowMixed()
    {
        var offer = SdpSessionDescription.Parse(OfferFiles.Read(OfferFiles.FirefoxEsr));

        var mic = offer.Media[0];
        Assert.Equal(8, mic.Candidates.Count);
        Assert.Equal(4, mic.Candidates.Count(c => c.Component == 2));
        Assert.Equal(7, mic.FindExtmapId("http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01"));
        Assert.Equal([2643614030u], mic.GetSsrcs());
        Assert.All(offer.Media.Skip(1), m => Assert.True(m.BundleOnly));
        Assert.All(offer.Media.Skip(1), m => Assert.Single(m.GetSsrcs()));
    }

    [Fact]
    public void ParsesSafarisOfferWithMdnsCandidates()
    {
        var offer = SdpSessionDescription.Parse(OfferFiles.Read(OfferFiles.Safari));

        var host = offer.Media[0].Candidates[0];
        Assert.EndsWith(".local", host.Address, StringComparison.Ordinal);
        Assert.False(host.TryGetEndPoint(out _));
        Assert.Equal("q3Zt", offer.EffectiveIceUfrag(offer.Media[0]));
        Assert.Equal((byte)111, offer.Media[0].FindOpusPayloadType());
        Assert.Equal([1572391806u], offer.Media[0].GetSsrcs());
    }

    [Fact]
    public void ParsesNonAudioSections()
    {
        var offer = SdpSessionDescription.Parse(OfferFiles.Read(OfferFiles.ChromeWithVideoAndData));

        Assert.Equal(["audio", "audio", "video", "application"], offer.Media.Select(m => m.Kind));
        Assert.Equal("UDP/DTLS/SCTP", offer.Media[3].Protocol);
        Assert.Equal(["webrtc-datachannel"], offer.Media[3].Formats);
        Assert.Null(offer.Media[2].FindOpusPayloadType());
    }

    [Theory]
    [InlineData("v=1\r\n", 1, "v=0")]
    [InlineData("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\nthis is not sdp\r\n", 3, "<type>=<value>")]
    [InlineData("v=0\r\nm=audio nine UDP/TLS/RTP/SAVPF 111\r\n", 2, "not a port")]
    [InlineData("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF\r\n", 2, "m= needs")]
    [InlineData("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:111 opus\r\n", 3, "a=rtpmap")]
    [InlineData("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=rtpmap:300 opus/48000/2\r\n", 3, "a=rtpmap")]
    [InlineData("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=extmap:0 urn:x\r\n", 3, "a=extmap")]
    [InlineData("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=extmap:1/sideways urn:x\r\n", 3, "a=extmap")]
    [InlineData("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=ssrc:-5 cname:x\r\n", 3, "a=ssrc")]
    [InlineData("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=candidate:1 1 udp 1 10.0.0.1 port typ host\r\n", 3, "a=candidate")]
    [InlineData("v=0\r\na=fingerprint:sha-256 AB:CD\r\n", 2, "a=fingerprint")]
    [InlineData("v=0\r\na=setup:sometimes\r\n", 2, "a=setup")]
    [InlineData("v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:\r\n", 3, "needs a value")]
    [InlineData("v=0\r\nm=audio 9 P 1\r\na=mid:0\r\nm=audio 9 P 1\r\na=mid:0\r\n", 4, "same mid")]
    public void AMalformedOfferNamesTheOffendingLine(string sdp, int lineNumber, string reasonFragment)
    {
        var error = Assert.Throws<SdpParseException>(() => SdpSessionDescription.Parse(sdp));
        Assert.Equal(lineNumber, error.LineNumber);
        Assert.Contains(reasonFragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyOfferIsAParseError()
    {
        Assert.Throws<SdpParseException>(() => SdpSessionDescription.Parse(""));
        Assert.Throws<SdpParseException>(() => SdpSessionDescription.Parse("\r\n\r\n"));
    }

    [Fact]
    public void RandomDamageToARealOfferNeverThrowsAnythingButSdpExceptions()
    {
        var original = OfferFiles.Read(OfferFiles.Chrome);
        var random = new Random(8866);
        for (var round = 0; round < 500; round++)
        {
            var chars = original.ToCharArray();
            for (var i = random.Next(1, 6); i > 0; i--)
            {
                chars[random.Next(chars.Length)] = " :/=\r\na0x-"[random.Next(10)];
            }

            try
            {
                var offer = SdpSessionDescription.Parse(new string(chars));
                SdpAnswerBuilder.Build(offer, SdpAnswerBuilderTests.Options());
            }
            catch (SdpException)
            {
            }
        }
    }
}
