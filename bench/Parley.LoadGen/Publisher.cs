using System.Buffers.Binary;
using System.Diagnostics;
using Concentus;
using Concentus.Enums;
using Parley.Media.Rtp;

namespace Parley.LoadGen;

/// <summary>
/// Sends every speaker's Opus stream (Concentus, 32 kbit/s, 20 ms frames of a tone, encoded once
/// up front) from one thread on a 20 ms schedule. Each payload ends with the send time (Unix ns,
/// the clock the kernel stamps received datagrams with), so listeners measure the added delay.
/// </summary>
internal sealed class Publisher : IDisposable
{
    private const int FrameSamples = 960;
    private readonly BenchPeer[] _speakers;
    private readonly byte[][] _frames;
    private readonly Thread _thread;
    private volatile bool _stopping;

    public Publisher(IReadOnlyList<BenchPeer> speakers)
    {
        _speakers = [.. speakers];
        _frames = EncodeTone(50);
        _thread = new Thread(Run) { IsBackground = true, Name = "publisher" };
        _thread.Start();
    }

    public long PacketsSent;

    private static byte[][] EncodeTone(int count)
    {
        using var encoder = OpusCodecFactory.CreateEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
        encoder.Bitrate = 32_000;
        var pcm = new short[FrameSamples];
        var opus = new byte[1275];
        var frames = new byte[count][];
        long sample = 0;
        for (var f = 0; f < count; f++)
        {
            for (var i = 0; i < FrameSamples; i++, sample++)
            {
                pcm[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * sample / 48_000.0));
            }
            var length = encoder.Encode(pcm, FrameSamples, opus, opus.Length);
            frames[f] = opus.AsSpan(0, length).ToArray();
        }
        return frames;
    }

    private void Run()
    {
        var packet = new byte[1500];
        var payload = new byte[1500];
        var sequences = new ushort[_speakers.Length];
        var timestamps = new uint[_speakers.Length];
        for (var i = 0; i < sequences.Length; i++)
        {
            sequences[i] = (ushort)Random.Shared.Next(1 << 16);
            timestamps[i] = (uint)Random.Shared.NextInt64(1L << 32);
        }
        var start = Stopwatch.GetTimestamp();
        long frame = 0;
        while (!_stopping)
        {
            var due = (long)(Stopwatch.GetElapsedTime(start).TotalMilliseconds / 20);
            if (frame > due)
            {
                Thread.Sleep(1);
                continue;
            }
            var opus = _frames[frame % _frames.Length];
            for (var s = 0; s < _speakers.Length; s++)
            {
                var speaker = _speakers[s];
                var outbound = speaker.Outbound;
                if (outbound is null)
                {
                    continue;
                }
                opus.CopyTo(payload, 0);
                var sentUnixNs = (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;
                BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(opus.Length), sentUnixNs);
                RtpWriter.TryWrite(packet, (byte)speaker.RtpPayloadType, frame == 0, sequences[s]++, timestamps[s], speaker.Ssrc, speaker.AudioLevelExtensionId, 30, true, payload.AsSpan(0, opus.Length + 8), out var length);
                timestamps[s] += FrameSamples;
                if (outbound.TryProtectRtp(packet, length, out var protectedLength))
                {
                    speaker.Send(packet.AsSpan(0, protectedLength));
                    Interlocked.Increment(ref PacketsSent);
                }
            }
            frame++;
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(1000);
    }
}
