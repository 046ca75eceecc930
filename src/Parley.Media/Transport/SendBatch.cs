using System.Net.Sockets;
using System.Runtime.InteropServices;
using Parley.Media.Buffers;

namespace Parley.Media.Transport;

/// <summary>
/// Outgoing datagrams of one fan-out, written straight into pinned buffers and sent together
/// with sendmmsg (Linux), or one by one with <see cref="Socket.SendTo(ReadOnlySpan{byte}, SocketFlags, System.Net.SocketAddress)"/>
/// elsewhere. Owned by one thread; allocates nothing after construction.
/// </summary>
internal sealed unsafe class SendBatch : IDisposable
{
    private const int NameSize = 32; // sockaddr_in6 is 28 bytes

    private readonly Socket _socket;
    private readonly PinnedBufferSlab _buffers;
    // A struct element, so storing a destination is a plain write: an array of a non-sealed
    // class type pays a covariance check (CastHelpers.StelemRef) on every store, 2.4 % of the
    // server's samples at 1,000 listeners.
    private readonly Destination[] _destinations;
    private readonly int[] _lengths;
    private readonly LibC.MMsgHdr* _messages;
    private readonly LibC.IoVec* _iovecs;
    private readonly byte* _names;
    private int _count;

    public SendBatch(Socket socket, int capacity, bool useSendMmsg)
    {
        _socket = socket;
        Capacity = capacity;
        _buffers = new PinnedBufferSlab(capacity, Routing.RoomRouter.MaxPacketSize);
        _destinations = new Destination[capacity];
        _lengths = new int[capacity];
        UsesSendMmsg = useSendMmsg && LibC.IsSupported;
        _messages = (LibC.MMsgHdr*)NativeMemory.AllocZeroed((nuint)(capacity * sizeof(LibC.MMsgHdr)));
        _iovecs = (LibC.IoVec*)NativeMemory.AllocZeroed((nuint)(capacity * sizeof(LibC.IoVec)));
        _names = (byte*)NativeMemory.AllocZeroed((nuint)(capacity * NameSize));
        for (var i = 0; i < capacity; i++)
        {
            _iovecs[i].Base = _buffers.Pointer(i);
            _messages[i].Header.Iov = &_iovecs[i];
            _messages[i].Header.IovLength = 1;
            _messages[i].Header.Name = _names + (i * NameSize);
        }
    }

    public int Capacity { get; }

    public bool UsesSendMmsg { get; }

    public int Count => _count;

    /// <summary>Datagrams the kernel refused (send buffer full or an error), since creation.</summary>
    public long Failed { get; private set; }

    /// <summary>The buffer for the next datagram.</summary>
    public Span<byte> Reserve() => _buffers[_count];

    /// <summary>The reserved buffer holds <paramref name="length"/> bytes for <paramref name="destination"/>.</summary>
    public void Commit(System.Net.SocketAddress destination, int length)
    {
        var index = _count;
        _destinations[index].Address = destination;
        _lengths[index] = length;
        if (UsesSendMmsg)
        {
            // SocketAddress holds the native sockaddr on Unix, so it can go to the kernel as is.
            var name = new Span<byte>(_names + (index * NameSize), NameSize);
            destination.Buffer.Span.Slice(0, destination.Size).CopyTo(name);
            _messages[index].Header.NameLength = (uint)destination.Size;
            _iovecs[index].Length = (nuint)length;
        }
        _count = index + 1;
        if (_count == Capacity)
        {
            Flush();
        }
    }

    /// <summary>Sends everything queued; returns how many datagrams left.</summary>
    public int Flush()
    {
        var count = _count;
        if (count == 0)
        {
            return 0;
        }
        var sent = UsesSendMmsg ? FlushSendMmsg(count) : 0;
        // Whatever sendmmsg could not take (or all of it without sendmmsg) goes through SendTo,
        // which waits for room in the socket buffer instead of dropping.
        for (var i = sent; i < count; i++)
        {
            try
            {
                _socket.SendTo(_buffers[i].Slice(0, _lengths[i]), SocketFlags.None, _destinations[i].Address!);
                sent++;
            }
            catch (SocketException)
            {
                Failed++;
            }
        }
        Array.Clear(_destinations, 0, count);
        _count = 0;
        return sent;
    }

    private int FlushSendMmsg(int count)
    {
        var fd = (int)_socket.SafeHandle.DangerousGetHandle();
        var sent = 0;
        while (sent < count)
        {
            var result = LibC.sendmmsg(fd, _messages + sent, (uint)(count - sent), LibC.MSG_DONTWAIT);
            if (result > 0)
            {
                sent += result;
                continue;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (result < 0 && errno == LibC.EINTR)
            {
                continue;
            }
            if (result < 0 && errno != LibC.EAGAIN)
            {
                // A bad destination fails the first message of the call: skip it, count it.
                Failed++;
                sent++;
                continue;
            }
            break; // EAGAIN: let SendTo wait for buffer room
        }
        return sent;
    }

    private struct Destination
    {
        public System.Net.SocketAddress? Address;
    }

    public void Dispose()
    {
        NativeMemory.Free(_messages);
        NativeMemory.Free(_iovecs);
        NativeMemory.Free(_names);
    }
}
