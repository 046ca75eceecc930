using System.Runtime.Intrinsics;
using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

public class SrtpTestVectorTests
{
    public static TheoryData<bool> HardwareOrFallback => new() { true, false };

    // RFC 3711 Appendix B.2: AES-CM keystream for session key 2B7E...3C, salt F0F1...FD, SSRC 0, index 0.
    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void AesCounterModeProducesTheRfc3711B2Keystream(bool hardware)
    {
        using var aes = new AesCounterMode(Hex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C"), hardware);
        var keystream = new byte[0xFF02 * 16];
        aes.Transform(Vector128.Create(Hex.Bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000")), keystream);

        Assert.Equal(Hex.Bytes("E03EAD0935C95E80E166B16DD92B4EB4"), keystream[0..16]);
        Assert.Equal(Hex.Bytes("D23513162B02D0F72A43A2FE4A5F97AB"), keystream[16..32]);
        Assert.Equal(Hex.Bytes("41E95B3BB0A2E8DD477901E4FCA894C0"), keystream[32..48]);
        Assert.Equal(Hex.Bytes("EC8CDF7398607CB0F2D21675EA9EA1E4"), keystream[(0xFEFF * 16)..(0xFF00 * 16)]);
        Assert.Equal(Hex.Bytes("362B7C3C6773516318A077D7FC5073AE"), keystream[(0xFF00 * 16)..(0xFF01 * 16)]);
        Assert.Equal(Hex.Bytes("6A2CC3787889374FBEB4C81B17BA6C44"), keystream[(0xFF01 * 16)..(0xFF02 * 16)]);
    }

    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void AesCounterModeMatchesEcbForEveryLengthUpTo200(bool hardware)
    {
        byte[] key = Hex.Bytes("000102030405060708090a0b0c0d0e0f");
        byte[] iv = Hex.Bytes("f0f1f2f3f4f5f6f7f8f9fafbfcfd0000");
        using var aes = new AesCounterMode(key, hardware);
        for (int length = 0; length <= 200; length++)
        {
            var data = new byte[length];
            aes.Transform(Vector128.Create(iv), data);
            Assert.Equal(SrtpOracle.Keystream(key, iv, length), data);
        }
    }

    // RFC 3711 Appendix B.3: key derivation.
    [Fact]
    public void KeyDerivationMatchesRfc3711B3()
    {
        byte[] masterSalt = Hex.Bytes("0EC675AD498AFEEBB6960B3AABE6");
        using var prf = new AesCounterMode(Hex.Bytes("E1F97A0D3E018BE0D64FA32C06DE4139"));
        var cipherKey = new byte[16];
        var cipherSalt = new byte[14];
        var authKey = new byte[94];
        SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpEncryption, cipherKey);
        SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpSalt, cipherSalt);
        SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpAuthentication, authKey);

        Assert.Equal(Hex.Bytes("C61E7A93744F39EE10734AFE3FF7A087"), cipherKey);
        Assert.Equal(Hex.Bytes("30CBBC08863D8C85D49DB34A9AE1"), cipherSalt);
        Assert.Equal(
            Hex.Bytes("""
                CEBE321F6FF7716B6FD4AB49AF256A15 6D38BAA48F0A0ACF3C34E2359E6CDBCE
                E049646C43D9327AD175578EF7227098 6371C10C9A369AC2F94A8C5FBCDDDC25
                6D6E919A48B610EF17C2041E47403576 6B68642C59BBFC2F34DB60DBDFB2
                """),
            authKey);
    }

    // libsrtp's srtp_driver reference packet: master key and salt of RFC 3711 B.3, SSRC cafebabe,
    // seq 0x1234, 16 octets of 0xab.
    private static readonly byte[] LibsrtpKey = Hex.Bytes("e1f97a0d3e018be0d64fa32c06de4139");
    private static readonly byte[] LibsrtpSalt = Hex.Bytes("0ec675ad498afeebb6960b3aabe6");
    private static readonly byte[] LibsrtpPlain = Hex.Bytes("800f1234decafbadcafebabe abababababababababababababababab");
    private static readonly byte[] LibsrtpProtected = Hex.Bytes("""
        800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402 b78d6acc99ea179b8dbb
        """);

    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void ProtectsTheLibsrtpReferencePacket(bool hardware)
    {
        using var session = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, LibsrtpKey, LibsrtpSalt, hardware);
        var buffer = new byte[64];
        LibsrtpPlain.CopyTo(buffer, 0);

        Assert.True(session.TryProtectRtp(buffer, LibsrtpPlain.Length, out int length));

        Assert.Equal(LibsrtpProtected, buffer[..length]);
        Assert.Equal(LibsrtpProtected, SrtpOracle.ProtectRtp(LibsrtpKey, LibsrtpSalt, LibsrtpPlain, 12, roc: 0));
    }

    [Fact]
    public void UnprotectsTheLibsrtpReferencePacket()
    {
        using var session = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, LibsrtpKey, LibsrtpSalt);
        byte[] buffer = LibsrtpProtected.ToArray();

        Assert.Equal(SrtpError.None, session.UnprotectRtp(buffer, buffer.Length, out int length));
        Assert.Equal(LibsrtpPlain, buffer[..length]);
    }

    // libsrtp's srtp_driver SRTCP reference packet with the same master key: libsrtp sends its
    // first SRTCP packet with index 1 (RFC 3711 §3.4 starts at 0, as we do), hence the setter.
    private static readonly byte[] LibsrtpRtcpPlain = Hex.Bytes("81c8000bcafebabe abababababababab abababababababab");
    private static readonly byte[] LibsrtpRtcpProtected = Hex.Bytes("""
        81c8000bcafebabe 7128035be487b9bd bef89041f977a5a8 80000001 993e08cd54d6c1230798
        """);

    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void ProtectsTheLibsrtpReferenceRtcpPacket(bool hardware)
    {
        using var session = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, LibsrtpKey, LibsrtpSalt, hardware);
        session.SetNextRtcpIndex(0xcafebabe, 1);
        var buffer = new byte[64];
        LibsrtpRtcpPlain.CopyTo(buffer, 0);

        Assert.True(session.TryProtectRtcp(buffer, LibsrtpRtcpPlain.Length, out int length));
        Assert.Equal(LibsrtpRtcpProtected, buffer[..length]);
    }

    [Fact]
    public void UnprotectsTheLibsrtpReferenceRtcpPacket()
    {
        using var session = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, LibsrtpKey, LibsrtpSalt);
        byte[] buffer = LibsrtpRtcpProtected.ToArray();

        Assert.Equal(SrtpError.None, session.UnprotectRtcp(buffer, buffer.Length, out int length));
        Assert.Equal(LibsrtpRtcpPlain, buffer[..length]);
    }

    // RFC 7714 §16.1 and §17.1: AEAD_AES_128_GCM with the session key and salt given directly.
    private static readonly byte[] GcmKey = Hex.Bytes("000102030405060708090a0b0c0d0e0f");
    private static readonly byte[] GcmSalt = Hex.Bytes("517569642070726f2071756f");
    private static readonly byte[] GcmRtpPlain = Hex.Bytes("""
        8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973
        20646976 69736120 696e2070 61727465 73207472 6573
        """);
    private static readonly byte[] GcmRtpProtected = Hex.Bytes("""
        8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca
        be633bd5 0d294e6f 42a5f47a 51c7d19b 36de3adf 8833899d 7f27beb1
        6a9152cf 765ee439 0cce
        """);
    private static readonly byte[] GcmRtcpPlain = Hex.Bytes("""
        81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930
        4c756e61 deadbeef deadbeef deadbeef deadbeef deadbeef
        """);
    private static readonly byte[] GcmRtcpProtected = Hex.Bytes("""
        81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7
        6c06f32d c676a5f1 730d6fda 4ce09b46 86303ded 0bb9275b c84aa458
        96cf4d2f c5abf872 45d9eade 800005d4
        """);

    private static SrtpSession Rfc7714Session(bool hardware = true) =>
        SrtpSession.CreateFromSessionKeys(SrtpProfile.AeadAes128Gcm, new SessionKeys(GcmKey, GcmSalt, [], GcmKey, GcmSalt, []), hardware);

    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void ProtectsTheRfc7714RtpVector(bool hardware)
    {
        using SrtpSession session = Rfc7714Session(hardware);
        var buffer = new byte[128];
        GcmRtpPlain.CopyTo(buffer, 0);

        Assert.True(session.TryProtectRtp(buffer, GcmRtpPlain.Length, out int length));
        Assert.Equal(GcmRtpProtected, buffer[..length]);
    }

    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void UnprotectsTheRfc7714RtpVector(bool hardware)
    {
        using SrtpSession session = Rfc7714Session(hardware);
        byte[] buffer = GcmRtpProtected.ToArray();

        Assert.Equal(SrtpError.None, session.UnprotectRtp(buffer, buffer.Length, out int length));
        Assert.Equal(GcmRtpPlain, buffer[..length]);
    }

    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void ProtectsTheRfc7714RtcpVector(bool hardware)
    {
        using SrtpSession session = Rfc7714Session(hardware);
        session.SetNextRtcpIndex(0x4d617273, 0x5d4);
        var buffer = new byte[128];
        GcmRtcpPlain.CopyTo(buffer, 0);

        Assert.True(session.TryProtectRtcp(buffer, GcmRtcpPlain.Length, out int length));
        Assert.Equal(GcmRtcpProtected, buffer[..length]);
    }

    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void UnprotectsTheRfc7714RtcpVector(bool hardware)
    {
        using SrtpSession session = Rfc7714Session(hardware);
        byte[] buffer = GcmRtcpProtected.ToArray();

        Assert.Equal(SrtpError.None, session.UnprotectRtcp(buffer, buffer.Length, out int length));
        Assert.Equal(GcmRtcpPlain, buffer[..length]);
    }

    // RFC 7714 gives no key derivation vector: the session salt below is what libsrtp derives for
    // master key 00..0f and master salt 40..4b (label at octet 7 of the zero-padded salt), and is
    // recomputed here with the ECB oracle.
    [Fact]
    public void GcmKeyDerivationPadsTheTwelveByteSaltOnTheRight()
    {
        byte[] masterKey = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        byte[] masterSalt = Enumerable.Range(0x40, 12).Select(i => (byte)i).ToArray();
        using var prf = new AesCounterMode(masterKey);
        var salt = new byte[12];
        SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpSalt, salt);

        Assert.Equal(Hex.Bytes("1fcd5d561e66dc49ec1c3ccb"), salt);
        Assert.Equal(SrtpOracle.Derive(masterKey, masterSalt, 2, 12), salt);
    }
}
