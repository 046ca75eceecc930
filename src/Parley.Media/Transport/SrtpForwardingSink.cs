using Parley.Media.Routing;

namespace Parley.Media.Transport;

/// <summary>
/// The router's sink on a real socket: protects each rewritten packet with the listener's
/// outbound SRTP context in place, in the send batch's pinned buffer, and queues it.
/// </summary>
internal sealed class SrtpForwardingSink(SendBatch batch, MediaMetrics metrics) : ForwardingSink
{
    public SendBatch Batch => batch;

    public long PacketsQueued { get; private set; }

    public long BytesQueued { get; private set; }

    public override Span<byte> Reserve() => batch.Reserve();

    public override void Commit(RouterPeer subscriber, int slot, int length)
    {
        var peer = (MediaPeer)subscriber.Tag!;
        var outbound = peer.Outbound;
        var address = peer.Address;
        if (outbound is null || address is null)
        {
            return;
        }
        var buffer = batch.Reserve();
        if (!outbound.TryProtectRtp(buffer, length, out var protectedLength))
        {
            metrics.Drop(DropReason.SendFailed);
            return;
        }
        peer.PacketsOut++;
        peer.BytesOut += protectedLength;
        PacketsQueued++;
        BytesQueued += protectedLength;
        batch.Commit(address, protectedLength);
    }

    public override void Complete() => batch.Flush();
}
