using System.Buffers.Binary;

namespace Parley.Media.Rtp;

/// <summary>Writes RTP packets for the C# client (RFC 3550 §5.1, RFC 8285, RFC 6464).</summary>
public static class RtpWriter
{
    /// <summary>
    /// Bytes a packet takes before its payload: the fixed header, plus 8 when an audio level
    /// extension is written (4-byte extension header, 1-byte element header or 2 for the two-byte
    /// form, the level byte, padding to a word).
    /// </summary>
    public static int HeaderLength(int audioLevelExtensionId) =>
        audioLevelExtensionId == 0 ? RtpHeader.FixedLength : RtpHeader.FixedLength + 8;

    /// <summary>
    /// Writes a version 2 packet without CSRCs or padding. An <paramref name="audioLevelExtensionId"/>
    /// of 1–14 uses the one-byte extension form, 15–255 the two-byte form, 0 writes none.
    /// Returns the packet length, or false when <paramref name="destination"/> is too small or the
    /// id is out of range.
    /// </summary>
    public static bool TryWrite(
        Span<byte> destination,
        byte payloadType,
        bool marker,
        ushort sequenceNumber,
        uint timestamp,
        uint ssrc,
        int audioLevelExtensionId,
        byte audioLevel,
        bool voiceActivity,
        ReadOnlySpan<byte> payload,
        out int length)
    {
        length = 0;
        if ((uint)audioLevelExtensionId > 255)
        {
            return false;
        }

        int headerLength = HeaderLength(audioLevelExtensionId);
        if (destination.Length < headerLength + payload.Length)
        {
            return false;
        }

        destination[0] = (byte)(audioLevelExtensionId == 0 ? 0x80 : 0x90);
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);

        if (audioLevelExtensionId != 0)
        {
            byte levelByte = (byte)((voiceActivity ? 0x80 : 0) | Math.Min(audioLevel, (byte)127));
            Span<byte> extension = destination.Slice(RtpHeader.FixedLength, 8);
            BinaryPrimitives.WriteUInt16BigEndian(extension[2..], 1); // one 32-bit word of data
            if (audioLevelExtensionId <= 14)
            {
                // RFC 8285 §4.2: id in the high nibble, length - 1 in the low nibble.
                BinaryPrimitives.WriteUInt16BigEndian(extension, RtpExtensions.OneByteProfile);
                extension[4] = (byte)(audioLevelExtensionId << 4);
                extension[5] = levelByte;
                extension[6] = 0;
                extension[7] = 0;
            }
            else
            {
                // RFC 8285 §4.3: id byte, length byte, data.
                BinaryPrimitives.WriteUInt16BigEndian(extension, RtpExtensions.TwoByteProfile);
                extension[4] = (byte)audioLevelExtensionId;
                extension[5] = 1;
                extension[6] = levelByte;
                extension[7] = 0;
            }
        }

        payload.CopyTo(destination[headerLength..]);
        length = headerLength + payload.Length;
        return true;
    }

    /// <summary>As <see cref="TryWrite"/>, throwing when the destination is too small.</summary>
    public static int Write(
        Span<byte> destination,
        byte payloadType,
        bool marker,
        ushort sequenceNumber,
        uint timestamp,
        uint ssrc,
        int audioLevelExtensionId,
        byte audioLevel,
        bool voiceActivity,
        ReadOnlySpan<byte> payload)
    {
        if (!TryWrite(destination, payloadType, marker, sequenceNumber, timestamp, ssrc, audioLevelExtensionId, audioLevel, voiceActivity, payload, out int length))
        {
            ThrowCannotWrite();
        }

        return length;
    }

    private static void ThrowCannotWrite() =>
        throw new ArgumentException("The destination is too small for the RTP packet, or the extension id is not 0-255.");
}
