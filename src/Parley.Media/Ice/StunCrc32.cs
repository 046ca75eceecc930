namespace Parley.Media.Ice;

/// <summary>
/// CRC-32 as ISO/IEC 13239 / ITU-T V.42 (the zlib CRC), used by FINGERPRINT (RFC 8489 §14.7).
/// The BCL has none (System.IO.Hashing is a package), and STUN messages are short, so a table
/// is enough. Sse42.Crc32 would compute CRC-32C, a different polynomial.
/// </summary>
internal static class StunCrc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    public static uint Start => 0xFFFFFFFF;

    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFF;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
