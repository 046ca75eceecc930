using System.Buffers.Binary;
using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

public class SrtcpSessionTests
{
    public static TheoryData<SrtpProfile> Profiles => SrtpSessionTests.Profiles;

    private static readonly byte[] MasterKey = Hex.Bytes("e1f97a0d3e018be0d64fa32c06de4139");

    private static SrtpSession Session(SrtpProfile profile) =>
        SrtpSession.Create(profile, MasterKey, Hex.Bytes("0ec675ad498afeebb6960b3aabe6").AsSpan(0, SrtpSession.MasterSaltLength(profile)));

    private static byte[] ReceiverReport(uint ssrc, byte fill)
    {
        var packet = new byte[32];
        packet[0] = 0x81;
        packet[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 7);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);
        Array.Fill(packet, fill, 8, 24);
        return packet;
    }

    private static byte[] Protect(SrtpSession sender, byte[] plain)
    {
        var buffer = new byte[plain.Length + SrtpSession.MaxOverhead(sender.Profile)];
        plain.CopyTo(buffer, 0);
        Assert.True(sender.TryProtectRtcp(buffer, plain.Length, out int length));
        return buffer[..length];
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RtcpSurvivesARoundTripAndTheIndexCountsUpFromZero(SrtpProfile profile)
    {
        using SrtpSession sender = Session(profile);
        using SrtpSession receiver = Session(profile);
        for (byte i = 0; i < 20; i++)
        {
            byte[] plain = ReceiverReport(0xABCD, i);
            byte[] protectedPacket = Protect(sender, plain);
            Assert.Equal(plain.Length + SrtpSession.RtcpOverhead(profile), protectedPacket.Length);
            Assert.Equal(0x8000_0000u | i, SrtpSessionTests.ReadSrtcpIndex(protectedPacket, profile));
            Assert.NotEqual(plain[8..], protectedPacket[8..plain.Length]);

            Assert.Equal(SrtpError.None, receiver.UnprotectRtcp(protectedPacket, protectedPacket.Length, out int length));
            Assert.Equal(plain, protectedPacket[..length]);
        }
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void SrtcpReplaysAndForgeriesAreRejected(SrtpProfile profile)
    {
        using SrtpSession sender = Session(profile);
        using SrtpSession receiver = Session(profile);
        byte[] first = Protect(sender, ReceiverReport(1, 0x11));
        byte[] second = Protect(sender, ReceiverReport(1, 0x22));

        Assert.Equal(SrtpError.None, receiver.UnprotectRtcp(second.ToArray(), second.Length, out _));
        Assert.Equal(SrtpError.None, receiver.UnprotectRtcp(first.ToArray(), first.Length, out _));
        Assert.Equal(SrtpError.Replayed, receiver.UnprotectRtcp(first.ToArray(), first.Length, out _));

        byte[] third = Protect(sender, ReceiverReport(1, 0x33));
        foreach (int position in new[] { 1, 5, 12, third.Length - 3, third.Length - 1 })
        {
            byte[] forged = third.ToArray();
            forged[position] ^= 0x04;
            Assert.NotEqual(SrtpError.None, receiver.UnprotectRtcp(forged, forged.Length, out _));
        }

        Assert.Equal(SrtpError.None, receiver.UnprotectRtcp(third.ToArray(), third.Length, out _));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void RtcpProtectRefusesNonRtcpAndShortBuffers(SrtpProfile profile)
    {
        using SrtpSession sender = Session(profile);
        byte[] plain = ReceiverReport(1, 0);
        var tight = new byte[plain.Length + SrtpSession.RtcpOverhead(profile) - 1];
        plain.CopyTo(tight, 0);
        Assert.False(sender.TryProtectRtcp(tight, plain.Length, out _));
        Assert.False(sender.TryProtectRtcp(new byte[64], 7, out _));
        var wrongVersion = new byte[64];
        Assert.False(sender.TryProtectRtcp(wrongVersion, 32, out _));
    }
}
