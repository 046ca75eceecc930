using System.Buffers.Binary;
using System.Text;

namespace Parley.Media.Rtcp;

/// <summary>
/// Writes single RTCP packets (RFC 3550 §6.4–6.6). Each returns false, writing nothing useful,
/// when the destination is too small or a count does not fit its 5-bit field.
/// </summary>
public static class RtcpWriter
{
    public const int MaxReportBlocks = 31;
    public const int MaxCnameLength = 255;

    public static int SenderReportLength(int reportBlocks) => 28 + (reportBlocks * RtcpReportBlock.Length);

    public static int ReceiverReportLength(int reportBlocks) => 8 + (reportBlocks * RtcpReportBlock.Length);

    public static bool TryWriteSenderReport(
        Span<byte> destination,
        uint ssrc,
        in RtcpSenderInfo senderInfo,
        ReadOnlySpan<RtcpReportBlock> reportBlocks,
        out int written)
    {
        written = 0;
        int length = SenderReportLength(reportBlocks.Length);
        if (reportBlocks.Length > MaxReportBlocks || destination.Length < length)
        {
            return false;
        }

        WriteHeader(destination, reportBlocks.Length, RtcpPacketType.SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        senderInfo.Write(destination[8..]);
        WriteReportBlocks(destination[28..], reportBlocks);
        written = length;
        return true;
    }

    public static bool TryWriteReceiverReport(
        Span<byte> destination,
        uint ssrc,
        ReadOnlySpan<RtcpReportBlock> reportBlocks,
        out int written)
    {
        written = 0;
        int length = ReceiverReportLength(reportBlocks.Length);
        if (reportBlocks.Length > MaxReportBlocks || destination.Length < length)
        {
            return false;
        }

        WriteHeader(destination, reportBlocks.Length, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        WriteReportBlocks(destination[8..], reportBlocks);
        written = length;
        return true;
    }

    /// <summary>An SDES packet with one chunk holding one CNAME item (RFC 3550 §6.5.1), UTF-8.</summary>
    public static bool TryWriteSdesCname(Span<byte> destination, uint ssrc, ReadOnlySpan<char> cname, out int written)
    {
        written = 0;
        int textLength = Encoding.UTF8.GetByteCount(cname);
        // Header, SSRC, item type and length, text, at least one null octet, padded to 32 bits.
        int length = (4 + 4 + 2 + textLength + 1 + 3) & ~3;
        if (textLength > MaxCnameLength || destination.Length < length)
        {
            return false;
        }

        WriteHeader(destination, 1, RtcpPacketType.SourceDescription, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        destination[8] = (byte)RtcpSdesItemType.Cname;
        destination[9] = (byte)textLength;
        Encoding.UTF8.GetBytes(cname, destination[10..]);
        destination[(10 + textLength)..length].Clear();
        written = length;
        return true;
    }

    /// <summary>A BYE for the given SSRCs, without a reason (RFC 3550 §6.6).</summary>
    public static bool TryWriteGoodbye(Span<byte> destination, ReadOnlySpan<uint> ssrcs, out int written)
    {
        written = 0;
        int length = 4 + (ssrcs.Length * 4);
        if (ssrcs.Length > MaxReportBlocks || destination.Length < length)
        {
            return false;
        }

        WriteHeader(destination, ssrcs.Length, RtcpPacketType.Goodbye, length);
        for (int i = 0; i < ssrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 + (i * 4))..], ssrcs[i]);
        }

        written = length;
        return true;
    }

    private static void WriteHeader(Span<byte> destination, int count, RtcpPacketType type, int length)
    {
        destination[0] = (byte)(0x80 | count);
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }

    private static void WriteReportBlocks(Span<byte> destination, ReadOnlySpan<RtcpReportBlock> reportBlocks)
    {
        for (int i = 0; i < reportBlocks.Length; i++)
        {
            reportBlocks[i].Write(destination[(i * RtcpReportBlock.Length)..]);
        }
    }
}
