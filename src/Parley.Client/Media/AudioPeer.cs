using System.Net;
using System.Net.Sockets;
using Parley.Media.Dtls;
using Parley.Media.Ice;
using Parley.Media.Rtp;
using Parley.Media.Srtp;

namespace Parley.Client.Media;

/// <summary>
/// A headless WebRTC audio peer in the browser's role, built on Parley.Media's primitives: it
/// offers one sendrecv and K recvonly audio m-lines, runs ICE as the controlling agent, DTLS as
/// the client, and SRTP; it can publish Opus from a tone or WAV file and decodes every slot.
/// Bots, tests and the load generator use it where a browser would be too heavy.
/// </summary>
public sealed partial class AudioPeer : IAsyncDisposable
{
    private readonly AudioPeerOptions _options;
    private readonly Socket _socket;
    private readonly IceCredentials _localIce = IceCredentials.Generate();
    private readonly DtlsCertificate _certificate;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<uint, ReceiveSlot> _slotsBySsrc = [];
    private ReceiveSlot[] _slots = [];
    private IceCredentials? _remoteIce;
    private SocketAddress? _remote;
    private SrtpSession? _inbound;
    private SrtpSession? _outbound;
    private DtlsDatagramTransport? _dtls;
    private Task? _receiveLoop;
    private Task? _iceLoop;
    private Task? _handshake;
    private bool _disposed;

    /// <summary>Creates the peer and binds its UDP socket (an ephemeral port on <see cref="AudioPeerOptions.BindAddress"/>).</summary>
    public AudioPeer(AudioPeerOptions? options = null, DtlsCertificate? certificate = null)
    {
        _options = options ?? new AudioPeerOptions();
        _certificate = certificate ?? DtlsCertificate.Generate();
        _socket = new Socket(_options.BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(_options.BindAddress, 0));
        Ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
    }

    /// <summary>The local UDP endpoint (our host candidate).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>SSRC of the audio this peer publishes.</summary>
    public uint Ssrc { get; }

    /// <summary>The receive slots, known once the answer was applied.</summary>
    public IReadOnlyList<ReceiveSlot> Slots => _slots;

    /// <summary>Completes when DTLS is done and SRTP keys are installed.</summary>
    public Task Connected => _connected.Task;

    /// <summary>
    /// Whether RFC 7675 consent checks keep going after connection. Tests turn this off to play a
    /// peer that vanished without a goodbye.
    /// </summary>
    public bool ConsentChecksEnabled { get; set; } = true;

    /// <summary>Packets received that failed SRTP, and valid ones on no known slot.</summary>
    public long InboundErrors => Interlocked.Read(ref _inboundErrors);

    private long _inboundErrors;

    /// <summary>
    /// Applies the SFU's answer and connects: ICE checks, then the DTLS handshake. Completes when
    /// SRTP keys are installed.
    /// </summary>
    public async Task ConnectAsync(string answerSdp, CancellationToken cancellationToken = default)
    {
        ApplyAnswer(answerSdp);
        _receiveLoop = Task.Run(ReceiveLoopAsync, CancellationToken.None);
        _iceLoop = Task.Run(IceLoopAsync, CancellationToken.None);
        await _connected.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Waits until this slot has decoded at least <paramref name="duration"/> of audio.</summary>
    public async Task WaitForAudioAsync(int slot, TimeSpan duration, TimeSpan timeout)
    {
        var target = (long)(duration.TotalSeconds * 48_000);
        using var cts = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        var start = _slots[slot].SamplesDecoded;
        while (_slots[slot].SamplesDecoded - start < target)
        {
            try
            {
                await timer.WaitForNextTickAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Slot {slot} did not receive {duration.TotalSeconds:0.#} s of audio within {timeout.TotalSeconds:0.#} s.");
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await StopPublishingAsync();
        // close_notify goes out before the socket closes, so the SFU frees us at once.
        _dtlsHandshake?.Dispose();
        _dtls?.Close();
        await _stopping.CancelAsync();
        _socket.Dispose();
        foreach (var task in new[] { _receiveLoop, _iceLoop, _handshake })
        {
            if (task is not null)
            {
                try
                {
                    await task;
                }
                catch (Exception) when (task.IsFaulted || task.IsCanceled)
                {
                }
            }
        }
        _connected.TrySetCanceled();
        _inbound?.Dispose();
        _outbound?.Dispose();
        foreach (var slot in _slots)
        {
            slot.Dispose();
        }
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[2048];
        var source = new SocketAddress(_socket.AddressFamily);
        while (!_stopping.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, source, _stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            if (_remote is null || !source.Equals(_remote) || length == 0)
            {
                continue; // only the SFU's candidate talks to us
            }
            var datagram = buffer.AsSpan(0, length);
            var first = datagram[0];
            if (first <= 3)
            {
                OnStun(datagram);
            }
            else if (first is >= 20 and <= 63)
            {
                _dtls?.Enqueue(datagram);
            }
            else if (first is >= 128 and <= 191)
            {
                OnRtp(datagram);
            }
        }
    }

    private void OnRtp(Span<byte> datagram)
    {
        var inbound = _inbound;
        if (inbound is null)
        {
            return;
        }
        if (RtpPacketClassifier.IsRtcp(datagram))
        {
            if (inbound.UnprotectRtcp(datagram, datagram.Length, out var rtcpLength) != SrtpError.None)
            {
                Interlocked.Increment(ref _inboundErrors);
                return;
            }
            OnRtcp(datagram[..rtcpLength]);
            return;
        }
        if (inbound.UnprotectRtp(datagram, datagram.Length, out var plain) != SrtpError.None
            || !RtpHeader.TryParse(datagram[..plain], out var header)
            || !_slotsBySsrc.TryGetValue(header.Ssrc, out var slot))
        {
            Interlocked.Increment(ref _inboundErrors);
            return;
        }
        slot.Observe(header.SequenceNumber, header.Timestamp, (uint)(_options.TimeProvider.GetTimestamp() * 48_000 / _options.TimeProvider.TimestampFrequency));
        slot.Decode(datagram.Slice(header.PayloadOffset, header.PayloadLength));
    }

    private void Send(ReadOnlySpan<byte> datagram)
    {
        var remote = _remote;
        if (remote is null || _stopping.IsCancellationRequested)
        {
            return;
        }
        try
        {
            _socket.SendTo(datagram, SocketFlags.None, remote);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
    }
}
