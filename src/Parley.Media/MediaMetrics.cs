using System.Diagnostics.Metrics;

namespace Parley.Media;

/// <summary>
/// Counters of the meter "Parley.Media" (System.Diagnostics.Metrics, so the host exports them
/// with OpenTelemetry) and the same drop counts kept locally, so tests and stats read them
/// without a listener.
/// </summary>
internal sealed class MediaMetrics : IDisposable
{
    public const string MeterName = "Parley.Media";

    private static readonly string[] ReasonNames = Enum.GetNames<DropReason>();

    private readonly Meter _meter;
    private readonly Counter<long> _packetsIn;
    private readonly Counter<long> _packetsOut;
    private readonly Counter<long> _bytesIn;
    private readonly Counter<long> _bytesOut;
    private readonly Counter<long> _drops;
    private readonly Counter<long> _srtpFailures;
    private readonly Counter<long> _handshakeFailures;
    private readonly Histogram<double> _handshakeTime;
    private readonly long[] _dropCounts = new long[ReasonNames.Length];

    public MediaMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _packetsIn = _meter.CreateCounter<long>("parley.media.packets_in", "{packet}", "Datagrams received on the media port");
        _packetsOut = _meter.CreateCounter<long>("parley.media.packets_out", "{packet}", "Datagrams sent from the media port");
        _bytesIn = _meter.CreateCounter<long>("parley.media.bytes_in", "By");
        _bytesOut = _meter.CreateCounter<long>("parley.media.bytes_out", "By");
        _drops = _meter.CreateCounter<long>("parley.media.drops", "{packet}", "Datagrams dropped, tagged by reason");
        _srtpFailures = _meter.CreateCounter<long>("parley.media.srtp_failures", "{packet}", "SRTP/SRTCP authentication or replay failures");
        _handshakeFailures = _meter.CreateCounter<long>("parley.media.handshake_failures", "{peer}", "Peers dropped during ICE/DTLS, tagged by reason");
        _handshakeTime = _meter.CreateHistogram<double>("parley.media.handshake_time", "ms", "From answer to SRTP keys");
    }

    public void Received(int bytes)
    {
        _packetsIn.Add(1);
        _bytesIn.Add(bytes);
    }

    public void Sent(int packets, long bytes)
    {
        _packetsOut.Add(packets);
        _bytesOut.Add(bytes);
    }

    public void Drop(DropReason reason)
    {
        Interlocked.Increment(ref _dropCounts[(int)reason]);
        _drops.Add(1, new KeyValuePair<string, object?>("reason", ReasonNames[(int)reason]));
        if (reason is DropReason.SrtpAuthenticationFailed or DropReason.SrtpReplayed or DropReason.SrtpMalformed)
        {
            _srtpFailures.Add(1);
        }
    }

    public long DropCount(DropReason reason) => Interlocked.Read(ref _dropCounts[(int)reason]);

    public void HandshakeCompleted(TimeSpan duration) => _handshakeTime.Record(duration.TotalMilliseconds);

    public void HandshakeFailed(PeerCloseReason reason) =>
        _handshakeFailures.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void Dispose() => _meter.Dispose();
}
