using Parley.Media.Rtp;

namespace Parley.Media.Tests.Rtp;

public class RtpWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(200)]
    public void WrittenPacketsParseBackWithTheirAudioLevel(int extensionId)
    {
        var buffer = new byte[300];
        byte[] payload = [1, 2, 3, 4, 5, 6, 7];
        int length = RtpWriter.Write(buffer, 111, true, 65535, 4_000_000_000, 0x01020304, extensionId, 42, true, payload);

        Assert.Equal(RtpWriter.HeaderLength(extensionId) + payload.Length, length);
        Assert.True(RtpHeader.TryParse(buffer.AsSpan(0, length), out RtpHeader header));
        Assert.Equal(111, header.PayloadType);
        Assert.True(header.Marker);
        Assert.Equal(65535, header.SequenceNumber);
        Assert.Equal(4_000_000_000u, header.Timestamp);
        Assert.Equal(0x01020304u, header.Ssrc);
        Assert.Equal(payload, buffer.AsSpan(header.PayloadOffset, header.PayloadLength).ToArray());
        if (extensionId == 0)
        {
            Assert.False(header.HasExtension);
        }
        else
        {
            Assert.Equal(extensionId <= 14 ? 0xBEDE : 0x1000, header.ExtensionProfile);
            Assert.True(RtpExtensions.TryGetAudioLevel(buffer.AsSpan(0, length), header, extensionId, out byte level, out bool voice));
            Assert.Equal(42, level);
            Assert.True(voice);
        }
    }

    [Fact]
    public void WritesTheOneByteFormAsChromeDoes()
    {
        var buffer = new byte[64];
        int length = RtpWriter.Write(buffer, 111, false, 1, 960, 7, 1, 127, false, [0xab]);

        Assert.Equal(Convert.FromHexString("906F0001000003C000000007BEDE0001107F0000AB"), buffer[..length]);
    }

    [Fact]
    public void RefusesTooSmallDestinationsAndBadIds()
    {
        var buffer = new byte[20];
        Assert.False(RtpWriter.TryWrite(buffer, 111, false, 1, 1, 1, 1, 0, false, [1], out _));
        Assert.True(RtpWriter.TryWrite(buffer, 111, false, 1, 1, 1, 0, 0, false, new byte[8], out int length));
        Assert.Equal(20, length);
        Assert.False(RtpWriter.TryWrite(new byte[100], 111, false, 1, 1, 1, 256, 0, false, [], out _));
        Assert.Throws<ArgumentException>(() => RtpWriter.Write(buffer, 111, false, 1, 1, 1, 1, 0, false, [1]));
    }

    [Theory]
    [InlineData("80c8", true)]   // SR
    [InlineData("81c9", true)]   // RR
    [InlineData("81cd", true)]   // RTPFB
    [InlineData("80df", true)]   // 223
    [InlineData("806f", false)]  // Opus PT 111
    [InlineData("80ef", false)]  // PT 111 with marker
    [InlineData("80e0", false)]  // 224: RTP PT 96 with marker
    [InlineData("00c8", false)]  // version 0
    public void ClassifiesRtcpByTheSecondOctet(string start, bool isRtcp)
    {
        byte[] packet = Convert.FromHexString(start + "000100000000000000000000");
        Assert.Equal(isRtcp, RtpPacketClassifier.IsRtcp(packet));
        Assert.Equal(!isRtcp && packet[0] >= 0x80, RtpPacketClassifier.IsRtp(packet));
        Assert.Equal(packet[0] >= 0x80, RtpPacketClassifier.IsRtpOrRtcp(packet));
        Assert.False(RtpPacketClassifier.IsRtcp(packet.AsSpan(0, 1)));
    }
}
