using Org.BouncyCastle.Tls;

namespace Parley.Media.Dtls;

/// <summary>
/// One DTLS 1.2 association with use_srtp (RFC 5764) on BouncyCastle. Its blocking handshake
/// runs on a thread of its own, bounded by <see cref="DtlsHandshakeOptions.Timeout"/>; once
/// it is done no thread is held: datagrams that arrive later (retransmissions, alerts,
/// close_notify) are processed on the thread pool when <see cref="DtlsDatagramTransport.Enqueue"/>
/// queues them, so thousands of idle peers cost no threads.
/// </summary>
public abstract class DtlsHandshake : IDisposable
{
    private readonly TaskCompletionSource<DtlsSrtpKeys> _keys = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DtlsSrtpKeys> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DtlsCloseReason> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _pumpBuffer = new byte[2048];
    private DtlsHandshakeException? _failure;
    private DtlsTransport? _session;
    private ITimer? _timer;
    private int _started;
    private int _pumping;
    private volatile bool _localClose;
    private short _lastAlert = -1;

    private protected DtlsHandshake(
        DtlsCertificate localCertificate,
        DtlsFingerprint expectedRemoteFingerprint,
        DtlsDatagramTransport transport,
        DtlsHandshakeOptions? options)
    {
        LocalCertificate = localCertificate;
        ExpectedRemoteFingerprint = expectedRemoteFingerprint;
        Transport = transport;
        Options = options ?? DtlsHandshakeOptions.Default;
        transport.Closed += OnTransportClosed;
    }

    /// <summary>
    /// Raised on the handshake thread the moment SRTP keys exist, before Accept/Connect returns
    /// (the first SRTP packet can arrive in between). Subscribe before <see cref="StartAsync"/>.
    /// </summary>
    public event Action<DtlsSrtpKeys>? KeysAvailable;

    public DtlsCertificate LocalCertificate { get; }

    public DtlsFingerprint ExpectedRemoteFingerprint { get; }

    public DtlsDatagramTransport Transport { get; }

    public DtlsHandshakeOptions Options { get; }

    /// <summary>The peer's certificate (DER) once it has been seen.</summary>
    public byte[]? RemoteCertificate { get; internal set; }

    /// <summary>The ECDHE group the server chose (a BouncyCastle NamedGroup value); -1 before it chose, and on the client.</summary>
    public int NegotiatedGroup { get; internal set; } = -1;

    /// <summary>Completes with the keys as soon as they exist; faults with <see cref="DtlsHandshakeException"/>.</summary>
    public Task<DtlsSrtpKeys> Keys => _keys.Task;

    /// <summary>Completes when the association ends, after the handshake or instead of it.</summary>
    public Task<DtlsCloseReason> Closed => _closed.Task;

    /// <summary>The last alert description the peer sent, or -1.</summary>
    public short LastAlertReceived => _lastAlert;

    /// <summary>
    /// Starts the handshake on its own thread. The task completes when the handshake call has
    /// returned (keys are in <see cref="Keys"/> earlier) or faults with <see cref="DtlsHandshakeException"/>.
    /// </summary>
    public Task<DtlsSrtpKeys> StartAsync()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            return _completion.Task;
        }

        _timer = Options.TimeProvider.CreateTimer(
            static state => ((DtlsHandshake)state!).OnTimeout(), this, Options.Timeout, Timeout.InfiniteTimeSpan);
        var thread = new Thread(static state => ((DtlsHandshake)state!).Run())
        {
            IsBackground = true,
            Name = GetType().Name,
        };
        thread.Start(this);
        return _completion.Task;
    }

    /// <summary>Sends close_notify if established, then closes the transport.</summary>
    public void Close()
    {
        _localClose = true;
        try
        {
            _session?.Close();
        }
        catch (Exception e) when (e is IOException or TlsException)
        {
            // Best effort: the peer may be gone already.
        }

        Transport.Close();
    }

    public void Dispose()
    {
        Close();
        _timer?.Dispose();
        GC.SuppressFinalize(this);
    }

    private protected abstract DtlsTransport RunProtocol();

    /// <summary>Records why the handshake is failing and returns the alert BouncyCastle should send.</summary>
    internal TlsFatalAlert Fail(DtlsHandshakeFailureReason reason, string message, short alert)
    {
        Interlocked.CompareExchange(ref _failure, new DtlsHandshakeException(reason, message), null);
        return new TlsFatalAlert(alert, message);
    }

    internal void OnKeysExported(DtlsSrtpKeys keys)
    {
        if (_keys.TrySetResult(keys))
        {
            KeysAvailable?.Invoke(keys);
        }
    }

    internal void OnAlertReceived(short level, short description) => _lastAlert = description;

    private void Run()
    {
        try
        {
            var session = RunProtocol();
            _timer?.Dispose();
            if (!_keys.Task.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("The handshake finished without exporting SRTP keys.");
            }

            _session = session;
            _completion.TrySetResult(_keys.Task.Result);
            Transport.SetDatagramCallback(SchedulePump);
            if (Transport.IsClosed)
            {
                _closed.TrySetResult(_localClose ? DtlsCloseReason.LocalClose : DtlsCloseReason.PeerClosed);
            }
            else if (Transport.HasPending)
            {
                SchedulePump();
            }
        }
        catch (Exception e)
        {
            _timer?.Dispose();
            var failure = Classify(e);
            _keys.TrySetException(failure);
            _completion.TrySetException(failure);
            _closed.TrySetResult(DtlsCloseReason.HandshakeFailed);
            Transport.Close();
        }
    }

    private DtlsHandshakeException Classify(Exception e)
    {
        if (Volatile.Read(ref _failure) is { } known)
        {
            return new DtlsHandshakeException(known.Reason, known.Message, e);
        }

        if (e is TlsFatalAlertReceived received)
        {
            return new DtlsHandshakeException(
                DtlsHandshakeFailureReason.ProtocolError,
                $"The peer sent the fatal alert {AlertDescription.GetText(received.AlertDescription)}.",
                e);
        }

        if (e is TlsTimeoutException)
        {
            return new DtlsHandshakeException(DtlsHandshakeFailureReason.Timeout, "The DTLS handshake timed out.", e);
        }

        if (e is DtlsTransportClosedException || e.InnerException is DtlsTransportClosedException || Transport.IsClosed)
        {
            return new DtlsHandshakeException(DtlsHandshakeFailureReason.Closed, "The transport closed during the DTLS handshake.", e);
        }

        return new DtlsHandshakeException(DtlsHandshakeFailureReason.ProtocolError, $"The DTLS handshake failed: {e.Message}", e);
    }

    private void OnTimeout()
    {
        if (_keys.Task.IsCompleted)
        {
            return;
        }

        Interlocked.CompareExchange(
            ref _failure,
            new DtlsHandshakeException(DtlsHandshakeFailureReason.Timeout, $"No DTLS handshake within {Options.Timeout.TotalSeconds:0.###} s."),
            null);
        Transport.Close();
    }

    private void OnTransportClosed()
    {
        // Before the handshake ends, Run reports the outcome; afterwards this is the end.
        if (_session is not null)
        {
            _closed.TrySetResult(_localClose ? DtlsCloseReason.LocalClose : DtlsCloseReason.PeerClosed);
        }
    }

    private void SchedulePump()
    {
        if (Interlocked.CompareExchange(ref _pumping, 1, 0) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static self => self.Pump(), this, preferLocal: false);
        }
    }

    // Feeds queued datagrams through the record layer: it answers a retransmitted final flight
    // (RFC 6347 §4.2.4), and turns close_notify or a fatal alert into the end of the association.
    private void Pump()
    {
        var session = _session!;
        try
        {
            while (true)
            {
                while (Transport.HasPending)
                {
                    // 1 ms: BouncyCastle treats 0 as "wait forever".
                    session.Receive(_pumpBuffer, 0, _pumpBuffer.Length, 1);
                }

                Volatile.Write(ref _pumping, 0);
                if (!Transport.HasPending || Interlocked.CompareExchange(ref _pumping, 1, 0) != 0)
                {
                    return;
                }
            }
        }
        catch (Exception e)
        {
            // Any failure ends the association; nothing may escape a thread-pool work item.
            Volatile.Write(ref _pumping, 0);
            var reason = _localClose ? DtlsCloseReason.LocalClose
                : e is TlsFatalAlertReceived or TlsFatalAlert ? DtlsCloseReason.FatalAlert
                : DtlsCloseReason.PeerClosed;
            _closed.TrySetResult(reason);
            Transport.Close();
        }
    }
}
