using System.Net;
using Parley.Media.Rtcp;
using Parley.Media.Srtp;
using Parley.Media.Transport;

namespace Parley.Media;

/// <summary>
/// RTCP: listeners' receiver reports feed per-peer stats (loss, jitter, RTT); we send a sender
/// report per slot we forward into, with a reception report about the peer's own audio, about
/// once a second (RFC 3550 §6.2 at our rates).
/// </summary>
public sealed partial class MediaServer
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(1);
    private readonly byte[] _rtcpBuffer = new byte[1500];
    private readonly RtcpReportBlock[] _reportBlocks = new RtcpReportBlock[1];
    private readonly long _epochTicks = TimeProvider.System.GetTimestamp();

    private void HandleRtcp(MediaPeer peer, Span<byte> datagram)
    {
        var inbound = peer.Inbound;
        if (inbound is null)
        {
            _metrics.Drop(DropReason.NotConnected);
            return;
        }
        var error = inbound.UnprotectRtcp(datagram, datagram.Length, out var plainLength);
        if (error != SrtpError.None)
        {
            DropSrtp(peer, error);
            return;
        }
        peer.PacketsIn++;
        peer.BytesIn += datagram.Length;
        var reader = new RtcpCompoundReader(datagram[..plainLength]);
        var now = _time.GetUtcNow();
        while (reader.TryReadNext(out var packet))
        {
            if (packet.Type == RtcpPacketType.SenderReport && packet.TryGetSenderInfo(out var info))
            {
                peer.InboundStatistics?.OnSenderReport(info.NtpTimestamp, ReportClock());
            }
            for (var i = 0; i < packet.ReportBlockCount; i++)
            {
                if (packet.TryGetReportBlock(i, out var block) && IsSlotOf(peer, block.Ssrc))
                {
                    peer.RemoteFractionLost = block.FractionLost / 256.0;
                    peer.RemoteJitterSeconds = block.Jitter / 48_000.0;
                    if (RoundTripTime.TryCompute(NtpTime.ToShort(now), block, out var rtt))
                    {
                        peer.RoundTripTime = rtt;
                    }
                }
            }
        }
        if (reader.IsMalformed)
        {
            _metrics.Drop(DropReason.RtcpMalformed);
        }
    }

    private static bool IsSlotOf(MediaPeer peer, uint ssrc)
    {
        foreach (var slot in peer.SlotSsrcs)
        {
            if (slot == ssrc)
            {
                return true;
            }
        }
        return false;
    }

    private TimeSpan ReportClock() => _time.GetElapsedTime(_epochTicks);

    private void SendReportsLocked(long nowTicks)
    {
        var ntp = NtpTime.FromDateTime(_time.GetUtcNow());
        var frequency = _time.TimestampFrequency;
        var blocks = _reportBlocks;
        foreach (var peer in _peersById.Values)
        {
            if (peer.State != PeerState.Connected || peer.Outbound is null || peer.Address is null || peer.Router is null
                || nowTicks < peer.NextReportTicks)
            {
                continue;
            }
            peer.NextReportTicks = nowTicks + (long)(ReportInterval.TotalSeconds * frequency);
            var blockCount = 0;
            if (peer.InboundStatistics is { HasReceived: true } statistics)
            {
                blocks[0] = statistics.CreateReportBlock(ReportClock());
                blockCount = 1;
            }
            var sentAny = false;
            for (var slot = 0; slot < peer.Router.SlotCount; slot++)
            {
                var (packets, octets, lastTimestamp, lastSentTicks, hasSent) = peer.Router.SlotCounters(slot);
                if (!hasSent && packets == 0)
                {
                    continue;
                }
                // RFC 3550 §6.4.1: the RTP timestamp of "now", extrapolated from the last packet sent.
                var rtpNow = (uint)(lastTimestamp + ((nowTicks - lastSentTicks) * 48_000 / frequency));
                var writer = new RtcpCompoundWriter(_rtcpBuffer);
                writer.TryAddSenderReport(peer.SlotSsrcs[slot], new RtcpSenderInfo(ntp, rtpNow, packets, octets), blocks.AsSpan(0, sentAny ? 0 : blockCount));
                writer.TryAddSdesCname(peer.SlotSsrcs[slot], "parley");
                SendRtcp(peer, writer.Length);
                sentAny = true;
            }
            if (!sentAny && blockCount > 0)
            {
                var writer = new RtcpCompoundWriter(_rtcpBuffer);
                writer.TryAddReceiverReport(peer.SlotSsrcs[0], blocks.AsSpan(0, blockCount));
                writer.TryAddSdesCname(peer.SlotSsrcs[0], "parley");
                SendRtcp(peer, writer.Length);
            }
        }
    }

    private void SendRtcp(MediaPeer peer, int length)
    {
        if (length > 0 && peer.Outbound!.TryProtectRtcp(_rtcpBuffer, length, out var protectedLength))
        {
            SendControl(_rtcpBuffer.AsSpan(0, protectedLength), peer.Address!);
        }
    }
}
