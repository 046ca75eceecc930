using Parley.Media.Rtcp;

namespace Parley.Client.Media;

/// <summary>RTCP receiver reports about our slots (RFC 3550 §6.4.2), so the SFU sees our loss, jitter and RTT.</summary>
public sealed partial class AudioPeer
{
    private readonly long _rtcpEpoch = TimeProvider.System.GetTimestamp();
    private readonly byte[] _rtcpBuffer = new byte[1500];

    private TimeSpan RtcpClock() => _options.TimeProvider.GetElapsedTime(_rtcpEpoch);

    private void OnRtcp(ReadOnlySpan<byte> compound)
    {
        var reader = new RtcpCompoundReader(compound);
        while (reader.TryReadNext(out var packet))
        {
            if (packet.Type == RtcpPacketType.SenderReport && packet.TryGetSenderInfo(out var info)
                && _slotsBySsrc.TryGetValue(packet.Ssrc, out var slot))
            {
                slot.OnSenderReport(info.NtpTimestamp, RtcpClock());
            }
        }
    }

    /// <summary>Called from the consent loop: one RR with a block per slot that received audio.</summary>
    private void SendReceiverReport()
    {
        var outbound = _outbound;
        if (outbound is null)
        {
            return;
        }
        var blocks = new List<RtcpReportBlock>(_slots.Length);
        foreach (var slot in _slots)
        {
            if (slot.TryCreateReportBlock(RtcpClock(), out var block))
            {
                blocks.Add(block);
            }
        }
        if (blocks.Count == 0)
        {
            return;
        }
        var length = 0;
        lock (_rtcpBuffer)
        {
            var writer = new RtcpCompoundWriter(_rtcpBuffer);
            writer.TryAddReceiverReport(Ssrc, blocks.ToArray());
            writer.TryAddSdesCname(Ssrc, "parley-client");
            length = writer.Length;
            // The publish loop protects RTP with the same context: SRTCP has its own index,
            // but the context is not thread-safe, so share its lock.
            lock (_outboundLock)
            {
                if (!outbound.TryProtectRtcp(_rtcpBuffer, length, out length))
                {
                    return;
                }
            }
            Send(_rtcpBuffer.AsSpan(0, length));
        }
    }
}
