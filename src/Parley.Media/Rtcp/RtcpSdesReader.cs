using System.Buffers.Binary;

namespace Parley.Media.Rtcp;

/// <summary>
/// Iterates the items of an SDES packet (RFC 3550 §6.5): chunks of an SSRC and items, each chunk
/// ended by a null octet and padded to 32 bits. Stops at anything that does not fit.
/// </summary>
public ref struct RtcpSdesReader
{
    private readonly ReadOnlySpan<byte> _chunks;
    private int _offset;
    private int _chunksLeft;
    private uint _ssrc;
    private bool _inChunk;

    internal RtcpSdesReader(ReadOnlySpan<byte> chunks, int chunkCount)
    {
        _chunks = chunks;
        _chunksLeft = chunkCount;
    }

    public bool TryReadNext(out uint ssrc, out RtcpSdesItemType type, out ReadOnlySpan<byte> value)
    {
        ssrc = 0;
        type = RtcpSdesItemType.End;
        value = default;
        while (true)
        {
            if (!_inChunk)
            {
                if (_chunksLeft == 0 || _offset + 4 > _chunks.Length)
                {
                    return false;
                }

                _ssrc = BinaryPrimitives.ReadUInt32BigEndian(_chunks[_offset..]);
                _offset += 4;
                _chunksLeft--;
                _inChunk = true;
            }

            if (_offset >= _chunks.Length)
            {
                return false;
            }

            byte itemType = _chunks[_offset];
            if (itemType == 0)
            {
                // The null item ends the chunk; the next chunk starts at the next 32-bit boundary
                // (chunks start aligned, so offsets relative to the first one keep the alignment).
                _offset = (_offset + 4) & ~3;
                _inChunk = false;
                continue;
            }

            if (_offset + 2 > _chunks.Length || _offset + 2 + _chunks[_offset + 1] > _chunks.Length)
            {
                return false;
            }

            int length = _chunks[_offset + 1];
            ssrc = _ssrc;
            type = (RtcpSdesItemType)itemType;
            value = _chunks.Slice(_offset + 2, length);
            _offset += 2 + length;
            return true;
        }
    }
}
