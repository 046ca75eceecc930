using System.Buffers.Binary;

namespace Parley.Media.Rtcp;

/// <summary>
/// One RTCP packet inside a compound, as a view over its bytes. The accessors check lengths and
/// answer false or 0 for a packet too short for what they read, never throw.
/// </summary>
public readonly ref struct RtcpPacket
{
    private const int FeedbackHeaderLength = 12;

    internal RtcpPacket(ReadOnlySpan<byte> data, int contentLength)
    {
        Data = data;
        Content = data[..contentLength];
    }

    /// <summary>The whole packet: header, body and padding.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The packet without its padding.</summary>
    public ReadOnlySpan<byte> Content { get; }

    public RtcpPacketType Type => (RtcpPacketType)Data[1];

    /// <summary>The 5-bit count field: report count, source count, or feedback message type (FMT).</summary>
    public int Count => Data[0] & 0x1F;

    public bool Padding => (Data[0] & 0x20) != 0;

    public int Length => Data.Length;

    /// <summary>The SSRC after the header (sender of SR/RR, packet sender of feedback, first SDES/BYE source).</summary>
    public uint Ssrc => Content.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(Content[4..]) : 0;

    public bool TryGetSenderInfo(out RtcpSenderInfo info)
    {
        if (Type == RtcpPacketType.SenderReport && Content.Length >= 8 + RtcpSenderInfo.Length)
        {
            info = RtcpSenderInfo.Read(Content[8..]);
            return true;
        }

        info = default;
        return false;
    }

    /// <summary>Report blocks in an SR or RR that the packet really holds (at most its count says).</summary>
    public int ReportBlockCount
    {
        get
        {
            int start = ReportBlocksOffset;
            return start < 0 ? 0 : Math.Min(Count, (Content.Length - start) / RtcpReportBlock.Length);
        }
    }

    public bool TryGetReportBlock(int index, out RtcpReportBlock block)
    {
        if ((uint)index < (uint)ReportBlockCount)
        {
            block = RtcpReportBlock.Read(Content[(ReportBlocksOffset + (index * RtcpReportBlock.Length))..]);
            return true;
        }

        block = default;
        return false;
    }

    private int ReportBlocksOffset => Type switch
    {
        RtcpPacketType.SenderReport when Content.Length >= 28 => 28,
        RtcpPacketType.ReceiverReport when Content.Length >= 8 => 8,
        _ => -1,
    };

    /// <summary>SDES chunks and items; empty for other packet types.</summary>
    public RtcpSdesReader GetSdesItems() =>
        new(Type == RtcpPacketType.SourceDescription ? Content[4..] : default, Type == RtcpPacketType.SourceDescription ? Count : 0);

    /// <summary>SSRCs leaving in a BYE (RFC 3550 §6.6).</summary>
    public int GoodbyeSsrcCount =>
        Type == RtcpPacketType.Goodbye ? Math.Min(Count, (Content.Length - 4) / 4) : 0;

    public uint GetGoodbyeSsrc(int index) =>
        (uint)index < (uint)GoodbyeSsrcCount ? BinaryPrimitives.ReadUInt32BigEndian(Content[(4 + (index * 4))..]) : 0;

    public bool IsFeedback => Type is RtcpPacketType.TransportFeedback or RtcpPacketType.PayloadSpecificFeedback;

    /// <summary>RFC 4585 §6.1: the media source a feedback message is about.</summary>
    public uint MediaSsrc =>
        IsFeedback && Content.Length >= FeedbackHeaderLength ? BinaryPrimitives.ReadUInt32BigEndian(Content[8..]) : 0;

    /// <summary>RFC 4585 §6.2.1: RTPFB with FMT 1.</summary>
    public bool IsGenericNack => Type == RtcpPacketType.TransportFeedback && Count == 1;

    /// <summary>draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1: RTPFB with FMT 15.</summary>
    public bool IsTransportWideCc => Type == RtcpPacketType.TransportFeedback && Count == 15;

    /// <summary>RFC 4585 §6.3.1: PSFB with FMT 1.</summary>
    public bool IsPictureLossIndication => Type == RtcpPacketType.PayloadSpecificFeedback && Count == 1;

    public int NackCount => IsGenericNack && Content.Length >= FeedbackHeaderLength ? (Content.Length - FeedbackHeaderLength) / 4 : 0;

    /// <summary>One generic NACK item: the lost packet id and the bitmask of the 16 after it.</summary>
    public bool TryGetNack(int index, out ushort packetId, out ushort lostBitmask)
    {
        if ((uint)index < (uint)NackCount)
        {
            ReadOnlySpan<byte> item = Content[(FeedbackHeaderLength + (index * 4))..];
            packetId = BinaryPrimitives.ReadUInt16BigEndian(item);
            lostBitmask = BinaryPrimitives.ReadUInt16BigEndian(item[2..]);
            return true;
        }

        packetId = 0;
        lostBitmask = 0;
        return false;
    }
}
