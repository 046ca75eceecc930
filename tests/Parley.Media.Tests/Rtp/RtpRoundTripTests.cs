using Parley.Media.Rtp;

namespace Parley.Media.Tests.Rtp;

public class RtpRoundTripTests
{
    [Fact]
    public void RandomFieldsSurviveWriteAndParse()
    {
        var random = new Random(3550);
        var buffer = new byte[1500];
        for (int i = 0; i < 5000; i++)
        {
            byte payloadType = (byte)random.Next(0, 128);
            bool marker = random.Next(2) == 1;
            var seq = (ushort)random.Next(0, 65536);
            var timestamp = (uint)random.NextInt64(0, uint.MaxValue + 1L);
            var ssrc = (uint)random.NextInt64(0, uint.MaxValue + 1L);
            int extensionId = random.Next(0, 256);
            var level = (byte)random.Next(0, 128);
            bool voice = random.Next(2) == 1;
            var payload = new byte[random.Next(0, 1200)];
            random.NextBytes(payload);

            int length = RtpWriter.Write(buffer, payloadType, marker, seq, timestamp, ssrc, extensionId, level, voice, payload);
            Assert.True(RtpHeader.TryParse(buffer.AsSpan(0, length), out RtpHeader header));

            Assert.Equal((payloadType, marker, seq, timestamp, ssrc), (header.PayloadType, header.Marker, header.SequenceNumber, header.Timestamp, header.Ssrc));
            Assert.Equal(payload, buffer.AsSpan(header.PayloadOffset, header.PayloadLength).ToArray());
            Assert.Equal(extensionId != 0, RtpExtensions.TryGetAudioLevel(buffer.AsSpan(0, length), header, extensionId, out byte readLevel, out bool readVoice));
            if (extensionId != 0)
            {
                Assert.Equal((level, voice), (readLevel, readVoice));
            }
        }
    }
}
