using System.Net;
using Parley.Media.Routing;
using Parley.Media.Srtp;
using Parley.Media.Transport;

namespace Parley.Media.Benchmarks;

/// <summary>Protects each copy with the listener's SRTP context (the router's tag) and queues it for one loopback destination.</summary>
internal sealed class SendingSink(SendBatch batch, SocketAddress destination) : ForwardingSink
{
    public override Span<byte> Reserve() => batch.Reserve();

    public override void Commit(RouterPeer subscriber, int slot, int length)
    {
        var buffer = batch.Reserve();
        ((SrtpSession)subscriber.Tag!).TryProtectRtp(buffer, length, out var protectedLength);
        batch.Commit(destination, protectedLength);
    }

    public override void Complete() => batch.Flush();
}
