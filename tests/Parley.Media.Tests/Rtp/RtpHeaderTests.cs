using Parley.Media.Rtp;

namespace Parley.Media.Tests.Rtp;

public class RtpHeaderTests
{
    private static byte[] Bytes(string hex) => Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));

    // A Chrome Opus packet: PT 111, one-byte extensions (audio level id 1, abs-send-time id 2,
    // transport-wide-cc id 3, mid id 4 as sent on the first packets), 4 payload bytes.
    private static readonly byte[] ChromePacket = Bytes("""
        906f 1a2b 0001e240 cafebabe
        bede 0004
        10 a5 22 123456 31 0042 40 30 0000000000
        fc ff fe fd
        """);

    [Fact]
    public void ParsesTheFixedHeaderAndTheExtensionOfAChromePacket()
    {
        Assert.True(RtpHeader.TryParse(ChromePacket, out RtpHeader header));

        Assert.Equal(2, header.Version);
        Assert.False(header.Padding);
        Assert.True(header.HasExtension);
        Assert.False(header.Marker);
        Assert.Equal(111, header.PayloadType);
        Assert.Equal(0x1a2b, header.SequenceNumber);
        Assert.Equal(123456u, header.Timestamp);
        Assert.Equal(0xcafebabeu, header.Ssrc);
        Assert.Equal(0, header.CsrcCount);
        Assert.Equal(0xBEDE, header.ExtensionProfile);
        Assert.Equal(16, header.ExtensionOffset);
        Assert.Equal(16, header.ExtensionLength);
        Assert.Equal(32, header.HeaderLength);
        Assert.Equal(32, header.PayloadOffset);
        Assert.Equal(4, header.PayloadLength);
    }

    [Fact]
    public void FindsEveryOneByteElementAndTheAudioLevel()
    {
        Assert.True(RtpHeader.TryParse(ChromePacket, out RtpHeader header));

        Assert.True(RtpExtensions.TryGetAudioLevel(ChromePacket, header, 1, out byte level, out bool voice));
        Assert.Equal(0x25, level);
        Assert.True(voice);

        Assert.True(RtpExtensions.TryFind(ChromePacket, header, 2, out int offset, out int length));
        Assert.Equal(Bytes("123456"), ChromePacket.AsSpan(offset, length).ToArray());
        Assert.True(RtpExtensions.TryFind(ChromePacket, header, 3, out offset, out length));
        Assert.Equal(Bytes("0042"), ChromePacket.AsSpan(offset, length).ToArray());
        Assert.True(RtpExtensions.TryFind(ChromePacket, header, 4, out offset, out length));
        Assert.Equal(Bytes("30"), ChromePacket.AsSpan(offset, length).ToArray());
        Assert.False(RtpExtensions.TryFind(ChromePacket, header, 5, out _, out _));
        Assert.False(RtpExtensions.TryGetAudioLevel(ChromePacket, header, 6, out _, out _));
    }

    [Fact]
    public void FindsTwoByteElements()
    {
        byte[] packet = Bytes("""
            9000 0001 00000000 00000001
            1000 0003
            01 01 7f 00 10 03 aabbcc 00 00 00
            """);
        Assert.True(RtpHeader.TryParse(packet, out RtpHeader header));
        Assert.Equal(0, header.PayloadLength);

        Assert.True(RtpExtensions.TryGetAudioLevel(packet, header, 1, out byte level, out bool voice));
        Assert.Equal(127, level);
        Assert.False(voice);
        Assert.True(RtpExtensions.TryFind(packet, header, 16, out int offset, out int length));
        Assert.Equal(Bytes("aabbcc"), packet.AsSpan(offset, length).ToArray());
    }

    [Fact]
    public void CountsCsrcsAndPaddingInTheLengths()
    {
        byte[] packet = Bytes("""
            a2e0 0005 00000010 00000001 00000002 00000003
            0102030405 000000 04
            """);
        Assert.True(RtpHeader.TryParse(packet, out RtpHeader header));

        Assert.True(header.Padding);
        Assert.True(header.Marker);
        Assert.Equal(96, header.PayloadType);
        Assert.Equal(2, header.CsrcCount);
        Assert.Equal(2u, RtpHeader.ReadCsrc(packet, 0));
        Assert.Equal(3u, RtpHeader.ReadCsrc(packet, 1));
        Assert.Equal(20, header.HeaderLength);
        Assert.Equal(5, header.PayloadLength);
        Assert.Equal(4, header.PaddingLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("8000000100000000000000")]                   // 11 bytes
    [InlineData("4000000100000000 00000001")]                // version 1
    [InlineData("8100000100000000 00000001")]                // a CSRC that is not there
    [InlineData("9000000100000000 00000001 bede")]           // a cut extension header
    [InlineData("9000000100000000 00000001 bede0002 10ff0000")] // extension longer than the packet
    [InlineData("a000000100000000 00000001 0102 00")]         // padding count 0
    [InlineData("a000000100000000 00000001 0102 09")]         // padding longer than the payload
    public void RejectsMalformedPackets(string hex)
    {
        Assert.False(RtpHeader.TryParse(Bytes(hex), out _));
    }

    [Fact]
    public void ExtensionSearchStopsAtTruncatedOrReservedElements()
    {
        byte[] truncated = Bytes("9000 0001 00000000 00000001 bede 0001 00 00 13 aa");
        Assert.True(RtpHeader.TryParse(truncated, out RtpHeader header));
        Assert.False(RtpExtensions.TryFind(truncated, header, 1, out _, out _));

        byte[] reserved = Bytes("9000 0001 00000000 00000001 bede 0001 f0 10 80 00");
        Assert.True(RtpHeader.TryParse(reserved, out header));
        Assert.False(RtpExtensions.TryGetAudioLevel(reserved, header, 1, out _, out _));

        byte[] unknownProfile = Bytes("9000 0001 00000000 00000001 abcd 0001 10 80 00 00");
        Assert.True(RtpHeader.TryParse(unknownProfile, out header));
        Assert.False(RtpExtensions.TryGetAudioLevel(unknownProfile, header, 1, out _, out _));
    }

    [Fact]
    public void RandomBytesNeverThrow()
    {
        var random = new Random(8285);
        var packet = new byte[64];
        for (int i = 0; i < 20000; i++)
        {
            Span<byte> span = packet.AsSpan(0, random.Next(0, 64));
            random.NextBytes(span);
            if (span.Length > 0)
            {
                span[0] = (byte)(0x80 | (span[0] & 0x3F));
            }

            if (RtpHeader.TryParse(span, out RtpHeader header))
            {
                Assert.InRange(header.HeaderLength + header.PayloadLength + header.PaddingLength, 12, span.Length);
                for (int id = 1; id < 16; id++)
                {
                    if (RtpExtensions.TryFind(span, header, id, out int offset, out int length))
                    {
                        Assert.InRange(offset + length, 0, header.HeaderLength);
                    }
                }
            }
        }
    }

    [Fact]
    public void RewritesSequenceTimestampSsrcAndPayloadTypeInPlace()
    {
        byte[] packet = ChromePacket.ToArray();
        packet[1] |= 0x80; // marker
        RtpHeader.WriteSequenceNumber(packet, 0xfffe);
        RtpHeader.WriteTimestamp(packet, 0xdeadbeef);
        RtpHeader.WriteSsrc(packet, 42);
        RtpHeader.WritePayloadType(packet, 109);

        Assert.True(RtpHeader.TryParse(packet, out RtpHeader header));
        Assert.Equal(0xfffe, header.SequenceNumber);
        Assert.Equal(0xdeadbeefu, header.Timestamp);
        Assert.Equal(42u, header.Ssrc);
        Assert.Equal(109, header.PayloadType);
        Assert.True(header.Marker);
        Assert.Equal(ChromePacket[12..], packet[12..]);

        RtpHeader.WriteMarker(packet, false);
        Assert.True(RtpHeader.TryParse(packet, out header));
        Assert.False(header.Marker);
        Assert.Equal(109, header.PayloadType);
    }
}
