using System.Buffers.Binary;
using System.Security.Cryptography;
using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

/// <summary>SRTCP packets sent with E = 0 (authenticated, not encrypted), built with .NET as the oracle.</summary>
public class SrtcpUnencryptedTests
{
    private static readonly byte[] Rtcp = Hex.Bytes("""
        81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930
        4c756e61 deadbeef deadbeef deadbeef deadbeef deadbeef
        """);

    [Fact]
    public void AcceptsAnUnencryptedGcmSrtcpPacket()
    {
        byte[] key = Hex.Bytes("000102030405060708090a0b0c0d0e0f");
        byte[] salt = Hex.Bytes("517569642070726f2071756f");
        // RFC 7714 §9.1: IV = salt XOR (00 00 || SSRC || 00 00 || 0 || SRTCP index).
        byte[] nonce = salt.ToArray();
        byte[] ivInput = Hex.Bytes("0000 4d617273 0000 000005d4");
        for (int i = 0; i < 12; i++)
        {
            nonce[i] ^= ivInput[i];
        }

        // RFC 7714 §9.3: with E = 0 the whole packet and E || index are the AAD.
        byte[] associatedData = [.. Rtcp, 0x00, 0x00, 0x05, 0xd4];
        var tag = new byte[16];
        using (var oracle = new AesGcm(key, 16))
        {
            oracle.Encrypt(nonce, ReadOnlySpan<byte>.Empty, Span<byte>.Empty, tag, associatedData);
        }

        byte[] wire = [.. Rtcp, .. tag, 0x00, 0x00, 0x05, 0xd4];
        using SrtpSession session = SrtpSession.CreateFromSessionKeys(SrtpProfile.AeadAes128Gcm, new SessionKeys(key, salt, [], key, salt, []));

        Assert.Equal(SrtpError.None, session.UnprotectRtcp(wire, wire.Length, out int length));
        Assert.Equal(Rtcp, wire[..length]);

        byte[] forged = [.. Rtcp, .. tag, 0x00, 0x00, 0x05, 0xd5];
        Assert.Equal(SrtpError.AuthenticationFailed, session.UnprotectRtcp(forged, forged.Length, out _));
    }

    [Fact]
    public void AcceptsAnUnencryptedAesCmSrtcpPacket()
    {
        byte[] masterKey = Hex.Bytes("e1f97a0d3e018be0d64fa32c06de4139");
        byte[] masterSalt = Hex.Bytes("0ec675ad498afeebb6960b3aabe6");
        byte[] authKey = SrtpOracle.Derive(masterKey, masterSalt, 4, 20);
        byte[] withIndex = [.. Rtcp, 0x00, 0x00, 0x00, 0x07];
#pragma warning disable CA5350 // RFC 3711 §4.2 mandates HMAC-SHA1 for this profile.
        byte[] tag = HMACSHA1.HashData(authKey, withIndex)[..10];
#pragma warning restore CA5350
        byte[] wire = [.. withIndex, .. tag];
        using SrtpSession session = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, masterKey, masterSalt);

        Assert.Equal(SrtpError.None, session.UnprotectRtcp(wire, wire.Length, out int length));
        Assert.Equal(Rtcp, wire[..length]);
        Assert.Equal(SrtpError.Replayed, session.UnprotectRtcp(wire, wire.Length, out _));
    }

    [Fact]
    public void EncryptedAesCmSrtcpMatchesTheOracle()
    {
        byte[] masterKey = Hex.Bytes("e1f97a0d3e018be0d64fa32c06de4139");
        byte[] masterSalt = Hex.Bytes("0ec675ad498afeebb6960b3aabe6");
        byte[] key = SrtpOracle.Derive(masterKey, masterSalt, 3, 16);
        byte[] authKey = SrtpOracle.Derive(masterKey, masterSalt, 4, 20);
        byte[] salt = SrtpOracle.Derive(masterKey, masterSalt, 5, 14);

        // RFC 3711 §3.4: index 0, E = 1, encrypted from octet 8 with IV over SSRC and SRTCP index.
        byte[] expected = [.. Rtcp, 0x80, 0, 0, 0];
        byte[] keystream = SrtpOracle.Keystream(key, SrtpOracle.Iv(salt, 0x4d617273, 0), Rtcp.Length - 8);
        for (int i = 0; i < keystream.Length; i++)
        {
            expected[8 + i] ^= keystream[i];
        }

#pragma warning disable CA5350
        expected = [.. expected, .. HMACSHA1.HashData(authKey, expected)[..10]];
#pragma warning restore CA5350

        using SrtpSession session = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, masterKey, masterSalt);
        var buffer = new byte[Rtcp.Length + 14];
        Rtcp.CopyTo(buffer, 0);
        Assert.True(session.TryProtectRtcp(buffer, Rtcp.Length, out int length));
        Assert.Equal(expected, buffer[..length]);
        Assert.Equal(0x8000_0000u, BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(Rtcp.Length)));
    }
}
