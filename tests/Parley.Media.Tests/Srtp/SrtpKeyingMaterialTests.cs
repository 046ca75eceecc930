using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

public class SrtpKeyingMaterialTests
{
    [Theory]
    [InlineData(SrtpProfile.AesCm128HmacSha1_80, 60)]
    [InlineData(SrtpProfile.AeadAes128Gcm, 56)]
    public void TheDtlsServerReadsWhatTheClientWritesAndBack(SrtpProfile profile, int materialLength)
    {
        Assert.Equal(materialLength, SrtpSession.KeyingMaterialLength(profile));
        byte[] material = Enumerable.Range(0, materialLength).Select(i => (byte)(i * 7)).ToArray();
        SrtpSession.CreateFromKeyingMaterial(profile, material, localIsDtlsServer: true, out SrtpSession serverIn, out SrtpSession serverOut);
        SrtpSession.CreateFromKeyingMaterial(profile, material, localIsDtlsServer: false, out SrtpSession clientIn, out SrtpSession clientOut);
        using (serverIn)
        using (serverOut)
        using (clientIn)
        using (clientOut)
        {
            var buffer = new byte[200];
            int length = Parley.Media.Rtp.RtpWriter.Write(buffer, 111, false, 1, 1, 1, 0, 0, false, new byte[50]);
            Assert.True(clientOut.TryProtectRtp(buffer, length, out int protectedLength));
            Assert.Equal(SrtpError.AuthenticationFailed, clientIn.UnprotectRtp(buffer.ToArray(), protectedLength, out _));
            Assert.Equal(SrtpError.None, serverIn.UnprotectRtp(buffer, protectedLength, out _));

            Assert.True(serverOut.TryProtectRtp(buffer, length, out protectedLength));
            Assert.Equal(SrtpError.None, clientIn.UnprotectRtp(buffer, protectedLength, out _));
        }

        Assert.Throws<ArgumentException>(() => SrtpSession.CreateFromKeyingMaterial(profile, new byte[materialLength - 1], true, out _, out _));
    }

    [Fact]
    public void TheClientKeyIsTheFirstSixteenBytes()
    {
        byte[] material = Enumerable.Range(0, 60).Select(i => (byte)i).ToArray();
        SrtpSession.CreateFromKeyingMaterial(SrtpProfile.AesCm128HmacSha1_80, material, localIsDtlsServer: false, out SrtpSession inbound, out SrtpSession outbound);
        using SrtpSession expected = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, material.AsSpan(0, 16), material.AsSpan(32, 14));
        using (inbound)
        using (outbound)
        {
            var a = new byte[64];
            var b = new byte[64];
            a[0] = b[0] = 0x80;
            Assert.True(outbound.TryProtectRtp(a, 20, out int length));
            Assert.True(expected.TryProtectRtp(b, 20, out _));
            Assert.Equal(b[..length], a[..length]);
        }
    }
}
