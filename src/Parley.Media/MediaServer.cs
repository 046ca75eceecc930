using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Parley.Media.Routing;
using Parley.Media.Transport;

namespace Parley.Media;

/// <summary>
/// The SFU: one UDP socket, ICE-lite + DTLS-SRTP per peer, and a router per room forwarding the
/// K loudest allowed speakers to everyone else.
/// </summary>
/// <remarks>
/// Threading: one receive loop handles every datagram under <see cref="_gate"/>; control calls
/// (create, close, publish rights, stats, the housekeeping timer) take the same gate, so router
/// state has a single owner at any time and the per-packet fan-out takes no lock of its own.
/// DTLS handshakes block, so each runs on its own thread and is fed by the loop.
/// </remarks>
public sealed partial class MediaServer : IAsyncDisposable
{
    private const int ReceiveBufferSize = 2048;
    private const int SendBatchCapacity = 256;

    private readonly MediaServerOptions _options;
    private readonly TimeProvider _time;
    private readonly MediaMetrics _metrics;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MediaPeer> _peersById = new(StringComparer.Ordinal);
    private readonly Dictionary<SocketAddress, MediaPeer> _peersByAddress = [];
    private readonly Dictionary<string, MediaPeer> _peersByUfrag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoomRouter> _rooms = new(StringComparer.Ordinal);
    private readonly byte[] _receiveBuffer = GC.AllocateArray<byte>(ReceiveBufferSize, pinned: true);
    private readonly byte[] _responseBuffer = new byte[ReceiveBufferSize];
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private SendBatch? _batch;
    private SrtpForwardingSink[] _sinks = [];
    private FanoutWorkers? _fanout;
    private Task? _receiveLoop;
    private ITimer? _housekeeping;

    public MediaServer(MediaServerOptions options, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SlotsPerSubscriber, 1);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = new MediaMetrics(meterFactory);
        _ufragLookup = _peersByUfrag.GetAlternateLookup<ReadOnlySpan<char>>();
        _events = System.Threading.Channels.Channel.CreateUnbounded<EventArgs>(new() { SingleReader = true });
    }

    /// <summary>The System.Diagnostics.Metrics meter of the SFU, for the host's exporter.</summary>
    public const string MeterName = MediaMetrics.MeterName;

    public MediaServerOptions Options => _options;

    /// <summary>The bound UDP endpoint (with the real port when <see cref="MediaServerOptions.Port"/> was 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_socket?.LocalEndPoint ?? throw new InvalidOperationException("The media server is not started.");

    /// <summary>True when fan-outs go out with sendmmsg (Linux) rather than one sendto each.</summary>
    public bool UsesSendMmsg => _batch?.UsesSendMmsg ?? false;

    /// <summary>How many datagrams were dropped for <paramref name="reason"/> since start.</summary>
    public long GetDropCount(DropReason reason) => _metrics.DropCount(reason);

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_socket is not null)
        {
            throw new InvalidOperationException("The media server is already started.");
        }
        var socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (_options.BindAddress.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }
            socket.ReceiveBufferSize = _options.SocketBufferBytes;
            socket.SendBufferSize = _options.SocketBufferBytes;
            socket.Bind(new IPEndPoint(_options.BindAddress, _options.Port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _socket = socket;
        var fanoutThreads = _options.FanoutThreads > 0 ? _options.FanoutThreads : Environment.ProcessorCount;
        _sinks = new SrtpForwardingSink[Math.Max(1, fanoutThreads)];
        for (var i = 0; i < _sinks.Length; i++)
        {
            _sinks[i] = new SrtpForwardingSink(new SendBatch(socket, SendBatchCapacity, _options.UseSendMmsg), _metrics);
        }
        _batch = _sinks[0].Batch;
        _fanout = new FanoutWorkers(_sinks, _options.FanoutMinimumPerThread);
        _certificate = CreateCertificate();
        if (_options.ReceiveOnDedicatedThread)
        {
            var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                ReceiveLoopBlocking();
                completion.TrySetResult();
            })
            {
                IsBackground = true,
                Name = "Parley.Media receive",
            };
            thread.Start();
            _receiveLoop = completion.Task;
        }
        else
        {
            _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        }
        _eventLoop = Task.Run(DispatchEventsAsync, CancellationToken.None);
        var period = Min(TimeSpan.FromSeconds(1), _options.ConsentTimeout / 4, _options.HandshakeTimeout / 4);
        _housekeeping = _time.CreateTimer(static s => ((MediaServer)s!).Housekeeping(), this, period, period);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }
        await _stopping.CancelAsync();
        if (_housekeeping is not null)
        {
            await _housekeeping.DisposeAsync();
        }
        _socket?.Dispose();
        if (_receiveLoop is not null)
        {
            await _receiveLoop;
        }
        lock (_gate)
        {
            foreach (var peer in _peersById.Values.ToArray())
            {
                ClosePeerLocked(peer, PeerCloseReason.ServerStopped);
            }
        }
        _events.Writer.TryComplete();
        if (_eventLoop is not null)
        {
            await _eventLoop;
        }
        _fanout?.Dispose();
        foreach (var sink in _sinks)
        {
            sink.Batch.Dispose();
        }
        _metrics.Dispose();
        _stopping.Dispose();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b, TimeSpan c) =>
        TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 10, Math.Min(a.Ticks, Math.Min(b.Ticks, c.Ticks))));

    private RoomRouter RoomLocked(string roomId)
    {
        if (!_rooms.TryGetValue(roomId, out var router))
        {
            router = new RoomRouter(roomId, new RouterOptions { SlotsPerSubscriber = _options.SlotsPerSubscriber }, _time);
            router.ActiveSpeakersChanged += OnActiveSpeakersChanged;
            _rooms.Add(roomId, router);
        }
        return router;
    }

    private void OnActiveSpeakersChanged(RoomRouter router, string[] ids) =>
        _events.Writer.TryWrite(new ActiveSpeakersChangedEventArgs(router.RoomId, ids));
}
