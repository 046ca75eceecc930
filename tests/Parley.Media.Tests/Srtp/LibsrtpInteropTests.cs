using System.Buffers.Binary;
using Parley.Media.Rtp;
using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

/// <summary>
/// Our sessions against libsrtp 2 with master keys (so the key derivation, including RFC 7714's
/// 12-byte salt, is covered too), in both directions, for RTP and RTCP. Skipped where the
/// libsrtp2-1 package is not installed.
/// </summary>
public class LibsrtpInteropTests
{
    public static TheoryData<SrtpProfile> Profiles => SrtpSessionTests.Profiles;

    private static (byte[] Key, byte[] Salt) MasterKey(SrtpProfile profile, int seed)
    {
        var random = new Random(seed);
        var key = new byte[16];
        var salt = new byte[SrtpSession.MasterSaltLength(profile)];
        random.NextBytes(key);
        random.NextBytes(salt);
        return (key, salt);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void LibsrtpReadsWhatWeProtect(SrtpProfile profile)
    {
        Assert.SkipUnless(Libsrtp.IsAvailable, "libsrtp2-1 is not installed");
        (byte[] key, byte[] salt) = MasterKey(profile, 1);
        using SrtpSession ours = SrtpSession.Create(profile, key, salt);
        using Libsrtp theirs = Libsrtp.Create(profile, key, salt, outbound: false);
        var random = new Random(2);
        var buffer = new byte[1600];

        foreach (ushort seq in Sequence(65000, 1200))
        {
            var payload = new byte[random.Next(1, 1200)];
            random.NextBytes(payload);
            int length = RtpWriter.Write(buffer, 111, false, seq, seq * 960u, 0x5eed, 1, 33, true, payload);
            byte[] plain = buffer[..length];
            Assert.True(ours.TryProtectRtp(buffer, length, out int protectedLength));
            Assert.Equal(length, theirs.Unprotect(buffer, protectedLength, rtcp: false));
            Assert.Equal(plain, buffer[..length]);

            if (seq % 50 == 0)
            {
                int rtcpLength = ReceiverReport(buffer, random);
                byte[] plainRtcp = buffer[..rtcpLength];
                Assert.True(ours.TryProtectRtcp(buffer, rtcpLength, out int protectedRtcp));
                Assert.Equal(rtcpLength, theirs.Unprotect(buffer, protectedRtcp, rtcp: true));
                Assert.Equal(plainRtcp, buffer[..rtcpLength]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void WeReadWhatLibsrtpProtects(SrtpProfile profile)
    {
        Assert.SkipUnless(Libsrtp.IsAvailable, "libsrtp2-1 is not installed");
        (byte[] key, byte[] salt) = MasterKey(profile, 3);
        using Libsrtp theirs = Libsrtp.Create(profile, key, salt, outbound: true);
        using SrtpSession ours = SrtpSession.Create(profile, key, salt);
        var random = new Random(4);
        var buffer = new byte[1600];

        foreach (ushort seq in Sequence(65400, 1200))
        {
            var payload = new byte[random.Next(1, 1200)];
            random.NextBytes(payload);
            int length = RtpWriter.Write(buffer, 111, seq % 7 == 0, seq, seq * 960u, 0xfeed, 3, 90, false, payload);
            byte[] plain = buffer[..length];
            int protectedLength = theirs.Protect(buffer, length, rtcp: false);
            Assert.True(protectedLength > length, $"libsrtp protect failed: {protectedLength}");
            Assert.Equal(SrtpError.None, ours.UnprotectRtp(buffer, protectedLength, out int plainLength));
            Assert.Equal(plain, buffer[..plainLength]);

            if (seq % 50 == 0)
            {
                int rtcpLength = ReceiverReport(buffer, random);
                byte[] plainRtcp = buffer[..rtcpLength];
                int protectedRtcp = theirs.Protect(buffer, rtcpLength, rtcp: true);
                Assert.True(protectedRtcp > rtcpLength, $"libsrtp RTCP protect failed: {protectedRtcp}");
                Assert.Equal(SrtpError.None, ours.UnprotectRtcp(buffer, protectedRtcp, out int plainRtcpLength));
                Assert.Equal(plainRtcp, buffer[..plainRtcpLength]);
            }
        }
    }

    /// <summary>Consecutive sequence numbers from <paramref name="start"/>, across the wrap.</summary>
    private static IEnumerable<ushort> Sequence(int start, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return (ushort)(start + i);
        }
    }

    private static int ReceiverReport(byte[] buffer, Random random)
    {
        buffer[0] = 0x81;
        buffer[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(2), 7);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(4), 0xfeed);
        random.NextBytes(buffer.AsSpan(8, 24));
        return 32;
    }
}
