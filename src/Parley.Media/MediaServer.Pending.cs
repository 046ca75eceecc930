using Parley.Media.Ice;
using Parley.Media.Transport;

namespace Parley.Media;

// TEMPORARY: replaced when Dtls/Sdp/Rtcp land from the helpers' branches.
#pragma warning disable CA1822, IDE0060
public sealed partial class MediaServer
{
    private object? _certificate;

    private static object CreateCertificate() => new();

    private (string Answer, MediaPeer Peer) Negotiate(string roomId, string peerId, string offerSdp, IceCredentials local, uint[] slotSsrcs) =>
        throw new NotImplementedException();

    private void StartHandshakeLocked(MediaPeer peer) { }

    private void HandleDtls(MediaPeer peer, ReadOnlySpan<byte> datagram) => _metrics.Drop(DropReason.DtlsUnexpected);

    private void HandleRtcp(MediaPeer peer, Span<byte> datagram) { }

    private void SendReportsLocked(long now) { }
}
