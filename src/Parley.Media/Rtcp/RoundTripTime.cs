namespace Parley.Media.Rtcp;

/// <summary>Round-trip time from a report block about our stream (RFC 3550 §6.4.1).</summary>
public static class RoundTripTime
{
    /// <summary>
    /// RTT = A - LSR - DLSR in NTP short format, where A is when the report arrived. False when the
    /// peer has had no SR from us yet (LSR 0) or the figures give a negative time (clock or
    /// report errors).
    /// </summary>
    public static bool TryCompute(uint arrivalNtpShort, uint lastSenderReport, uint delaySinceLastSenderReport, out TimeSpan roundTripTime)
    {
        roundTripTime = TimeSpan.Zero;
        if (lastSenderReport == 0)
        {
            return false;
        }

        uint rtt = unchecked(arrivalNtpShort - lastSenderReport - delaySinceLastSenderReport);
        if ((int)rtt < 0)
        {
            return false;
        }

        roundTripTime = NtpTime.ShortToDuration(rtt);
        return true;
    }

    public static bool TryCompute(uint arrivalNtpShort, in RtcpReportBlock block, out TimeSpan roundTripTime) =>
        TryCompute(arrivalNtpShort, block.LastSenderReport, block.DelaySinceLastSenderReport, out roundTripTime);
}
