using System.Text;
using Parley.Media.Rtcp;

namespace Parley.Media.Tests.Rtcp;

public class RtcpParsingTests
{
    private static byte[] Bytes(string hex) => Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));

    // What Chrome sends for an audio sender, laid out per RFC 3550 §6.4.1 and §6.5: an SR without
    // report blocks, then an SDES with one CNAME of 16 characters.
    private static readonly byte[] ChromeSenderReport = Bytes("""
        80c8 0006 2f1e6d3a
        eb8f 3a5c 9ba5 e354  0001 d4c0  0000 0032  0000 1388
        81ca 0006 2f1e6d3a
        01 10 4b47 6e76 2f57 7a39 3254 3448 7870 5153  00 00
        """);

    [Fact]
    public void ReadsAChromeSenderReportAndItsCname()
    {
        var reader = new RtcpCompoundReader(ChromeSenderReport);

        Assert.True(reader.TryReadNext(out RtcpPacket sr));
        Assert.Equal(RtcpPacketType.SenderReport, sr.Type);
        Assert.Equal(0x2f1e6d3au, sr.Ssrc);
        Assert.True(sr.TryGetSenderInfo(out RtcpSenderInfo info));
        Assert.Equal(0xeb8f3a5c9ba5e354ul, info.NtpTimestamp);
        Assert.Equal(120_000u, info.RtpTimestamp);
        Assert.Equal(50u, info.PacketCount);
        Assert.Equal(5000u, info.OctetCount);
        Assert.Equal(0, sr.ReportBlockCount);

        Assert.True(reader.TryReadNext(out RtcpPacket sdes));
        Assert.Equal(RtcpPacketType.SourceDescription, sdes.Type);
        RtcpSdesReader items = sdes.GetSdesItems();
        Assert.True(items.TryReadNext(out uint ssrc, out RtcpSdesItemType type, out ReadOnlySpan<byte> value));
        Assert.Equal(0x2f1e6d3au, ssrc);
        Assert.Equal(RtcpSdesItemType.Cname, type);
        Assert.Equal("KGnv/Wz92T4HxpQS", Encoding.UTF8.GetString(value));
        Assert.False(items.TryReadNext(out _, out _, out _));

        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.IsMalformed);
        Assert.True(RtcpCompoundReader.IsValidCompound(ChromeSenderReport, allowReducedSize: false));
    }

    [Fact]
    public void ReadsReportBlocksWithANegativeCumulativeLoss()
    {
        byte[] rr = Bytes("""
            81c9 0007 00000001
            00000002 40 fffffe 0001ffff 00000020 b7052000 00054000
            """);
        var reader = new RtcpCompoundReader(rr);
        Assert.True(reader.TryReadNext(out RtcpPacket packet));

        Assert.Equal(1, packet.ReportBlockCount);
        Assert.True(packet.TryGetReportBlock(0, out RtcpReportBlock block));
        Assert.Equal(new RtcpReportBlock(2, 0x40, -2, 0x1ffff, 32, 0xb7052000, 0x00054000), block);
        Assert.False(packet.TryGetReportBlock(1, out _));
    }

    [Fact]
    public void IdentifiesFeedbackMessages()
    {
        byte[] compound = Bytes("""
            81c9 0001 00000001
            81cd 0003 00000001 00000002 0064 0005
            8fcd 0004 00000001 00000002 00010002 20000000
            81ce 0002 00000001 00000002
            """);
        var reader = new RtcpCompoundReader(compound);
        Assert.True(reader.TryReadNext(out RtcpPacket rr));
        Assert.Equal(RtcpPacketType.ReceiverReport, rr.Type);

        Assert.True(reader.TryReadNext(out RtcpPacket nack));
        Assert.True(nack.IsGenericNack);
        Assert.Equal(2u, nack.MediaSsrc);
        Assert.Equal(1, nack.NackCount);
        Assert.True(nack.TryGetNack(0, out ushort packetId, out ushort bitmask));
        Assert.Equal(100, packetId);
        Assert.Equal(5, bitmask);

        Assert.True(reader.TryReadNext(out RtcpPacket twcc));
        Assert.True(twcc.IsTransportWideCc);
        Assert.False(twcc.IsGenericNack);

        Assert.True(reader.TryReadNext(out RtcpPacket pli));
        Assert.True(pli.IsPictureLossIndication);
        Assert.Equal(RtcpPacketType.PayloadSpecificFeedback, pli.Type);
        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void ReadsAGoodbyeAndPaddedPackets()
    {
        byte[] compound = Bytes("""
            80c9 0001 00000009
            a2cb 0003 00000007 00000008 00000004
            """);
        var reader = new RtcpCompoundReader(compound);
        Assert.True(reader.TryReadNext(out _));
        Assert.True(reader.TryReadNext(out RtcpPacket bye));

        Assert.True(bye.Padding);
        Assert.Equal(12, bye.Content.Length);
        Assert.Equal(2, bye.GoodbyeSsrcCount);
        Assert.Equal(7u, bye.GetGoodbyeSsrc(0));
        Assert.Equal(8u, bye.GetGoodbyeSsrc(1));
        Assert.Equal(0u, bye.GetGoodbyeSsrc(2));
    }

    [Fact]
    public void EveryTruncationOfACompoundIsDroppedWithoutThrowing()
    {
        for (int length = 0; length < ChromeSenderReport.Length; length++)
        {
            if (length == 28)
            {
                continue; // cut right after the SR: a valid compound of one packet
            }

            ReadOnlySpan<byte> cut = ChromeSenderReport.AsSpan(0, length);
            Assert.False(RtcpCompoundReader.IsValidCompound(cut, allowReducedSize: true));
            var reader = new RtcpCompoundReader(cut);
            while (reader.TryReadNext(out RtcpPacket packet))
            {
                Assert.True(packet.Length <= length);
            }

            Assert.True(reader.IsMalformed);
        }
    }

    [Theory]
    [InlineData("40c8 0000")]                        // version 1
    [InlineData("80c9 0002 00000001")]               // length past the end
    [InlineData("a0c9 0002 00000001 00000000")]      // padding count 0
    [InlineData("a0c9 0002 00000001 00000009")]      // padding longer than the packet
    [InlineData("80")]                               // not even a header
    public void MalformedPacketsAreReported(string hex)
    {
        var reader = new RtcpCompoundReader(Bytes(hex));
        Assert.False(reader.TryReadNext(out _));
        Assert.True(reader.IsMalformed);
    }

    [Fact]
    public void ACompoundMustStartWithAReportUnlessReducedSize()
    {
        byte[] sdesOnly = ChromeSenderReport[28..];
        Assert.False(RtcpCompoundReader.IsValidCompound(sdesOnly, allowReducedSize: false));
        Assert.True(RtcpCompoundReader.IsValidCompound(sdesOnly, allowReducedSize: true));
    }

    [Fact]
    public void CountsThatOverstateThePacketAreCappedAndGarbageNeverThrows()
    {
        // RC says 3 but there is room for one block only.
        byte[] rr = Bytes("83c9 0007 00000001 00000002 00000000 00000000 00000000 00000000 00000000");
        var reader = new RtcpCompoundReader(rr);
        Assert.True(reader.TryReadNext(out RtcpPacket packet));
        Assert.Equal(1, packet.ReportBlockCount);

        var random = new Random(3550);
        var buffer = new byte[200];
        for (int i = 0; i < 20000; i++)
        {
            Span<byte> span = buffer.AsSpan(0, random.Next(0, 200));
            random.NextBytes(span);
            if (span.Length > 0)
            {
                span[0] = (byte)(0x80 | (span[0] & 0x3F));
            }

            if (span.Length > 1)
            {
                span[1] = (byte)random.Next(200, 207);
            }

            if (span.Length > 3)
            {
                span[2] = 0;
                span[3] = (byte)random.Next(0, 12);
            }

            var garbage = new RtcpCompoundReader(span);
            while (garbage.TryReadNext(out RtcpPacket p))
            {
                _ = p.TryGetSenderInfo(out _);
                for (int b = 0; b < p.ReportBlockCount; b++)
                {
                    Assert.True(p.TryGetReportBlock(b, out _));
                }

                RtcpSdesReader items = p.GetSdesItems();
                while (items.TryReadNext(out _, out _, out ReadOnlySpan<byte> value))
                {
                    Assert.True(value.Length <= p.Length);
                }

                for (int b = 0; b < p.GoodbyeSsrcCount; b++)
                {
                    _ = p.GetGoodbyeSsrc(b);
                }

                for (int n = 0; n < p.NackCount; n++)
                {
                    Assert.True(p.TryGetNack(n, out _, out _));
                }

                _ = p.MediaSsrc;
            }
        }
    }
}
