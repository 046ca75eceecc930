using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Parley.Media.Buffers;
using Parley.Media.Routing;
using Parley.Media.Srtp;
using Parley.Media.Transport;

namespace Parley.Media.Benchmarks;

/// <summary>
/// The router's per-packet fan-out without sockets: one publisher packet rewritten into a slot of
/// every listener and SRTP-protected with each listener's own context, into preallocated buffers.
/// The figure per forwarded packet is the reported mean divided by <see cref="Subscribers"/>.
/// </summary>
[MemoryDiagnoser]
public class RouterBenchmarks
{
    private RoomRouter _router = null!;
    private RouterPeer _speaker = null!;
    private ProtectingSink _sink = null!;
    private readonly byte[] _payload = new byte[80]; // ~32 kbit/s Opus, 20 ms
    private ushort _sequence;
    private uint _timestamp;

    [Params(1000)]
    public int Subscribers { get; set; }

    [Params(SrtpProfile.AeadAes128Gcm, SrtpProfile.AesCm128HmacSha1_80)]
    public SrtpProfile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_router, _speaker) = BenchRoom.Create(Subscribers, Profile);
        _sink = new ProtectingSink(Subscribers + 1);
        SetupSockets();
        Random.Shared.NextBytes(_payload);
        ForwardOnePacket(); // the slots take the speaker
    }

    [Benchmark(Baseline = true)]
    public int ForwardOnePacket()
    {
        _sequence++;
        _timestamp += 960;
        _sink.Reset();
        _router.Forward(_speaker, new InboundRtp(_sequence, _timestamp, false, 30, _payload), _sink, out var count);
        return count;
    }

    /// <summary>The same fan-out, then really sent: sendmmsg to a loopback socket nobody reads.</summary>
    [Benchmark]
    public int ForwardAndSendOnePacket()
    {
        _sequence++;
        _timestamp += 960;
        _router.Forward(_speaker, new InboundRtp(_sequence, _timestamp, false, 30, _payload), _sendingSink, out var count);
        _batch.Flush();
        return count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _batch.Dispose();
        _sender.Dispose();
        _receiver.Dispose();
    }

    private Socket _sender = null!;
    private Socket _receiver = null!;
    private SendBatch _batch = null!;
    private SendingSink _sendingSink = null!;

    private void SetupSockets()
    {
        _receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sender.SendBufferSize = 4 * 1024 * 1024;
        _batch = new SendBatch(_sender, 256, useSendMmsg: true);
        _sendingSink = new SendingSink(_batch, _receiver.LocalEndPoint!.Serialize());
    }

    private sealed class ProtectingSink(int capacity) : ForwardingSink
    {
        private readonly PinnedBufferSlab _buffers = new(capacity, RoomRouter.MaxPacketSize);
        private int _next;

        public void Reset() => _next = 0;

        public override Span<byte> Reserve() => _buffers[_next];

        public override void Commit(RouterPeer subscriber, int slot, int length)
        {
            var session = (SrtpSession)subscriber.Tag!;
            session.TryProtectRtp(_buffers[_next], length, out _);
            _next++;
        }
    }
}

/// <summary>
/// Sending one fan-out of <see cref="Packets"/> datagrams to 127.0.0.1: sendmmsg in batches
/// against one Socket.SendTo per packet (DESIGN.md §3 measured 2.3 against 2.9–3.5 µs).
/// </summary>
[MemoryDiagnoser]
public class RouterSendBenchmarks
{
    private Socket _sender = null!;
    private Socket _receiver = null!;
    private SendBatch _batch = null!;
    private SocketAddress _destination = null!;

    [Params(256)]
    public int Packets { get; set; }

    [Params(true, false)]
    public bool SendMmsg { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // never read: the kernel drops the excess
        _sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sender.SendBufferSize = 4 * 1024 * 1024;
        _destination = _receiver.LocalEndPoint!.Serialize();
        _batch = new SendBatch(_sender, Packets, SendMmsg);
    }

    [Benchmark]
    public int SendFanOut()
    {
        for (var i = 0; i < Packets - 1; i++)
        {
            _batch.Reserve()[0] = 0x80;
            _batch.Commit(_destination, 120);
        }
        _batch.Reserve()[0] = 0x80;
        _batch.Commit(_destination, 120); // the last one fills the batch and flushes
        return _batch.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _batch.Dispose();
        _sender.Dispose();
        _receiver.Dispose();
    }
}
