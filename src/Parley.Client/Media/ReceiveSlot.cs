using Concentus;
using Parley.Media.Rtcp;

namespace Parley.Client.Media;

/// <summary>
/// One receive slot (a recvonly m-line with the SFU's SSRC): decodes what arrives into a ring of
/// recent PCM, so tests and bots can check what they hear.
/// </summary>
public sealed class ReceiveSlot : IDisposable
{
    private const int FrameSamples = 960 * 6; // largest Opus frame (120 ms) at 48 kHz
    private readonly IOpusDecoder? _decoder;
    private readonly short[] _frame = new short[FrameSamples];
    private readonly short[] _ring;
    private readonly Lock _lock = new();
    private long _written;

    internal ReceiveSlot(int index, uint ssrc, string mid, TimeSpan history, bool decode = true)
    {
        _decoder = decode ? OpusCodecFactory.CreateDecoder(48_000, 1) : null;
        Index = index;
        Ssrc = ssrc;
        Mid = mid;
        _ring = new short[decode ? Math.Max(1, (int)(history.TotalSeconds * 48_000)) : 1];
        Statistics = new ReceiveStatistics(ssrc);
    }

    /// <summary>RFC 3550 reception statistics of this slot (loss, jitter), reported to the SFU in RTCP RRs.</summary>
    internal ReceiveStatistics Statistics { get; }

    /// <summary>Packets lost on this slot so far (RFC 3550 A.3 cumulative loss).</summary>
    public long PacketsLost
    {
        get
        {
            lock (_lock)
            {
                return Math.Max(0, Statistics.CumulativeLost);
            }
        }
    }

    internal void Observe(ushort sequenceNumber, uint rtpTimestamp, uint arrival)
    {
        lock (_lock)
        {
            Statistics.Update(sequenceNumber, rtpTimestamp, arrival);
        }
    }

    internal void OnSenderReport(ulong ntpTimestamp, TimeSpan arrival)
    {
        lock (_lock)
        {
            Statistics.OnSenderReport(ntpTimestamp, arrival);
        }
    }

    internal bool TryCreateReportBlock(TimeSpan now, out RtcpReportBlock block)
    {
        lock (_lock)
        {
            block = Statistics.HasReceived ? Statistics.CreateReportBlock(now) : default;
            return Statistics.HasReceived;
        }
    }

    /// <summary>Position of the slot among the offer's recvonly m-lines.</summary>
    public int Index { get; }

    /// <summary>The SFU's SSRC for this slot, from the answer.</summary>
    public uint Ssrc { get; }

    /// <summary>The m-line's mid.</summary>
    public string Mid { get; }

    /// <summary>RTP packets received and decoded on this slot.</summary>
    public long PacketsReceived => Interlocked.Read(ref _packets);

    private long _packets;

    /// <summary>Samples decoded so far (48 kHz).</summary>
    public long SamplesDecoded
    {
        get
        {
            lock (_lock)
            {
                return _written;
            }
        }
    }

    internal void Decode(ReadOnlySpan<byte> opus)
    {
        if (_decoder is null)
        {
            Interlocked.Increment(ref _packets);
            return;
        }
        int samples;
        try
        {
            samples = _decoder.Decode(opus, _frame, FrameSamples, false);
        }
        catch (ArgumentException)
        {
            return; // a corrupt payload: the SFU forwards, it never decodes
        }
        Interlocked.Increment(ref _packets);
        lock (_lock)
        {
            for (var i = 0; i < samples; i++)
            {
                _ring[(int)(_written++ % _ring.Length)] = _frame[i];
            }
        }
    }

    /// <summary>The most recent decoded audio, up to <paramref name="duration"/> (less if not received yet).</summary>
    public short[] Recent(TimeSpan duration)
    {
        lock (_lock)
        {
            var count = (int)Math.Min(Math.Min(_written, _ring.Length), duration.TotalSeconds * 48_000);
            var result = new short[count];
            for (var i = 0; i < count; i++)
            {
                result[i] = _ring[(int)((_written - count + i) % _ring.Length)];
            }
            return result;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _decoder?.Dispose();
}
