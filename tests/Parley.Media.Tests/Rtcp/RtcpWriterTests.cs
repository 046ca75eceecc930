using System.Text;
using Parley.Media.Rtcp;

namespace Parley.Media.Tests.Rtcp;

public class RtcpWriterTests
{
    [Fact]
    public void ACompoundOfSrSdesAndByeReadsBackAsWritten()
    {
        var buffer = new byte[512];
        var info = new RtcpSenderInfo(0xe1b2c3d4_80000000, 48_000, 1234, 98_765);
        RtcpReportBlock[] blocks =
        [
            new(0x11, 25, 10, 0x1_0064, 40, 0xb7052000, 0x00054000),
            new(0x22, 0, -3, 7, 0, 0, 0),
        ];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryAddSenderReport(0xabcdef01, info, blocks));
        Assert.True(writer.TryAddSdesCname(0xabcdef01, "parley-sfu-1"));
        Assert.True(writer.TryAddGoodbye([0xabcdef01, 0x99]));
        ReadOnlySpan<byte> compound = writer.Written;

        Assert.Equal(28 + 48 + 24 + 12, compound.Length);
        Assert.True(RtcpCompoundReader.IsValidCompound(compound, allowReducedSize: false));
        var reader = new RtcpCompoundReader(compound);

        Assert.True(reader.TryReadNext(out RtcpPacket sr));
        Assert.Equal(0xabcdef01u, sr.Ssrc);
        Assert.True(sr.TryGetSenderInfo(out RtcpSenderInfo readInfo));
        Assert.Equal(info, readInfo);
        Assert.Equal(2, sr.ReportBlockCount);
        Assert.True(sr.TryGetReportBlock(0, out RtcpReportBlock first));
        Assert.True(sr.TryGetReportBlock(1, out RtcpReportBlock second));
        Assert.Equal(blocks[0], first);
        Assert.Equal(blocks[1], second);

        Assert.True(reader.TryReadNext(out RtcpPacket sdes));
        RtcpSdesReader items = sdes.GetSdesItems();
        Assert.True(items.TryReadNext(out uint ssrc, out RtcpSdesItemType type, out ReadOnlySpan<byte> cname));
        Assert.Equal((0xabcdef01u, RtcpSdesItemType.Cname, "parley-sfu-1"), (ssrc, type, Encoding.UTF8.GetString(cname)));

        Assert.True(reader.TryReadNext(out RtcpPacket bye));
        Assert.Equal(2, bye.GoodbyeSsrcCount);
        Assert.Equal(0x99u, bye.GetGoodbyeSsrc(1));
        Assert.False(reader.TryReadNext(out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("abc")]
    [InlineData("abcd")]
    [InlineData("user@host.example")]
    public void SdesChunksEndWithANullAndAre32BitAligned(string cname)
    {
        var buffer = new byte[300];
        Assert.True(RtcpWriter.TryWriteSdesCname(buffer, 5, cname, out int written));

        Assert.Equal(0, written % 4);
        Assert.Equal(0, buffer[10 + cname.Length]);
        var reader = new RtcpCompoundReader(buffer.AsSpan(0, written));
        Assert.True(reader.TryReadNext(out RtcpPacket sdes));
        RtcpSdesReader items = sdes.GetSdesItems();
        Assert.True(items.TryReadNext(out _, out _, out ReadOnlySpan<byte> value));
        Assert.Equal(cname, Encoding.UTF8.GetString(value));
        Assert.False(items.TryReadNext(out _, out _, out _));
    }

    [Fact]
    public void AReceiverReportRoundTripsAndClampsTheCumulativeLoss()
    {
        var buffer = new byte[64];
        RtcpReportBlock block = new(1, 255, 50_000_000, 1, 1, 1, 1);
        Assert.True(RtcpWriter.TryWriteReceiverReport(buffer, 9, [block], out int written));
        Assert.Equal(32, written);

        var reader = new RtcpCompoundReader(buffer.AsSpan(0, written));
        Assert.True(reader.TryReadNext(out RtcpPacket rr));
        Assert.True(rr.TryGetReportBlock(0, out RtcpReportBlock read));
        Assert.Equal(block with { CumulativeLost = RtcpReportBlock.MaxCumulativeLost }, read);

        RtcpReportBlock negative = new(1, 0, -50_000_000, 1, 1, 1, 1);
        negative.Write(buffer);
        Assert.Equal(RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.Read(buffer).CumulativeLost);
    }

    [Fact]
    public void WritersRefuseBuffersThatAreTooSmall()
    {
        var small = new byte[27];
        Assert.False(RtcpWriter.TryWriteSenderReport(small, 1, default, [], out _));
        Assert.False(RtcpWriter.TryWriteReceiverReport(new byte[31], 1, [default], out _));
        Assert.False(RtcpWriter.TryWriteSdesCname(small, 1, new string('x', 30), out _));
        Assert.False(RtcpWriter.TryWriteGoodbye(small.AsSpan(0, 7), [1, 2], out _));
        Assert.False(RtcpWriter.TryWriteReceiverReport(new byte[2000], 1, new RtcpReportBlock[32], out _));

        var writer = new RtcpCompoundWriter(new byte[39]);
        Assert.True(writer.TryAddReceiverReport(1, []));
        Assert.False(writer.TryAddReceiverReport(1, [default]));
        Assert.Equal(8, writer.Length);
    }

    [Fact]
    public void ACompoundMayNotStartWithSdesUnlessReducedSize()
    {
        var buffer = new byte[64];
        Assert.Throws<InvalidOperationException>(() =>
        {
            var writer = new RtcpCompoundWriter(buffer);
            writer.TryAddSdesCname(1, "x");
        });

        var reduced = new RtcpCompoundWriter(buffer, reducedSize: true);
        Assert.True(reduced.TryAddGoodbye([1]));
        Assert.Equal(8, reduced.Length);
    }
}
