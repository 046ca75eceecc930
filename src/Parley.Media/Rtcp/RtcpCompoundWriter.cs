namespace Parley.Media.Rtcp;

/// <summary>
/// Builds a compound RTCP packet in a caller's buffer. RFC 3550 §6.1: the first packet is an SR or
/// an RR; adding anything else first throws, unless the writer was made for reduced-size RTCP
/// (RFC 5506). The Try methods return false when the buffer is full and leave it as it was.
/// </summary>
public ref struct RtcpCompoundWriter
{
    private readonly Span<byte> _destination;
    private readonly bool _reducedSize;
    private int _length;

    public RtcpCompoundWriter(Span<byte> destination, bool reducedSize = false)
    {
        _destination = destination;
        _reducedSize = reducedSize;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> Written => _destination[.._length];

    public bool TryAddSenderReport(uint ssrc, in RtcpSenderInfo senderInfo, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks) =>
        Advance(RtcpWriter.TryWriteSenderReport(_destination[_length..], ssrc, senderInfo, reportBlocks, out int written), written);

    public bool TryAddReceiverReport(uint ssrc, scoped ReadOnlySpan<RtcpReportBlock> reportBlocks) =>
        Advance(RtcpWriter.TryWriteReceiverReport(_destination[_length..], ssrc, reportBlocks, out int written), written);

    public bool TryAddSdesCname(uint ssrc, scoped ReadOnlySpan<char> cname)
    {
        EnsureReportFirst();
        return Advance(RtcpWriter.TryWriteSdesCname(_destination[_length..], ssrc, cname, out int written), written);
    }

    public bool TryAddGoodbye(scoped ReadOnlySpan<uint> ssrcs)
    {
        EnsureReportFirst();
        return Advance(RtcpWriter.TryWriteGoodbye(_destination[_length..], ssrcs, out int written), written);
    }

    private readonly void EnsureReportFirst()
    {
        if (_length == 0 && !_reducedSize)
        {
            ThrowReportFirst();
        }
    }

    private bool Advance(bool ok, int written)
    {
        if (ok)
        {
            _length += written;
        }

        return ok;
    }

    private static void ThrowReportFirst() =>
        throw new InvalidOperationException("RFC 3550 §6.1: a compound RTCP packet starts with an SR or RR.");
}
