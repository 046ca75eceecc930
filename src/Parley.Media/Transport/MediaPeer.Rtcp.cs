using Parley.Media.Rtcp;
using Parley.Media.Rtp;

namespace Parley.Media.Transport;

/// <summary>Reception statistics of what this peer publishes (RFC 3550 A.1, A.3, A.8).</summary>
internal sealed partial class MediaPeer
{
    public ReceiveStatistics? InboundStatistics { get; private set; }

    public long NextReportTicks { get; set; }

    public void ObserveInbound(in RtpHeader header, long nowTicks, long frequency)
    {
        var statistics = InboundStatistics;
        if (statistics is null || statistics.Ssrc != header.Ssrc)
        {
            statistics = new ReceiveStatistics(header.Ssrc); // a new source: once, not per packet
            InboundStatistics = statistics;
        }
        // Arrival time in the 48 kHz RTP clock, any origin (RFC 3550 A.8).
        var arrival = (uint)(nowTicks * 48_000 / frequency);
        statistics.Update(header.SequenceNumber, header.Timestamp, arrival);
    }

    public (long Lost, double Jitter) InboundLossAndJitter()
    {
        var statistics = InboundStatistics;
        return statistics is null ? (0, 0) : (Math.Max(0, statistics.CumulativeLost), statistics.Jitter / 48_000.0);
    }
}
