using Parley.Media.Rtp;

namespace Parley.Media.Transport;

// TEMPORARY
#pragma warning disable CA1822, IDE0060
internal sealed partial class MediaPeer
{
    public void ObserveInbound(in RtpHeader header, long nowTicks, long frequency) { }

    public (long Lost, double Jitter) InboundLossAndJitter() => (0, 0);
}
