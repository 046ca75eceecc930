using System.Buffers.Binary;

namespace Parley.Media.Rtcp;

/// <summary>
/// Iterates the packets of a compound RTCP packet (RFC 3550 §6.1) without allocating. Stops at the
/// first packet whose header is not version 2 or whose length runs past the end, and sets
/// <see cref="IsMalformed"/>; the caller drops the whole compound then (RFC 3550 Appendix A.2).
/// </summary>
public ref struct RtcpCompoundReader
{
    public const int HeaderLength = 4;

    private ReadOnlySpan<byte> _remaining;

    public RtcpCompoundReader(ReadOnlySpan<byte> compound)
    {
        _remaining = compound;
        IsMalformed = compound.IsEmpty;
    }

    public bool IsMalformed { get; private set; }

    public bool TryReadNext(out RtcpPacket packet)
    {
        packet = default;
        if (_remaining.IsEmpty || IsMalformed)
        {
            return false;
        }

        if (_remaining.Length < HeaderLength || _remaining[0] >> 6 != 2)
        {
            return Fail();
        }

        // RFC 3550 §6.4.1: the length is in 32-bit words minus one, header included.
        int length = (BinaryPrimitives.ReadUInt16BigEndian(_remaining[2..]) + 1) * 4;
        if (length > _remaining.Length)
        {
            return Fail();
        }

        ReadOnlySpan<byte> data = _remaining[..length];
        int contentLength = length;
        if ((data[0] & 0x20) != 0)
        {
            // RFC 3550 §6.4.1: the last octet counts the padding, itself included.
            int padding = data[^1];
            if (padding == 0 || padding > length - HeaderLength)
            {
                return Fail();
            }

            contentLength -= padding;
        }

        packet = new RtcpPacket(data, contentLength);
        _remaining = _remaining[length..];
        return true;
    }

    /// <summary>
    /// RFC 3550 Appendix A.2 checks on a whole compound packet: every length adds up, and the first
    /// packet is an SR or RR unless reduced-size RTCP (RFC 5506) was negotiated.
    /// </summary>
    public static bool IsValidCompound(ReadOnlySpan<byte> compound, bool allowReducedSize)
    {
        var reader = new RtcpCompoundReader(compound);
        bool first = true;
        while (reader.TryReadNext(out RtcpPacket packet))
        {
            if (first && !allowReducedSize && packet.Type is not (RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport))
            {
                return false;
            }

            first = false;
        }

        return !reader.IsMalformed;
    }

    private bool Fail()
    {
        IsMalformed = true;
        _remaining = default;
        return false;
    }
}
