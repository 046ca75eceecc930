using Parley.Media.Transport;
using System.Runtime.InteropServices;

namespace Parley.LoadGen;

/// <summary>What one receiver thread counted; read by the runner between windows.</summary>
internal sealed class ReceiverStats
{
    private readonly Lock _lock = new();
    private List<double> _delaysUs = new(1 << 16);

    public long Packets;
    public long SrtpFailures;
    public long Syscalls;

    public void AddDelay(double microseconds)
    {
        lock (_lock)
        {
            _delaysUs.Add(microseconds);
        }
    }

    /// <summary>Takes the delays recorded since the last call.</summary>
    public List<double> TakeDelays()
    {
        lock (_lock)
        {
            var taken = _delaysUs;
            _delaysUs = new List<double>(1 << 16);
            return taken;
        }
    }
}

/// <summary>
/// One thread draining many peer sockets: epoll_wait for ready sockets, then recvmmsg on each
/// (up to <see cref="Batch"/> datagrams per call) with the kernel's receive timestamps.
/// </summary>
internal sealed unsafe class Receiver : IDisposable
{
    private const int Batch = 16;
    private const int BufferSize = 1500;
    private const int ControlSize = 64;
    private const int MaxEvents = 1024;

    private readonly int _epoll;
    private readonly Thread _thread;
    private readonly Lock _peersLock = new();
    private readonly Dictionary<int, BenchPeer> _peers = [];
    private readonly byte* _buffers;
    private readonly byte* _controls;
    private readonly LibC.IoVec* _iov;
    private readonly LibC.MMsgHdr* _msgs;
    private readonly Native.EpollEvent* _events;
    private volatile bool _stopping;

    private readonly int _batchSleepMs;

    /// <param name="index">Thread name suffix.</param>
    /// <param name="batchSleepMs">
    /// Pause after every wake-up with work, so each socket holds more datagrams per recvmmsg. Delays and
    /// join times use the kernel's receive timestamps, so the pause does not inflate them.
    /// </param>
    public Receiver(int index, int batchSleepMs)
    {
        _batchSleepMs = batchSleepMs;
        _epoll = Native.EpollCreate1(0);
        if (_epoll < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed: {Marshal.GetLastPInvokeError()}");
        }
        _buffers = (byte*)NativeMemory.AllocZeroed(Batch * BufferSize);
        _controls = (byte*)NativeMemory.AllocZeroed(Batch * ControlSize);
        _iov = (LibC.IoVec*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(LibC.IoVec)));
        _msgs = (LibC.MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Batch * sizeof(LibC.MMsgHdr)));
        _events = (Native.EpollEvent*)NativeMemory.AllocZeroed((nuint)(MaxEvents * sizeof(Native.EpollEvent)));
        for (var i = 0; i < Batch; i++)
        {
            _iov[i].Base = _buffers + (i * BufferSize);
            _iov[i].Length = BufferSize;
            _msgs[i].Header.Iov = &_iov[i];
            _msgs[i].Header.IovLength = 1;
        }
        _thread = new Thread(Run) { IsBackground = true, Name = $"receiver-{index}" };
        _thread.Start();
    }

    public ReceiverStats Stats { get; } = new();

    public void Add(BenchPeer peer)
    {
        var fd = (int)peer.Socket.Handle;
        lock (_peersLock)
        {
            _peers[fd] = peer;
        }
        var ev = new Native.EpollEvent { Events = Native.EpollIn, Data = (ulong)fd };
        if (Native.EpollCtl(_epoll, Native.EpollCtlAdd, fd, &ev) != 0)
        {
            throw new InvalidOperationException($"epoll_ctl failed: {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Remove(BenchPeer peer)
    {
        var fd = (int)peer.Socket.Handle;
        _ = Native.EpollCtl(_epoll, Native.EpollCtlDel, fd, null);
        lock (_peersLock)
        {
            _peers.Remove(fd);
        }
    }

    private void Run()
    {
        while (!_stopping)
        {
            var ready = Native.EpollWait(_epoll, _events, MaxEvents, 100);
            for (var e = 0; e < ready; e++)
            {
                var fd = (int)_events[e].Data;
                BenchPeer? peer;
                lock (_peersLock)
                {
                    _peers.TryGetValue(fd, out peer);
                }
                if (peer is not null)
                {
                    Drain(fd, peer);
                }
            }
            if (ready > 0 && _batchSleepMs > 0)
            {
                Thread.Sleep(_batchSleepMs);
            }
        }
    }

    private void Drain(int fd, BenchPeer peer)
    {
        while (true)
        {
            for (var i = 0; i < Batch; i++)
            {
                _msgs[i].Header.Control = _controls + (i * ControlSize);
                _msgs[i].Header.ControlLength = ControlSize;
                _msgs[i].Length = 0;
            }
            var count = Native.RecvMmsg(fd, _msgs, Batch, Native.MsgDontWait, null);
            Stats.Syscalls++;
            if (count <= 0)
            {
                return;
            }
            for (var i = 0; i < count; i++)
            {
                var datagram = new Span<byte>(_buffers + (i * BufferSize), (int)_msgs[i].Length);
                try
                {
                    peer.OnDatagram(datagram, ReadTimestamp(ref _msgs[i].Header), Stats);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // A malformed datagram must not stop the receiver.
                }
            }
            if (count < Batch)
            {
                return;
            }
        }
    }

    private static long ReadTimestamp(ref LibC.MsgHdr header)
    {
        // struct cmsghdr { size_t len; int level; int type; } then struct timespec (RFC-free: Linux ABI).
        var control = (byte*)header.Control;
        var length = (long)header.ControlLength;
        long offset = 0;
        while (offset + 16 <= length)
        {
            var cmsgLen = *(long*)(control + offset);
            var level = *(int*)(control + offset + 8);
            var type = *(int*)(control + offset + 12);
            if (cmsgLen < 16)
            {
                break;
            }
            if (level == Native.SolSocket && type == Native.SoTimestampNs && cmsgLen >= 32)
            {
                var sec = *(long*)(control + offset + 16);
                var nsec = *(long*)(control + offset + 24);
                return (sec * 1_000_000_000) + nsec;
            }
            offset += (cmsgLen + 7) & ~7L;
        }
        return 0;
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(1000);
        _ = Native.Close(_epoll);
    }
}
