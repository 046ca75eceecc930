using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Parley.Media.Tests.Srtp;

/// <summary>
/// An independent, slow AES_CM_128_HMAC_SHA1_80 written from RFC 3711 with .NET's Aes.EncryptEcb
/// and one-shot HMACSHA1: the oracle the session's fast paths are checked against.
/// </summary>
internal static class SrtpOracle
{
    public static byte[] Keystream(byte[] key, byte[] iv16, int length)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        int blocks = (length + 15) / 16;
        var counters = new byte[blocks * 16];
        for (int j = 0; j < blocks; j++)
        {
            iv16.CopyTo(counters, j * 16);
            // The IV's low 16 bits are zero, so adding j only touches the last two octets.
            BinaryPrimitives.WriteUInt16BigEndian(counters.AsSpan(j * 16 + 14), (ushort)j);
        }

        return aes.EncryptEcb(counters, PaddingMode.None)[..length];
    }

    public static byte[] Derive(byte[] masterKey, byte[] masterSalt, byte label, int length)
    {
        var x = new byte[16];
        masterSalt.CopyTo(x, 0);
        x[7] ^= label;
        return Keystream(masterKey, x, length);
    }

    public static byte[] Iv(byte[] salt, uint ssrc, ulong index)
    {
        var iv = new byte[16];
        salt.CopyTo(iv, 0);
        Span<byte> ssrcBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(ssrcBytes, ssrc);
        for (int i = 0; i < 4; i++)
        {
            iv[4 + i] ^= ssrcBytes[i];
        }

        for (int i = 0; i < 6; i++)
        {
            iv[8 + i] ^= (byte)(index >> (8 * (5 - i)));
        }

        return iv;
    }

    /// <summary>Protects a plain RTP packet (12-byte header, no CSRCs or extension) with ROC <paramref name="roc"/>.</summary>
    public static byte[] ProtectRtp(byte[] masterKey, byte[] masterSalt, byte[] packet, int headerLength, uint roc)
    {
        byte[] key = Derive(masterKey, masterSalt, 0, 16);
        byte[] auth = Derive(masterKey, masterSalt, 1, 20);
        byte[] salt = Derive(masterKey, masterSalt, 2, 14);
        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(8));
        ushort seq = BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2));
        ulong index = ((ulong)roc << 16) | seq;
        byte[] keystream = Keystream(key, Iv(salt, ssrc, index), packet.Length - headerLength);
        var output = new byte[packet.Length + 10];
        packet.CopyTo(output, 0);
        for (int i = 0; i < keystream.Length; i++)
        {
            output[headerLength + i] ^= keystream[i];
        }

        var authenticated = new byte[packet.Length + 4];
        output.AsSpan(0, packet.Length).CopyTo(authenticated);
        BinaryPrimitives.WriteUInt32BigEndian(authenticated.AsSpan(packet.Length), roc);
#pragma warning disable CA5350 // RFC 3711 §4.2 mandates HMAC-SHA1 for this profile.
        HMACSHA1.HashData(auth, authenticated).AsSpan(0, 10).CopyTo(output.AsSpan(packet.Length));
#pragma warning restore CA5350
        return output;
    }
}
