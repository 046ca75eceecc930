namespace Parley.Media.Rtp;

/// <summary>RTP header extension elements (RFC 8285), found by id without allocating.</summary>
public static class RtpExtensions
{
    /// <summary>RFC 8285 §4.2: the one-byte header form.</summary>
    public const ushort OneByteProfile = 0xBEDE;

    /// <summary>RFC 8285 §4.3: the two-byte form is 0x100 followed by 4 "appbits".</summary>
    public const ushort TwoByteProfileMask = 0xFFF0;
    public const ushort TwoByteProfile = 0x1000;

    /// <summary>
    /// Finds the element with <paramref name="id"/> (1–14 for the one-byte form, 1–255 for the
    /// two-byte form) and returns where its data is in <paramref name="packet"/>.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> packet, in RtpHeader header, int id, out int offset, out int length)
    {
        offset = 0;
        length = 0;
        if (id <= 0 || header.ExtensionOffset == 0 || header.ExtensionOffset + header.ExtensionLength > packet.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> data = packet.Slice(header.ExtensionOffset, header.ExtensionLength);
        if (header.ExtensionProfile == OneByteProfile)
        {
            return TryFindOneByte(data, id, header.ExtensionOffset, out offset, out length);
        }

        if ((header.ExtensionProfile & TwoByteProfileMask) == TwoByteProfile)
        {
            return TryFindTwoByte(data, id, header.ExtensionOffset, out offset, out length);
        }

        return false;
    }

    private static bool TryFindOneByte(ReadOnlySpan<byte> data, int id, int baseOffset, out int offset, out int length)
    {
        offset = 0;
        length = 0;
        int i = 0;
        while (i < data.Length)
        {
            byte b = data[i];
            if (b == 0)
            {
                // RFC 8285 §4.2: padding bytes between elements.
                i++;
                continue;
            }

            int elementId = b >> 4;
            if (elementId == 15)
            {
                // RFC 8285 §4.2: id 15 is reserved; stop processing the extension.
                return false;
            }

            int elementLength = (b & 0x0F) + 1;
            if (i + 1 + elementLength > data.Length)
            {
                return false;
            }

            if (elementId == id)
            {
                offset = baseOffset + i + 1;
                length = elementLength;
                return true;
            }

            i += 1 + elementLength;
        }

        return false;
    }

    private static bool TryFindTwoByte(ReadOnlySpan<byte> data, int id, int baseOffset, out int offset, out int length)
    {
        offset = 0;
        length = 0;
        int i = 0;
        while (i < data.Length)
        {
            byte elementId = data[i];
            if (elementId == 0)
            {
                i++;
                continue;
            }

            if (i + 2 > data.Length)
            {
                return false;
            }

            int elementLength = data[i + 1];
            if (i + 2 + elementLength > data.Length)
            {
                return false;
            }

            if (elementId == id)
            {
                offset = baseOffset + i + 2;
                length = elementLength;
                return true;
            }

            i += 2 + elementLength;
        }

        return false;
    }

    /// <summary>
    /// RFC 6464 §3: client-to-mixer audio level. <paramref name="level"/> is -dBov, 0 (loudest) to
    /// 127 (silence); <paramref name="voiceActivity"/> is the V bit.
    /// </summary>
    public static bool TryGetAudioLevel(
        ReadOnlySpan<byte> packet,
        in RtpHeader header,
        int extensionId,
        out byte level,
        out bool voiceActivity)
    {
        if (TryFind(packet, header, extensionId, out int offset, out int length) && length >= 1)
        {
            byte b = packet[offset];
            level = (byte)(b & 0x7F);
            voiceActivity = (b & 0x80) != 0;
            return true;
        }

        level = 127;
        voiceActivity = false;
        return false;
    }
}
