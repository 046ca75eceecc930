using Org.BouncyCastle.Tls;

namespace Parley.Media.Dtls;

/// <summary>Sends one DTLS datagram to the peer; the SFU owns the socket.</summary>
public delegate void DtlsDatagramSender(ReadOnlySpan<byte> datagram);

/// <summary>
/// BouncyCastle's <see cref="DatagramTransport"/> over datagrams the SFU demultiplexes for us
/// (RFC 7983: first byte 20–63 is DTLS). Received datagrams are copied into a small bounded
/// queue; BouncyCastle's blocking Receive takes them with its timeout. Handshake traffic is a
/// handful of datagrams, so copying is fine here (never on the media path).
/// </summary>
public sealed class DtlsDatagramTransport : DatagramTransport
{
    /// <summary>Keeps a DTLS flight under a typical path MTU once IP/UDP headers are added.</summary>
    public const int DefaultMtu = 1200;

    private const int MaxQueuedDatagrams = 64;
    private const int MaxDatagramLength = 2048;

    private readonly DtlsDatagramSender _send;
    private readonly int _mtu;
    private readonly Queue<byte[]> _queue = new();
    private readonly object _lock = new();
    private volatile bool _closed;
    private Action? _onDatagram;

    public DtlsDatagramTransport(DtlsDatagramSender send, int mtu = DefaultMtu)
    {
        _send = send;
        _mtu = mtu;
    }

    public bool IsClosed => _closed;

    /// <summary>Raised (on the thread that called Close) when the transport closes, by either side.</summary>
    public event Action? Closed;

    private long _droppedDatagrams;

    /// <summary>Datagrams dropped because the queue was full or too long: a flood, counted, not fatal.</summary>
    public long DroppedDatagrams => Interlocked.Read(ref _droppedDatagrams);

    internal bool HasPending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count > 0;
            }
        }
    }

    /// <summary>
    /// Queues a copy of a received DTLS datagram. False when closed, full or oversized (dropped).
    /// </summary>
    public bool Enqueue(ReadOnlySpan<byte> datagram)
    {
        if (_closed || datagram.IsEmpty || datagram.Length > MaxDatagramLength)
        {
            Interlocked.Increment(ref _droppedDatagrams);
            return false;
        }

        lock (_lock)
        {
            if (_queue.Count >= MaxQueuedDatagrams)
            {
                Interlocked.Increment(ref _droppedDatagrams);
                return false;
            }

            _queue.Enqueue(datagram.ToArray());
            Monitor.Pulse(_lock);
        }

        _onDatagram?.Invoke();
        return true;
    }

    public int GetReceiveLimit() => MaxDatagramLength;

    // BouncyCastle fragments handshake messages to fit this (RFC 6347 §4.1.1.1).
    public int GetSendLimit() => _mtu - 13;

    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    /// <summary>Waits up to <paramref name="waitMillis"/> for a datagram: -1 on timeout, as BouncyCastle expects.</summary>
    public int Receive(Span<byte> buffer, int waitMillis)
    {
        byte[]? datagram;
        lock (_lock)
        {
            ThrowIfClosed();
            if (!_queue.TryDequeue(out datagram) && waitMillis > 0)
            {
                // Close and Enqueue pulse; a spurious or late wake just reports a timeout.
                Monitor.Wait(_lock, waitMillis);
                ThrowIfClosed();
                _queue.TryDequeue(out datagram);
            }
        }

        if (datagram is null)
        {
            return -1;
        }

        var length = Math.Min(datagram.Length, buffer.Length);
        datagram.AsSpan(0, length).CopyTo(buffer);
        return length;
    }

    public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

    public void Send(ReadOnlySpan<byte> buffer)
    {
        // After close BouncyCastle may still try to send an alert; there is nowhere to send it.
        if (!_closed)
        {
            _send(buffer);
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            Monitor.PulseAll(_lock);
        }

        Closed?.Invoke();
    }

    internal void SetDatagramCallback(Action? onDatagram) => _onDatagram = onDatagram;

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new DtlsTransportClosedException();
        }
    }
}
