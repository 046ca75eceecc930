using Parley.Media.Transport;

namespace Parley.Media;

// TEMPORARY: replaced when Dtls/Sdp/Rtcp land from the helpers' branches.
#pragma warning disable CA1822, IDE0060
public sealed partial class MediaServer
{
    private void HandleRtcp(MediaPeer peer, Span<byte> datagram) { }

    private void SendReportsLocked(long now) { }
}
