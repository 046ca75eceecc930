using BenchmarkDotNet.Attributes;
using Parley.Media.Rtcp;
using Parley.Media.Rtp;

namespace Parley.Media.Benchmarks;

/// <summary>
/// The router's per-packet header work on a 120-byte Opus packet: parse, read the audio level,
/// rewrite SSRC, sequence number and timestamp in place; and a compound RTCP walk.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class RtpBenchmarks
{
    private readonly byte[] _packet = new byte[1500];
    private readonly byte[] _rtcp = new byte[200];
    private int _length;
    private int _rtcpLength;
    private ushort _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _length = RtpWriter.Write(_packet, 111, false, 1000, 960_000, 0x1234_5678, 1, 40, true, new byte[100]);
        var writer = new RtcpCompoundWriter(_rtcp);
        writer.TryAddReceiverReport(1, [new RtcpReportBlock(2, 3, 4, 5, 6, 7, 8)]);
        writer.TryAddSdesCname(1, "KGnv/Wz92T4HxpQS");
        _rtcpLength = writer.Length;
    }

    [Benchmark]
    public int ParseAndReadAudioLevel()
    {
        ReadOnlySpan<byte> packet = _packet.AsSpan(0, _length);
        if (!RtpHeader.TryParse(packet, out RtpHeader header))
        {
            return -1;
        }

        RtpExtensions.TryGetAudioLevel(packet, header, 1, out byte level, out bool voice);
        return level + (voice ? 1 : 0) + header.PayloadLength;
    }

    [Benchmark]
    public int ParseAudioLevelAndRewrite()
    {
        Span<byte> packet = _packet.AsSpan(0, _length);
        if (!RtpHeader.TryParse(packet, out RtpHeader header))
        {
            return -1;
        }

        RtpExtensions.TryGetAudioLevel(packet, header, 1, out byte level, out _);
        RtpHeader.WriteSsrc(packet, 0xABCD_0001);
        RtpHeader.WriteSequenceNumber(packet, _sequence++);
        RtpHeader.WriteTimestamp(packet, header.Timestamp + 960);
        return level;
    }

    [Benchmark]
    public int ReadCompoundRtcp()
    {
        var reader = new RtcpCompoundReader(_rtcp.AsSpan(0, _rtcpLength));
        int blocks = 0;
        while (reader.TryReadNext(out RtcpPacket packet))
        {
            if (packet.TryGetReportBlock(0, out RtcpReportBlock block))
            {
                blocks += (int)block.Jitter;
            }
        }

        return blocks;
    }
}
