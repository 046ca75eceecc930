namespace Parley.Media.Routing;

/// <summary>
/// Where the router writes forwarded packets: the transport hands out a preallocated buffer,
/// the router writes the rewritten packet into it, and the transport protects and queues it
/// (sendmmsg batch). Abstract rather than an interface so the benchmark and tests can supply
/// their own without sockets.
/// </summary>
public abstract class ForwardingSink
{
    /// <summary>A buffer of at least <see cref="RoomRouter.MaxPacketSize"/> bytes for the next packet.</summary>
    public abstract Span<byte> Reserve();

    /// <summary>The buffer last reserved now holds a plain RTP packet of <paramref name="length"/> bytes for <paramref name="subscriber"/>.</summary>
    public abstract void Commit(RouterPeer subscriber, int slot, int length);

    /// <summary>The fan-out of one packet is done: send what is queued (a batching sink flushes here).</summary>
    public virtual void Complete()
    {
    }
}
