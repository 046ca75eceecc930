using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Net;
using System.Net.Sockets;
using Parley.Media.Dtls;
using Parley.Media.Ice;
using Parley.Media.Srtp;

namespace Parley.LoadGen;

/// <summary>
/// A lean WebRTC audio peer for the load generator, built on Parley.Media's primitives: ICE
/// (controlling checks with USE-CANDIDATE, and answers to the server's checks when it is a full
/// agent like Janus), DTLS as the client (a=setup:active), SRTP. Its socket is drained by a shared
/// <see cref="Receiver"/>; every RTP packet is counted and sequence-checked from the clear header,
/// and one in <see cref="SampleEvery"/> is SRTP-verified and timed (the payload ends with the
/// speaker's send time).
/// </summary>
internal sealed class BenchPeer : IDisposable
{
    public const int SampleEvery = 16;
    public const int MaxStreams = 4;

    private readonly Lock _iceLock = new();
    private readonly byte[] _transaction = new byte[12];
    private readonly byte[] _previousTransaction = new byte[12];
    private readonly byte[] _iceBuffer = new byte[256];
    private readonly byte[] _sampleBuffer = new byte[1500];
    private readonly ulong _tieBreaker;
    private readonly StreamStats[] _streams = new StreamStats[MaxStreams];
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstAudio = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DtlsDatagramTransport? _dtls;
    private DtlsClientHandshake? _handshake;
    private int _streamCount;
    private volatile bool _iceSucceeded;

    public BenchPeer(int id, IPAddress bind, DtlsCertificate certificate, bool serverIsFullIce)
    {
        Id = id;
        Certificate = certificate;
        ServerIsFullIce = serverIsFullIce;
        // Against a full agent we yield the controlling role (lowest tie-breaker, RFC 8445 §7.3.1.1).
        _tieBreaker = serverIsFullIce ? 0 : IceControllingClient.NewTieBreaker();
        Socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
        Socket.ReceiveBufferSize = 256 * 1024;
        Socket.Bind(new IPEndPoint(bind, 0));
        Socket.SetRawSocketOption(Native.SolSocket, Native.SoTimestampNs, BitConverter.GetBytes(1));
        Local = (IPEndPoint)Socket.LocalEndPoint!;
        Ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
    }

    public int Id { get; }
    public Socket Socket { get; }
    public IPEndPoint Local { get; }
    public uint Ssrc { get; }
    public DtlsCertificate Certificate { get; }
    public bool ServerIsFullIce { get; }
    public IceCredentials LocalIce { get; } = IceCredentials.Generate();
    public IceCredentials? RemoteIce { get; private set; }
    public SocketAddress? Remote { get; private set; }
    public SrtpSession? Inbound { get; private set; }
    public SrtpSession? Outbound { get; private set; }
    public Task Connected => _connected.Task;
    public Task FirstAudio => _firstAudio.Task;
    public bool IceSucceeded => _iceSucceeded;
    /// <summary>When the join began, Unix ns (the clock of the kernel's receive timestamps).</summary>
    public long JoinStartedUnixNs { get; set; }
    public double JoinMilliseconds { get; private set; } = double.NaN;
    public int RtpPayloadType { get; set; } = 111;
    public int AudioLevelExtensionId { get; set; }
    public long SrtpFailures;
    public long SrtpVerified;

    public static long UnixNanoseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    public void SetRemote(IPEndPoint candidate, IceCredentials ice, DtlsFingerprint fingerprint)
    {
        RemoteIce = ice;
        Remote = candidate.Serialize();
        _handshakeFingerprint = fingerprint;
    }

    private DtlsFingerprint? _handshakeFingerprint;

    /// <summary>Sends one connectivity (or consent) check; the ICE pacer calls it.</summary>
    public void SendCheck()
    {
        if (RemoteIce is null || Remote is null)
        {
            return;
        }
        int length;
        lock (_iceLock)
        {
            _transaction.CopyTo(_previousTransaction, 0);
            IceControllingClient.NewTransactionId(_transaction);
            var priority = IceControllingClient.ComputePriority(126, 65535, 1);
            length = IceControllingClient.WriteBindingRequest(_iceBuffer, _transaction, LocalIce, RemoteIce, priority, _tieBreaker, useCandidate: true);
            Send(_iceBuffer.AsSpan(0, length));
        }
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        if (Remote is null)
        {
            return;
        }
        try
        {
            Socket.SendTo(datagram, SocketFlags.None, Remote);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }

    /// <summary>One datagram from the receiver thread. <paramref name="receivedUnixNs"/> is the kernel's receive time.</summary>
    public void OnDatagram(Span<byte> datagram, long receivedUnixNs, ReceiverStats stats)
    {
        if (datagram.Length == 0)
        {
            return;
        }
        var first = datagram[0];
        if (first is >= 128 and <= 191)
        {
            OnRtp(datagram, receivedUnixNs, stats);
        }
        else if (first <= 3)
        {
            OnStun(datagram);
        }
        else if (first is >= 20 and <= 63)
        {
            _dtls?.Enqueue(datagram);
        }
    }

    private void OnRtp(Span<byte> packet, long receivedUnixNs, ReceiverStats stats)
    {
        if (packet.Length < 12)
        {
            return;
        }
        var pt = packet[1] & 0x7F;
        if (pt is >= 64 and <= 95)
        {
            return; // RTCP (RFC 5761 §4): not counted
        }
        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]);
        var sequence = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        ref var stream = ref FindStream(ssrc);
        if (Unsafe.IsNullRef(ref stream))
        {
            return;
        }
        if (stream.Received == 0)
        {
            stream.Highest = sequence;
            stream.First = sequence;
        }
        else
        {
            var delta = (ushort)(sequence - (ushort)stream.Highest);
            if (delta == 0)
            {
                stream.Duplicates++;
                return;
            }
            if (delta < 0x8000)
            {
                stream.Highest += delta;
            }
            else
            {
                stream.Late++;
            }
        }
        stream.Received++;
        stats.Packets++;
        if (double.IsNaN(JoinMilliseconds))
        {
            // Kernel receive time of the first packet, so the receiver's batching does not count.
            var now = receivedUnixNs > 0 ? receivedUnixNs : UnixNanoseconds();
            JoinMilliseconds = (now - JoinStartedUnixNs) / 1e6;
            _firstAudio.TrySetResult();
        }
        if (stream.Received % SampleEvery == 1)
        {
            Sample(packet, receivedUnixNs, stats);
        }
    }

    private void Sample(Span<byte> packet, long receivedUnixNs, ReceiverStats stats)
    {
        var inbound = Inbound;
        if (inbound is null)
        {
            return;
        }
        var buffer = _sampleBuffer.AsSpan();
        packet.CopyTo(buffer);
        if (inbound.UnprotectRtp(buffer, packet.Length, out var plain) != SrtpError.None)
        {
            SrtpFailures++;
            stats.SrtpFailures++;
            return;
        }
        SrtpVerified++;
        if (plain >= 12 + 8 && receivedUnixNs > 0)
        {
            var sentUnixNs = BinaryPrimitives.ReadInt64BigEndian(buffer.Slice(plain - 8, 8));
            var delay = receivedUnixNs - sentUnixNs;
            if (delay > 0 && delay < 10_000_000_000)
            {
                stats.AddDelay(delay / 1000.0);
            }
        }
    }

    private ref StreamStats FindStream(uint ssrc)
    {
        for (var i = 0; i < _streamCount; i++)
        {
            if (_streams[i].Ssrc == ssrc)
            {
                return ref _streams[i];
            }
        }
        if (_streamCount == MaxStreams)
        {
            return ref Unsafe.NullRef<StreamStats>();
        }
        _streams[_streamCount] = new StreamStats { Ssrc = ssrc };
        return ref _streams[_streamCount++];
    }

    /// <summary>Packets expected (from sequence numbers) and received, summed over the streams.</summary>
    public (long Expected, long Received) Counters()
    {
        long expected = 0, received = 0;
        for (var i = 0; i < _streamCount; i++)
        {
            var s = _streams[i];
            if (s.Received > 0)
            {
                expected += s.Highest - s.First + 1;
                received += s.Received;
            }
        }
        return (expected, received);
    }

    private void OnStun(ReadOnlySpan<byte> datagram)
    {
        if (RemoteIce is null || Remote is null)
        {
            return;
        }
        // A full agent (Janus) checks us too: answer like a lite agent (RFC 8445 §7.3).
        if (ServerIsFullIce && StunMessage.TryParse(datagram, out var message) && message.Class == StunClass.Request)
        {
            Span<byte> response = stackalloc byte[IceLiteResponder.MaxResponseLength];
            var outcome = IceLiteResponder.TryHandleBindingRequest(message, Remote, LocalIce, response);
            if (outcome.HasResponse)
            {
                Send(response[..outcome.ResponseLength]);
            }
            if (outcome.IsSuccess)
            {
                OnIceSucceeded();
            }
            return;
        }
        bool valid;
        lock (_iceLock)
        {
            valid = IceControllingClient.VerifyBindingResponse(datagram, _transaction, RemoteIce, out _, out _) == IceCheckResult.Success
                || IceControllingClient.VerifyBindingResponse(datagram, _previousTransaction, RemoteIce, out _, out _) == IceCheckResult.Success;
        }
        if (valid)
        {
            OnIceSucceeded();
        }
    }

    private void OnIceSucceeded()
    {
        if (_iceSucceeded)
        {
            return;
        }
        _iceSucceeded = true;
        var transport = new DtlsDatagramTransport(d => Send(d));
        var handshake = new DtlsClientHandshake(Certificate, _handshakeFingerprint!, transport, new DtlsHandshakeOptions { Timeout = TimeSpan.FromSeconds(30) });
        handshake.KeysAvailable += keys =>
        {
            var profile = (SrtpProfile)keys.ProtectionProfile;
            // RFC 5764 §4.2: the DTLS client writes with the client keys.
            Outbound = SrtpSession.Create(profile, keys.ClientWriteKey, keys.ClientWriteSalt);
            Inbound = SrtpSession.Create(profile, keys.ServerWriteKey, keys.ServerWriteSalt);
            _connected.TrySetResult();
        };
        _dtls = transport;
        _handshake = handshake;
        _ = handshake.StartAsync().ContinueWith(
            t =>
            {
                if (!t.IsCompletedSuccessfully)
                {
                    _connected.TrySetException(t.Exception?.InnerException ?? new InvalidOperationException("DTLS failed"));
                }
            },
            TaskScheduler.Default);
    }

    public void Dispose()
    {
        _handshake?.Dispose();
        _dtls?.Close();
        Socket.Dispose();
        Inbound?.Dispose();
        Outbound?.Dispose();
        _connected.TrySetCanceled();
        _firstAudio.TrySetCanceled();
    }

    private struct StreamStats
    {
        public uint Ssrc;
        public long First;
        public long Highest;
        public long Received;
        public long Duplicates;
        public long Late;
    }
}
