using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Parley.Media.Rtp;

/// <summary>
/// The fixed RTP header (RFC 3550 §5.1) of one packet, parsed without allocating. Offsets refer to
/// the span given to <see cref="TryParse"/>; the struct keeps no reference to it.
/// </summary>
public readonly struct RtpHeader
{
    public const int FixedLength = 12;
    public const int Version2 = 2;

    private readonly byte _first;
    private readonly byte _second;

    private RtpHeader(
        byte first,
        byte second,
        ushort sequenceNumber,
        uint timestamp,
        uint ssrc,
        int headerLength,
        int payloadLength,
        int paddingLength,
        ushort extensionProfile,
        int extensionOffset,
        int extensionLength)
    {
        _first = first;
        _second = second;
        SequenceNumber = sequenceNumber;
        Timestamp = timestamp;
        Ssrc = ssrc;
        HeaderLength = headerLength;
        PayloadLength = payloadLength;
        PaddingLength = paddingLength;
        ExtensionProfile = extensionProfile;
        ExtensionOffset = extensionOffset;
        ExtensionLength = extensionLength;
    }

    public int Version => _first >> 6;
    public bool Padding => (_first & 0x20) != 0;
    public bool HasExtension => (_first & 0x10) != 0;
    public int CsrcCount => _first & 0x0F;
    public bool Marker => (_second & 0x80) != 0;
    public byte PayloadType => (byte)(_second & 0x7F);
    public ushort SequenceNumber { get; }
    public uint Timestamp { get; }
    public uint Ssrc { get; }

    /// <summary>Fixed header, CSRCs and the header extension (its 4-byte header and data).</summary>
    public int HeaderLength { get; }

    public int PayloadOffset => HeaderLength;

    /// <summary>Payload bytes, without the padding (RFC 3550 §5.1: last octet counts the padding).</summary>
    public int PayloadLength { get; }

    public int PaddingLength { get; }

    /// <summary>The "defined by profile" field of the extension, 0 when there is none.</summary>
    public ushort ExtensionProfile { get; }

    /// <summary>Offset of the extension data (after the 4-byte extension header), 0 when none.</summary>
    public int ExtensionOffset { get; }

    /// <summary>Length in bytes of the extension data (a multiple of 4).</summary>
    public int ExtensionLength { get; }

    /// <summary>
    /// Parses a plaintext RTP packet. Returns false for anything that is not a well-formed version 2
    /// packet: too short, CSRCs or extension running past the end, or a padding count that does
    /// not fit. (An SRTP packet's padding octet is encrypted: parse after unprotecting, or use
    /// <see cref="TryGetHeaderLength"/>.)
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (!TryReadHeaderLength(packet, out int headerLength, out ushort profile, out int extensionOffset, out int extensionLength))
        {
            return false;
        }

        byte first = packet[0];
        int padding = 0;
        if ((first & 0x20) != 0)
        {
            // RFC 3550 §5.1: the last octet of the padding counts itself.
            padding = packet[^1];
            if (padding == 0 || padding > packet.Length - headerLength)
            {
                return false;
            }
        }

        header = new RtpHeader(
            first,
            packet[1],
            BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            headerLength,
            packet.Length - headerLength - padding,
            padding,
            profile,
            extensionOffset,
            extensionLength);
        return true;
    }

    /// <summary>
    /// Length of the header (fixed part, CSRCs, extension) of a version 2 packet, without looking
    /// at the payload: this works on SRTP packets, whose payload and padding count are encrypted.
    /// </summary>
    public static bool TryGetHeaderLength(ReadOnlySpan<byte> packet, out int headerLength) =>
        TryReadHeaderLength(packet, out headerLength, out _, out _, out _);

    private static bool TryReadHeaderLength(
        ReadOnlySpan<byte> packet,
        out int headerLength,
        out ushort extensionProfile,
        out int extensionOffset,
        out int extensionLength)
    {
        headerLength = 0;
        extensionProfile = 0;
        extensionOffset = 0;
        extensionLength = 0;
        if (packet.Length < FixedLength || packet[0] >> 6 != Version2)
        {
            return false;
        }

        int length = FixedLength + ((packet[0] & 0x0F) * 4);
        if ((packet[0] & 0x10) != 0)
        {
            // RFC 3550 §5.3.1: 16-bit profile, 16-bit length in 32-bit words, then the data.
            if (packet.Length < length + 4)
            {
                return false;
            }

            extensionProfile = BinaryPrimitives.ReadUInt16BigEndian(packet[length..]);
            extensionLength = BinaryPrimitives.ReadUInt16BigEndian(packet[(length + 2)..]) * 4;
            extensionOffset = length + 4;
            length = extensionOffset + extensionLength;
        }

        if (length > packet.Length)
        {
            extensionProfile = 0;
            extensionOffset = 0;
            extensionLength = 0;
            return false;
        }

        headerLength = length;
        return true;
    }

    public static uint ReadSsrc(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);

    public static ushort ReadSequenceNumber(ReadOnlySpan<byte> packet) => BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);

    /// <summary>The CSRC at <paramref name="index"/> (0 ≤ index &lt; CsrcCount) of a parsed packet.</summary>
    public static uint ReadCsrc(ReadOnlySpan<byte> packet, int index) =>
        BinaryPrimitives.ReadUInt32BigEndian(packet[(FixedLength + (index * 4))..]);

    // In-place rewrites for the router (DESIGN.md §3: slots rewrite SSRC, sequence and timestamp).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteSequenceNumber(Span<byte> packet, ushort sequenceNumber) =>
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequenceNumber);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteTimestamp(Span<byte> packet, uint timestamp) =>
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteSsrc(Span<byte> packet, uint ssrc) =>
        BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);

    /// <summary>Sets the 7-bit payload type and keeps the marker bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WritePayloadType(Span<byte> packet, byte payloadType) =>
        packet[1] = (byte)((packet[1] & 0x80) | (payloadType & 0x7F));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteMarker(Span<byte> packet, bool marker) =>
        packet[1] = (byte)((packet[1] & 0x7F) | (marker ? 0x80 : 0));
}
