using System.Security.Cryptography;
using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

public class Aes128GcmTests
{
    public static TheoryData<bool> HardwareOrFallback => SrtpTestVectorTests.HardwareOrFallback;

    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void MatchesDotNetAesGcmForEveryLengthOfDataAndAssociatedData(bool hardware)
    {
        var random = new Random(38);
        for (int trial = 0; trial < 400; trial++)
        {
            var key = new byte[16];
            var nonce = new byte[12];
            random.NextBytes(key);
            random.NextBytes(nonce);
            var associatedData = new byte[trial % 41];
            var plain = new byte[trial < 300 ? trial : random.Next(300, 1500)];
            random.NextBytes(associatedData);
            random.NextBytes(plain);

            var expectedCipher = new byte[plain.Length];
            var expectedTag = new byte[16];
            using (var oracle = new AesGcm(key, 16))
            {
                oracle.Encrypt(nonce, plain, expectedCipher, expectedTag, associatedData);
            }

            using var gcm = new Aes128Gcm(key, hardware);
            Assert.Equal(hardware && Aes128Gcm.IsHardwareAccelerated, gcm.UsesHardware);
            byte[] data = plain.ToArray();
            var tag = new byte[16];
            gcm.Encrypt(nonce, data, tag, associatedData);
            Assert.Equal(expectedCipher, data);
            Assert.Equal(expectedTag, tag);

            Assert.True(gcm.TryDecrypt(nonce, data, tag, associatedData));
            Assert.Equal(plain, data);
        }
    }

    [Theory]
    [MemberData(nameof(HardwareOrFallback))]
    public void RejectsAnyAlteredByteWithoutThrowing(bool hardware)
    {
        byte[] key = Hex.Bytes("000102030405060708090a0b0c0d0e0f");
        byte[] nonce = Hex.Bytes("517569642070726f2071756f");
        byte[] associatedData = Hex.Bytes("8040f17b8041f8d35501a0b2");
        byte[] plain = new byte[40];
        using var gcm = new Aes128Gcm(key, hardware);
        byte[] cipher = plain.ToArray();
        var tag = new byte[16];
        gcm.Encrypt(nonce, cipher, tag, associatedData);

        for (int i = 0; i < cipher.Length; i++)
        {
            byte[] altered = cipher.ToArray();
            altered[i] ^= 0x10;
            Assert.False(gcm.TryDecrypt(nonce, altered, tag, associatedData));
        }

        for (int i = 0; i < 16; i++)
        {
            byte[] alteredTag = tag.ToArray();
            alteredTag[i] ^= 0x01;
            Assert.False(gcm.TryDecrypt(nonce, cipher.ToArray(), alteredTag, associatedData));
        }

        byte[] alteredAad = associatedData.ToArray();
        alteredAad[3] ^= 1;
        Assert.False(gcm.TryDecrypt(nonce, cipher.ToArray(), tag, alteredAad));
    }

    [Fact]
    public void AForgeryLeavesTheBufferUntouched()
    {
        using var gcm = new Aes128Gcm(new byte[16]);
        var data = new byte[32];
        var tag = new byte[16];
        gcm.Encrypt(new byte[12], data, tag, []);
        byte[] cipher = data.ToArray();
        tag[0] ^= 1;

        Assert.False(gcm.TryDecrypt(new byte[12], data, tag, []));
        Assert.Equal(cipher, data);
    }
}
