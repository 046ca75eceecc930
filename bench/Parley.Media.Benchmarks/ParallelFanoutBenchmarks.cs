using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Parley.Media.Routing;
using Parley.Media.Srtp;
using Parley.Media.Transport;

namespace Parley.Media.Benchmarks;

/// <summary>
/// Wall-clock time of one speaker packet's fan-out to <see cref="Subscribers"/> listeners,
/// rewritten, SRTP-protected and sent with sendmmsg, on 1 thread or split over
/// <see cref="Threads"/> (<see cref="FanoutWorkers"/>). That time is the added delay of the last
/// listener served, so it is what the p99 forwarding delay of a large room is made of.
/// </summary>
[MemoryDiagnoser]
public class ParallelFanoutBenchmarks
{
    private readonly byte[] _payload = new byte[80];
    private RoomRouter _router = null!;
    private RouterPeer _speaker = null!;
    private FanoutWorkers _workers = null!;
    private SendBatch[] _batches = [];
    private Socket _sender = null!;
    private Socket _receiver = null!;
    private ushort _sequence;
    private uint _timestamp;

    [Params(5000)]
    public int Subscribers { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_router, _speaker) = BenchRoom.Create(Subscribers, SrtpProfile.AeadAes128Gcm);
        _receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0)); // never read: the kernel drops the excess
        _sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sender.SendBufferSize = 8 * 1024 * 1024;
        var destination = _receiver.LocalEndPoint!.Serialize();
        _batches = [.. Enumerable.Range(0, Threads).Select(_ => new SendBatch(_sender, 256, useSendMmsg: true))];
        _workers = new FanoutWorkers([.. _batches.Select(b => (ForwardingSink)new SendingSink(b, destination))], minimumPerShard: 256);
        Random.Shared.NextBytes(_payload);
        ForwardOnePacket(); // the slots take the speaker
    }

    [Benchmark]
    public int ForwardOnePacket()
    {
        _sequence++;
        _timestamp += 960;
        _router.Forward(_speaker, new InboundRtp(_sequence, _timestamp, false, 30, _payload), _workers, out var count);
        _workers.PrimarySink.Complete();
        return count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _workers.Dispose();
        foreach (var batch in _batches)
        {
            batch.Dispose();
        }
        _sender.Dispose();
        _receiver.Dispose();
    }
}
