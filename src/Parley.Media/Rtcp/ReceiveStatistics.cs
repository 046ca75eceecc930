namespace Parley.Media.Rtcp;

/// <summary>
/// Reception statistics of one incoming SSRC (RFC 3550 Appendix A.1, A.3, A.8): sequence
/// tracking with cycles, expected and lost counts, the loss fraction since the last report, and
/// the interarrival jitter. Updated once per packet; allocation-free.
/// </summary>
public sealed class ReceiveStatistics
{
    // RFC 3550 Appendix A.1 constants.
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int SequenceModulus = 1 << 16;

    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private int _badSequence = SequenceModulus + 1;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private int _transit;
    private bool _hasTransit;
    private uint _jitterScaled;
    private uint _lastSenderReport;
    private TimeSpan _lastSenderReportArrival;

    public ReceiveStatistics(uint ssrc) => Ssrc = ssrc;

    public uint Ssrc { get; }

    public bool HasReceived { get; private set; }

    /// <summary>Packets received, duplicates and late ones included (RFC 3550 §6.4.1).</summary>
    public long Received => _received;

    /// <summary>The highest sequence number seen, extended with the count of wraps (cycles * 2^16).</summary>
    public uint ExtendedHighestSequence => _cycles + _maxSequence;

    public long Expected => HasReceived ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Expected minus received: negative when duplicates outnumber losses.</summary>
    public long CumulativeLost => Expected - _received;

    /// <summary>Interarrival jitter in RTP timestamp units (RFC 3550 §6.4.1, A.8).</summary>
    public uint Jitter => _jitterScaled >> 4;

    /// <summary>
    /// Counts one packet. <paramref name="arrivalTime"/> is the arrival time in the same RTP clock
    /// units as <paramref name="rtpTimestamp"/> (any origin). Returns false for a packet far outside
    /// the sequence (RFC 3550 A.1: a second one right after it restarts the sequence there).
    /// </summary>
    public bool Update(ushort sequenceNumber, uint rtpTimestamp, uint arrivalTime)
    {
        if (!HasReceived)
        {
            HasReceived = true;
            RestartSequence(sequenceNumber);
        }
        else
        {
            int delta = (ushort)(sequenceNumber - _maxSequence);
            if (delta < MaxDropout)
            {
                // In order, with a permissible gap.
                if (sequenceNumber < _maxSequence)
                {
                    _cycles += SequenceModulus;
                }

                _maxSequence = sequenceNumber;
            }
            else if (delta <= SequenceModulus - MaxMisorder)
            {
                // A very large jump: accept it only if the next packet follows it (the source
                // restarted); otherwise it is a stray packet.
                if (sequenceNumber == _badSequence)
                {
                    RestartSequence(sequenceNumber);
                }
                else
                {
                    _badSequence = (sequenceNumber + 1) & (SequenceModulus - 1);
                    return false;
                }
            }

            // Otherwise a duplicate or reordered packet: counted, the maximum stays.
        }

        _received++;
        UpdateJitter(rtpTimestamp, arrivalTime);
        return true;
    }

    /// <summary>Remembers an SR from this source, for LSR and DLSR in our next report block.</summary>
    public void OnSenderReport(ulong ntpTimestamp, TimeSpan arrival)
    {
        _lastSenderReport = NtpTime.ToShort(ntpTimestamp);
        _lastSenderReportArrival = arrival;
    }

    /// <summary>
    /// A report block about this source (RFC 3550 A.3), with the loss fraction over the interval
    /// since the previous call; <paramref name="now"/> is on the clock given to
    /// <see cref="OnSenderReport"/>.
    /// </summary>
    public RtcpReportBlock CreateReportBlock(TimeSpan now)
    {
        long expected = Expected;
        long expectedInterval = expected - _expectedPrior;
        _expectedPrior = expected;
        long receivedInterval = _received - _receivedPrior;
        _receivedPrior = _received;
        long lostInterval = expectedInterval - receivedInterval;
        byte fraction = expectedInterval == 0 || lostInterval <= 0
            ? (byte)0
            : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);

        uint delay = _lastSenderReport == 0 ? 0 : NtpTime.DurationToShort(now - _lastSenderReportArrival);
        int cumulativeLost = (int)Math.Clamp(CumulativeLost, RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.MaxCumulativeLost);
        return new RtcpReportBlock(Ssrc, fraction, cumulativeLost, ExtendedHighestSequence, Jitter, _lastSenderReport, delay);
    }

    private void RestartSequence(ushort sequenceNumber)
    {
        _baseSequence = sequenceNumber;
        _maxSequence = sequenceNumber;
        _badSequence = SequenceModulus + 1;
        _cycles = 0;
        _received = 0;
        _receivedPrior = 0;
        _expectedPrior = 0;
    }

    private void UpdateJitter(uint rtpTimestamp, uint arrivalTime)
    {
        // RFC 3550 A.8: J += (|D| - J) / 16, kept scaled by 16 in integers.
        int transit = unchecked((int)(arrivalTime - rtpTimestamp));
        if (_hasTransit)
        {
            int d = unchecked(transit - _transit);
            uint magnitude = d < 0 ? (uint)-(long)d : (uint)d;
            _jitterScaled = unchecked(_jitterScaled + magnitude - ((_jitterScaled + 8) >> 4));
        }

        _transit = transit;
        _hasTransit = true;
    }
}
