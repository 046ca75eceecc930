using Parley.Media.Rtcp;
using Parley.Media.Rtp;
using Parley.Media.Srtp;

namespace Parley.Media.Tests.Srtp;

/// <summary>The per-packet paths allocate nothing once an SSRC is known (counted, not timed).</summary>
public class SrtpAllocationTests
{
    [Theory]
    [MemberData(nameof(SrtpSessionTests.Profiles), MemberType = typeof(SrtpSessionTests))]
    public void ProtectAndUnprotectAllocateNothingPerPacket(SrtpProfile profile)
    {
        byte[] key = new byte[16];
        byte[] salt = new byte[SrtpSession.MasterSaltLength(profile)];
        using SrtpSession sender = SrtpSession.Create(profile, key, salt);
        using SrtpSession receiver = SrtpSession.Create(profile, key, salt);
        var buffer = new byte[1500];
        var rtcp = new byte[200];
        var payload = new byte[100];
        var statistics = new ReceiveStatistics(1);

        void OnePacket(ushort seq)
        {
            int length = RtpWriter.Write(buffer, 111, false, seq, seq * 960u, 1, 1, 30, true, payload);
            sender.TryProtectRtp(buffer, length, out int protectedLength);
            receiver.UnprotectRtp(buffer, protectedLength, out int plainLength);
            Assert.True(RtpHeader.TryParse(buffer.AsSpan(0, plainLength), out RtpHeader header));
            RtpExtensions.TryGetAudioLevel(buffer, header, 1, out _, out _);
            statistics.Update(header.SequenceNumber, header.Timestamp, header.Timestamp);

            var writer = new RtcpCompoundWriter(rtcp);
            writer.TryAddReceiverReport(2, [statistics.CreateReportBlock(TimeSpan.Zero)]);
            writer.TryAddSdesCname(2, "cname");
            int rtcpLength = writer.Length;
            sender.TryProtectRtcp(rtcp, rtcpLength, out int protectedRtcp);
            receiver.UnprotectRtcp(rtcp, protectedRtcp, out int plainRtcp);
            var reader = new RtcpCompoundReader(rtcp.AsSpan(0, plainRtcp));
            while (reader.TryReadNext(out RtcpPacket packet))
            {
                packet.TryGetReportBlock(0, out _);
            }

            buffer[30] ^= 1; // and a forgery
            receiver.UnprotectRtp(buffer, protectedLength, out _);
        }

        for (ushort seq = 0; seq < 200; seq++)
        {
            OnePacket(seq);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (ushort seq = 200; seq < 2200; seq++)
        {
            OnePacket(seq);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(2200, statistics.Received);
    }
}
