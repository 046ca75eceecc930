using System.Net;

namespace Parley.Media;

/// <summary>Configuration of the SFU's single UDP port and its peers' life cycle.</summary>
public sealed record MediaServerOptions
{
    /// <summary>Address the UDP socket binds to (IPv6Any binds dual-stack).</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Any;

    /// <summary>UDP port; 0 picks an ephemeral port (tests).</summary>
    public int Port { get; init; }

    /// <summary>
    /// Addresses written into SDP host candidates. They may differ from the bound address (NAT,
    /// containers). Empty: the bound address, or 127.0.0.1 when bound to "any".
    /// </summary>
    public IReadOnlyList<IPAddress> AnnouncedAddresses { get; init; } = [];

    /// <summary>Receive slots per subscriber, and so the number of speakers forwarded at once.</summary>
    public int SlotsPerSubscriber { get; init; } = 3;

    /// <summary>
    /// Accept datagrams from loopback sources only. Tests use it because Chrome also gathers
    /// its non-loopback host address (DESIGN.md §4).
    /// </summary>
    public bool LoopbackOnly { get; init; }

    /// <summary>RFC 7675 §5.1: a peer with no valid STUN check for this long is closed.</summary>
    public TimeSpan ConsentTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>ICE and DTLS must complete within this time after the answer, or the peer is dropped.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Send fan-outs with sendmmsg on Linux (one syscall per batch) instead of one sendto per packet.</summary>
    public bool UseSendMmsg { get; init; } = true;

    /// <summary>
    /// Receive on a dedicated thread with blocking calls (true) or with
    /// <c>Socket.ReceiveFromAsync</c> on the thread pool (false). The dedicated thread measured
    /// cheaper per packet here, because pool workers spin between sporadic datagrams.
    /// </summary>
    public bool ReceiveOnDedicatedThread { get; init; } = true;

    /// <summary>
    /// Threads one packet's fan-out may use, the receive thread included; 0 means one per CPU
    /// this process may run on. A room is split only when each thread gets at least
    /// <see cref="FanoutMinimumPerThread"/> listeners.
    /// </summary>
    public int FanoutThreads { get; init; }

    /// <summary>Listeners per fan-out thread below which a room stays on the receive thread.</summary>
    public int FanoutMinimumPerThread { get; init; } = 256;

    /// <summary>Kernel socket buffer sizes; large, so a burst of fan-out is not dropped by the kernel.</summary>
    public int SocketBufferBytes { get; init; } = 4 * 1024 * 1024;
}
