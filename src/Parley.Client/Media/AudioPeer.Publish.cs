using Concentus;
using Concentus.Enums;
using Parley.Client.Audio;
using Parley.Media.Rtp;

namespace Parley.Client.Media;

/// <summary>Publishing: 20 ms Opus frames at 48 kHz mono, each with its RFC 6464 audio level.</summary>
public sealed partial class AudioPeer
{
    private const int FrameSamples = 960; // 20 ms at 48 kHz (RFC 7587 §4.2)
    private readonly Lock _outboundLock = new();
    private CancellationTokenSource? _publishing;
    private Task? _publishLoop;
    private long _packetsSent;

    private readonly byte[] _lastPublished = new byte[1500];
    private readonly Lock _lastPublishedLock = new();
    private int _lastPublishedLength;

    /// <summary>A copy of the last SRTP packet sent (tests replay it).</summary>
    internal byte[] LastPublishedPacket()
    {
        lock (_lastPublishedLock)
        {
            return _lastPublished.AsSpan(0, _lastPublishedLength).ToArray();
        }
    }

    /// <summary>Sends arbitrary bytes from this peer's socket to the SFU (tests forge packets with it).</summary>
    internal void SendRaw(ReadOnlySpan<byte> datagram) => Send(datagram);

    /// <summary>RTP packets published so far.</summary>
    public long PacketsSent => Interlocked.Read(ref _packetsSent);

    /// <summary>Starts sending <paramref name="source"/> as Opus once connected; replaces any previous source.</summary>
    public void StartPublishing(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _publishing?.Cancel();
        _publishing = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var token = _publishing.Token;
        _publishLoop = Task.Run(() => PublishLoopAsync(source, token), CancellationToken.None);
    }

    /// <summary>Stops sending audio (the SFU sees silence; the peer stays connected).</summary>
    public async Task StopPublishingAsync()
    {
        var cts = _publishing;
        var loop = _publishLoop;
        _publishing = null;
        _publishLoop = null;
        if (cts is null)
        {
            return;
        }
        await cts.CancelAsync();
        if (loop is not null)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
            }
        }
        cts.Dispose();
    }

    private async Task PublishLoopAsync(IAudioSource source, CancellationToken token)
    {
        await _connected.Task.WaitAsync(token);
        using var encoder = OpusCodecFactory.CreateEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
        encoder.Bitrate = _options.Bitrate;
        var pcm = new short[FrameSamples];
        var opus = new byte[1275]; // largest Opus frame (RFC 6716 §3.2.1)
        var packet = new byte[1500];
        var sequence = (ushort)Random.Shared.Next(0, 1 << 16);
        var timestamp = (uint)Random.Shared.NextInt64(0, 1L << 32);
        var marker = true;
        var time = _options.TimeProvider;
        var start = time.GetTimestamp();
        long framesSent = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20), time);
        while (await timer.WaitForNextTickAsync(token))
        {
            // Catch up on ticks a busy machine skipped, so the stream keeps real time.
            var due = (long)(time.GetElapsedTime(start).TotalMilliseconds / 20) + 1;
            for (var frames = 0; framesSent < due && frames < 5; frames++, framesSent++)
            {
                source.ReadFrame(pcm);
                var level = AudioLevel.FromPcm(pcm);
                var opusLength = encoder.Encode(pcm, FrameSamples, opus, opus.Length);
                RtpWriter.TryWrite(packet, _opusPayloadType, marker, sequence, timestamp, Ssrc, _audioLevelExtensionId, level, level < 127, opus.AsSpan(0, opusLength), out var length);
                marker = false;
                sequence++;
                timestamp += FrameSamples;
                bool protectedOk;
                int protectedLength;
                lock (_outboundLock)
                {
                    protectedOk = _outbound!.TryProtectRtp(packet, length, out protectedLength);
                }
                if (protectedOk)
                {
                    Send(packet.AsSpan(0, protectedLength));
                    Interlocked.Increment(ref _packetsSent);
                    lock (_lastPublishedLock)
                    {
                        packet.AsSpan(0, protectedLength).CopyTo(_lastPublished);
                        _lastPublishedLength = protectedLength;
                    }
                }
            }
            framesSent = Math.Max(framesSent, due);
        }
    }
}
