namespace Parley.Media.Routing;

/// <summary>
/// Splits one packet's fan-out over several threads, one shard of subscribers and one sink
/// (its own sendmmsg batch) per thread. One speaker heard by thousands is one inbound stream,
/// so more receive loops (SO_REUSEPORT) would not spread it; the copies are what cost, so they
/// are what gets split. The calling thread forwards the first shard itself and waits for the
/// rest, which keeps the router's single-owner rule: nobody else touches it meanwhile, and each
/// subscriber's slot and SRTP state is written by exactly one thread per packet.
/// </summary>
/// <remarks>
/// Allocates nothing per packet: the job lives in fields, the payload is copied once into a
/// buffer the workers share, and the threads wait on semaphores.
/// </remarks>
public sealed class FanoutWorkers : IDisposable
{
    private readonly ForwardingSink[] _sinks;
    private readonly int _minimumPerShard;
    private readonly Worker[] _workers;
    private readonly byte[] _payload = new byte[RoomRouter.MaxPacketSize];
    private readonly ManualResetEventSlim _done = new(false, spinCount: 200);
    private int _pending;
    private int _forwarded;
    private volatile bool _stopping;

    // The job of the packet in flight, written by the owner before it releases the workers.
    private RoomRouter? _router;
    private RouterPeer? _from;
    private ushort _sequenceNumber;
    private uint _rtpTimestamp;
    private bool _marker;
    private int _audioLevel;
    private int _payloadLength;
    private long _now;

    /// <param name="sinks">One sink per thread; the first is the calling thread's.</param>
    /// <param name="minimumPerShard">Rooms smaller than twice this stay on the calling thread: waking a thread costs more than a few hundred copies save.</param>
    public FanoutWorkers(IReadOnlyList<ForwardingSink> sinks, int minimumPerShard = 256)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentOutOfRangeException.ThrowIfLessThan(sinks.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumPerShard, 1);
        _sinks = [.. sinks];
        _minimumPerShard = minimumPerShard;
        _workers = new Worker[_sinks.Length - 1];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Worker(this, i + 1);
        }
    }

    /// <summary>The calling thread's sink.</summary>
    public ForwardingSink PrimarySink => _sinks[0];

    /// <summary>Threads a fan-out can use, the caller included.</summary>
    public int Threads => _sinks.Length;

    /// <summary>Fan-outs that were split over more than one thread, since creation.</summary>
    public long SplitFanouts { get; private set; }

    /// <summary>How many shards a room of <paramref name="subscribers"/> is split into.</summary>
    public int ShardsFor(int subscribers) => Math.Clamp(subscribers / _minimumPerShard, 1, _sinks.Length);

    internal int Run(RoomRouter router, RouterPeer from, in InboundRtp rtp, long now, int count)
    {
        var shards = ShardsFor(count);
        _router = router;
        _from = from;
        _sequenceNumber = rtp.SequenceNumber;
        _rtpTimestamp = rtp.RtpTimestamp;
        _marker = rtp.Marker;
        _audioLevel = rtp.AudioLevel;
        _payloadLength = rtp.Payload.Length;
        rtp.Payload.CopyTo(_payload);
        _now = now;
        _forwarded = 0;
        _pending = shards - 1;
        _done.Reset();
        for (var shard = 1; shard < shards; shard++)
        {
            _workers[shard - 1].Start(Start(shard, shards, count), Start(shard + 1, shards, count));
        }

        int forwarded;
        try
        {
            // Shard 0 on this thread, sent before waiting so its listeners are not held up.
            forwarded = router.ForwardRange(from, rtp, _sinks[0], now, 0, Start(1, shards, count));
            _sinks[0].Complete();
        }
        finally
        {
            // Even when shard 0 throws, the workers must be done before the caller lets go of
            // the router (its gate), or they would race the next owner.
            _done.Wait();
            SplitFanouts++;
        }
        return forwarded + Volatile.Read(ref _forwarded);
    }

    private static int Start(int shard, int shards, int count) => (int)((long)count * shard / shards);

    private void RunShard(int index, int start, int end)
    {
        var forwarded = 0;
        try
        {
            var rtp = new InboundRtp(_sequenceNumber, _rtpTimestamp, _marker, _audioLevel, _payload.AsSpan(0, _payloadLength));
            forwarded = _router!.ForwardRange(_from!, rtp, _sinks[index], _now, start, end);
        }
#pragma warning disable CA1031 // a worker must always report back, or the owner waits forever
        catch (Exception)
#pragma warning restore CA1031
        {
            // Copies already queued in this shard are kept; the rest of the shard misses one packet.
        }
        finally
        {
            CompleteQuietly(_sinks[index]); // what was queued goes now, not with the next packet
            Interlocked.Add(ref _forwarded, forwarded);
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _done.Set();
            }
        }
    }

    private static void CompleteQuietly(ForwardingSink sink)
    {
        try
        {
            sink.Complete();
        }
#pragma warning disable CA1031 // as above: the owner is waiting
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }
        _done.Dispose();
    }

    private sealed class Worker : IDisposable
    {
        private readonly FanoutWorkers _owner;
        private readonly int _index;
        private readonly SemaphoreSlim _go = new(0);
        private readonly Thread _thread;
        private int _start;
        private int _end;

        public Worker(FanoutWorkers owner, int index)
        {
            _owner = owner;
            _index = index;
            _thread = new Thread(Loop) { IsBackground = true, Name = $"Parley.Media fan-out {index}" };
            _thread.Start();
        }

        public void Start(int start, int end)
        {
            _start = start;
            _end = end;
            _go.Release(); // a full fence: the job's fields are visible to the worker
        }

        public void Dispose()
        {
            _go.Release();
            if (_thread.Join(TimeSpan.FromSeconds(1)))
            {
                _go.Dispose();
            }
        }

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                if (_owner._stopping)
                {
                    return;
                }
                _owner.RunShard(_index, _start, _end);
            }
        }
    }
}
