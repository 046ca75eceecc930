using System.Buffers.Binary;
using Parley.Media.Rtp;
using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

public class SrtpSessionTests
{
    public static TheoryData<SrtpProfile> Profiles => new() { SrtpProfile.AesCm128HmacSha1_80, SrtpProfile.AeadAes128Gcm };

    private static readonly byte[] MasterKey = Hex.Bytes("e1f97a0d3e018be0d64fa32c06de4139");

    private static byte[] Salt(SrtpProfile profile) =>
        Hex.Bytes("0ec675ad498afeebb6960b3aabe6")[..SrtpSession.MasterSaltLength(profile)];

    private static (SrtpSession Sender, SrtpSession Receiver) Pair(SrtpProfile profile) =>
        (SrtpSession.Create(profile, MasterKey, Salt(profile)), SrtpSession.Create(profile, MasterKey, Salt(profile)));

    private static byte[] RtpPacket(ushort seq, uint ssrc = 0x11223344, int payloadLength = 100, byte fill = 0x5a)
    {
        var buffer = new byte[1500];
        var payload = new byte[payloadLength];
        Array.Fill(payload, fill);
        int length = RtpWriter.Write(buffer, 111, false, seq, seq * 960u, ssrc, 1, 30, true, payload);
        return buffer[..length];
    }

    private static byte[] Protect(SrtpSession sender, byte[] plain)
    {
        var buffer = new byte[plain.Length + SrtpSession.MaxOverhead(sender.Profile)];
        plain.CopyTo(buffer, 0);
        Assert.True(sender.TryProtectRtp(buffer, plain.Length, out int length));
        return buffer[..length];
    }

    private static SrtpError Unprotect(SrtpSession receiver, byte[] protectedPacket, out byte[] plain)
    {
        byte[] buffer = protectedPacket.ToArray();
        SrtpError error = receiver.UnprotectRtp(buffer, buffer.Length, out int length);
        plain = buffer[..length];
        return error;
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RandomPacketsSurviveARoundTrip(SrtpProfile profile)
    {
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        var random = new Random(7714);
        ushort seq = (ushort)random.Next();
        for (int i = 0; i < 500; i++)
        {
            byte[] plain = RtpPacket(seq++, (uint)random.Next(4), random.Next(0, 1200));
            random.NextBytes(plain.AsSpan(RtpWriter.HeaderLength(1)));

            byte[] protectedPacket = Protect(sender, plain);
            Assert.Equal(plain.Length + SrtpSession.RtpOverhead(profile), protectedPacket.Length);
            if (plain.Length > 40)
            {
                Assert.NotEqual(plain[20..40], protectedPacket[20..40]);
            }

            Assert.Equal(SrtpError.None, Unprotect(receiver, protectedPacket, out byte[] roundTripped));
            Assert.Equal(plain, roundTripped);
        }

        Assert.Equal(4, receiver.SsrcCount);
    }

    [Fact]
    public void TheFallbackCipherInteroperatesWithAesNi()
    {
        byte[] salt = Salt(SrtpProfile.AesCm128HmacSha1_80);
        using SrtpSession hardware = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, MasterKey, salt, useHardwareAes: true);
        using SrtpSession fallback = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, MasterKey, salt, useHardwareAes: false);
        for (ushort seq = 0; seq < 50; seq++)
        {
            byte[] plain = RtpPacket(seq, payloadLength: seq * 7);
            Assert.Equal(SrtpError.None, Unprotect(fallback, Protect(hardware, plain), out byte[] roundTripped));
            Assert.Equal(plain, roundTripped);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RolloverCounterFollowsASequenceWrapEarlyInTheStream(SrtpProfile profile)
    {
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        // ROC 0 → 1 at the early wrap, then 1 → 2 after two forward steps of less than 2^15.
        ushort[] sequence = [65530, 65533, 65531, 3, 65535, 4, 0, 30000, 62000, 10, 65500, 20];
        foreach (ushort seq in sequence)
        {
            Assert.Equal(SrtpError.None, Unprotect(receiver, Protect(sender, RtpPacket(seq)), out _));
        }
    }

    [Fact]
    public void SenderUsesRolloverCounterOneAfterTheWrap()
    {
        byte[] salt = Salt(SrtpProfile.AesCm128HmacSha1_80);
        using SrtpSession sender = SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, MasterKey, salt);
        Protect(sender, RtpPacket(65530));
        byte[] afterWrap = RtpPacket(3);

        Assert.Equal(SrtpOracle.ProtectRtp(MasterKey, salt, afterWrap, RtpWriter.HeaderLength(1), roc: 1), Protect(sender, afterWrap));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ReceiverAcceptsRolloverCounterOneAfterAnEarlyWrap(SrtpProfile profile)
    {
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        byte[] first = Protect(sender, RtpPacket(65530));
        byte[] second = Protect(sender, RtpPacket(3));

        Assert.Equal(SrtpError.None, Unprotect(receiver, first, out _));
        Assert.Equal(SrtpError.None, Unprotect(receiver, second, out _));
        // The wrapped packet advanced the window to index 65536 + 3: a replay of it is caught.
        Assert.Equal(SrtpError.Replayed, Unprotect(receiver, second, out _));
    }

    public static TheoryData<SrtpProfile, bool> ProfilesAndHardware => new()
    {
        { SrtpProfile.AesCm128HmacSha1_80, true },
        { SrtpProfile.AesCm128HmacSha1_80, false },
        { SrtpProfile.AeadAes128Gcm, true },
        { SrtpProfile.AeadAes128Gcm, false },
    };

    [Theory]
    [MemberData(nameof(ProfilesAndHardware))]
    public void AStreamWhoseFirstPacketsWereLostAcrossTheWrapIsStillAccepted(SrtpProfile profile, bool hardware)
    {
        using SrtpSession sender = SrtpSession.Create(profile, MasterKey, Salt(profile), hardware);
        using SrtpSession receiver = SrtpSession.Create(profile, MasterKey, Salt(profile), hardware);
        Protect(sender, RtpPacket(65534)); // lost
        Protect(sender, RtpPacket(65535)); // lost
        byte[] second = Protect(sender, RtpPacket(1)); // ROC 1
        byte[] first = Protect(sender, RtpPacket(0));  // ROC 1, arrives late

        Assert.Equal(SrtpError.None, Unprotect(receiver, second, out byte[] plain));
        Assert.Equal(RtpPacket(1), plain);
        Assert.Equal(SrtpError.None, Unprotect(receiver, first, out plain));
        Assert.Equal(RtpPacket(0), plain);
        Assert.Equal(SrtpError.Replayed, Unprotect(receiver, second, out _));
        Assert.Equal(SrtpError.None, Unprotect(receiver, Protect(sender, RtpPacket(2)), out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ARemovedSsrcFreesItsPlace(SrtpProfile profile)
    {
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        for (uint ssrc = 0; ssrc < SrtpSession.MaxSsrcs; ssrc++)
        {
            Assert.Equal(SrtpError.None, Unprotect(receiver, Protect(sender, RtpPacket(1, ssrc)), out _));
        }

        Assert.True(receiver.RemoveSsrc(3));
        Assert.False(receiver.RemoveSsrc(3));
        Assert.Equal(SrtpSession.MaxSsrcs - 1, receiver.SsrcCount);
        Assert.True(sender.RemoveSsrc(0));
        Assert.Equal(SrtpError.None, Unprotect(receiver, Protect(sender, RtpPacket(1, 100)), out _));
        Assert.Equal(SrtpError.None, Unprotect(receiver, Protect(sender, RtpPacket(2, 15)), out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void AFailedUnprotectLeavesTheBufferAsItWas(SrtpProfile profile)
    {
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        byte[] forged = Protect(sender, RtpPacket(9));
        forged[25] ^= 0xff;
        byte[] buffer = forged.ToArray();

        Assert.Equal(SrtpError.AuthenticationFailed, receiver.UnprotectRtp(buffer, buffer.Length, out _));
        Assert.Equal(forged, buffer);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void APacketFromBeforeTheFirstOneIsRefusedWhenItWouldNeedANegativeRolloverCounter(SrtpProfile profile)
    {
        // Two senders that both start at ROC 0: the receiver sees 3 first, so 65530 would need ROC -1.
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        (SrtpSession otherSender, _) = Pair(profile);
        byte[] first = Protect(sender, RtpPacket(3));
        byte[] late = Protect(otherSender, RtpPacket(65530));
        Assert.Equal(SrtpError.None, Unprotect(receiver, first, out _));

        Assert.Equal(SrtpError.Replayed, Unprotect(receiver, late, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ReplayedAndTooOldPacketsAreRejectedButLateOnesInTheWindowAccepted(SrtpProfile profile)
    {
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        var packets = new byte[200][];
        for (ushort seq = 0; seq < 200; seq++)
        {
            packets[seq] = Protect(sender, RtpPacket((ushort)(1000 + seq)));
        }

        Assert.Equal(SrtpError.None, Unprotect(receiver, packets[100], out _));
        Assert.Equal(SrtpError.Replayed, Unprotect(receiver, packets[100], out _));
        Assert.Equal(SrtpError.None, Unprotect(receiver, packets[150], out _));
        Assert.Equal(SrtpError.None, Unprotect(receiver, packets[100 + 1], out _)); // 49 behind: in the window
        Assert.Equal(SrtpError.Replayed, Unprotect(receiver, packets[100 + 1], out _));
        Assert.Equal(SrtpError.Replayed, Unprotect(receiver, packets[150 - 64], out _)); // 64 behind: too old
        Assert.Equal(SrtpError.None, Unprotect(receiver, packets[150 - 63], out _));
        Assert.Equal(SrtpError.None, Unprotect(receiver, packets[199], out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void AForgedPacketNeitherAuthenticatesNorMovesTheWindow(SrtpProfile profile)
    {
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        Assert.Equal(SrtpError.None, Unprotect(receiver, Protect(sender, RtpPacket(10)), out _));
        byte[] genuine = Protect(sender, RtpPacket(11));

        // (Not the low bit of the sequence number: 10 was received, so that forgery is a replay.)
        foreach (int position in new[] { 1, 2, 7, 9, 20, genuine.Length - 1 })
        {
            byte[] forged = genuine.ToArray();
            forged[position] ^= 0x01;
            Assert.Equal(SrtpError.AuthenticationFailed, Unprotect(receiver, forged, out _));
        }

        // A forged packet far ahead must not have advanced the window past the genuine one.
        byte[] ahead = Protect(sender, RtpPacket(5000));
        ahead[^1] ^= 0x80;
        Assert.Equal(SrtpError.AuthenticationFailed, Unprotect(receiver, ahead, out _));
        Assert.Equal(SrtpError.None, Unprotect(receiver, genuine, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ASessionWithOtherKeysRejectsEveryPacket(SrtpProfile profile)
    {
        using SrtpSession sender = SrtpSession.Create(profile, MasterKey, Salt(profile));
        byte[] otherKey = MasterKey.ToArray();
        otherKey[0] ^= 1;
        using SrtpSession receiver = SrtpSession.Create(profile, otherKey, Salt(profile));

        Assert.Equal(SrtpError.AuthenticationFailed, Unprotect(receiver, Protect(sender, RtpPacket(1)), out _));
        Assert.Equal(0, receiver.SsrcCount);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void MoreThanTheMaximumNumberOfSsrcsIsRefused(SrtpProfile profile)
    {
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        for (uint ssrc = 0; ssrc < SrtpSession.MaxSsrcs; ssrc++)
        {
            Assert.Equal(SrtpError.None, Unprotect(receiver, Protect(sender, RtpPacket(1, ssrc)), out _));
        }

        byte[] extra = RtpPacket(1, 0xFFFF);
        var buffer = new byte[extra.Length + 32];
        extra.CopyTo(buffer, 0);
        Assert.False(sender.TryProtectRtp(buffer, extra.Length, out _));

        (SrtpSession otherSender, _) = Pair(profile);
        Assert.Equal(SrtpError.TooManySsrcs, Unprotect(receiver, Protect(otherSender, extra), out _));
        Assert.Equal(SrtpError.None, Unprotect(receiver, Protect(sender, RtpPacket(2, 3)), out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ProtectRefusesABufferWithoutRoomForTheTag(SrtpProfile profile)
    {
        using SrtpSession sender = SrtpSession.Create(profile, MasterKey, Salt(profile));
        byte[] plain = RtpPacket(1);
        var buffer = new byte[plain.Length + SrtpSession.RtpOverhead(profile) - 1];
        plain.CopyTo(buffer, 0);

        Assert.False(sender.TryProtectRtp(buffer, plain.Length, out _));
        Assert.False(sender.TryProtectRtp(buffer, buffer.Length + 1, out _));
        Assert.False(sender.TryProtectRtp(new byte[64], 11, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TruncatedAndGarbageInputIsDroppedWithoutThrowing(SrtpProfile profile)
    {
        (SrtpSession sender, SrtpSession receiver) = Pair(profile);
        byte[] genuine = Protect(sender, RtpPacket(77));
        for (int length = 0; length < genuine.Length; length++)
        {
            byte[] buffer = genuine.ToArray();
            Assert.NotEqual(SrtpError.None, receiver.UnprotectRtp(buffer, length, out _));
            Assert.NotEqual(SrtpError.None, receiver.UnprotectRtcp(buffer, length, out _));
        }

        Assert.Equal(SrtpError.TooShort, receiver.UnprotectRtp(new byte[8], 8, out _));
        Assert.Equal(SrtpError.Malformed, receiver.UnprotectRtp(new byte[8], 9, out _));

        var random = new Random(3711);
        for (int i = 0; i < 2000; i++)
        {
            var garbage = new byte[random.Next(0, 300)];
            random.NextBytes(garbage);
            if (garbage.Length > 0 && random.Next(2) == 0)
            {
                garbage[0] = (byte)(0x80 | (garbage[0] & 0x3F));
            }

            Assert.NotEqual(SrtpError.None, receiver.UnprotectRtp(garbage.ToArray(), garbage.Length, out _));
            Assert.NotEqual(SrtpError.None, receiver.UnprotectRtcp(garbage.ToArray(), garbage.Length, out _));
        }

        Assert.Equal(SrtpError.None, Unprotect(receiver, genuine, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void ProtectNeverUsesOnePacketIndexTwice(SrtpProfile profile)
    {
        using SrtpSession sender = SrtpSession.Create(profile, MasterKey, Salt(profile));
        byte[] plain = RtpPacket(500);
        var buffer = new byte[plain.Length + 16];
        plain.CopyTo(buffer, 0);
        Assert.True(sender.TryProtectRtp(buffer, plain.Length, out _));
        plain.CopyTo(buffer, 0);

        Assert.False(sender.TryProtectRtp(buffer, plain.Length, out _));
        Assert.Equal(plain, buffer[..plain.Length]);
        Protect(sender, RtpPacket(498)); // late but never used: allowed
        Protect(sender, RtpPacket(700));
        plain = RtpPacket(600);
        plain.CopyTo(buffer, 0);
        Assert.False(sender.TryProtectRtp(buffer, plain.Length, out _)); // 100 behind: out of the window
    }

    [Fact]
    public void CreateRejectsKeysOfTheWrongLength()
    {
        Assert.Throws<ArgumentException>(() => SrtpSession.Create(SrtpProfile.AeadAes128Gcm, new byte[16], new byte[14]));
        Assert.Throws<ArgumentException>(() => SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, new byte[16], new byte[12]));
        Assert.Throws<ArgumentException>(() => SrtpSession.Create(SrtpProfile.AesCm128HmacSha1_80, new byte[32], new byte[14]));
    }

    [Fact]
    public void OverheadsAreTheTagAndTheSrtcpIndex()
    {
        Assert.Equal(10, SrtpSession.RtpOverhead(SrtpProfile.AesCm128HmacSha1_80));
        Assert.Equal(14, SrtpSession.RtcpOverhead(SrtpProfile.AesCm128HmacSha1_80));
        Assert.Equal(16, SrtpSession.RtpOverhead(SrtpProfile.AeadAes128Gcm));
        Assert.Equal(20, SrtpSession.MaxOverhead(SrtpProfile.AeadAes128Gcm));
    }

    internal static uint ReadSrtcpIndex(byte[] packet, SrtpProfile profile) =>
        BinaryPrimitives.ReadUInt32BigEndian(profile == SrtpProfile.AeadAes128Gcm ? packet.AsSpan(packet.Length - 4) : packet.AsSpan(packet.Length - 14));
}
