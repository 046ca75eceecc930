namespace Parley.Media.Srtp;

/// <summary>Per-SSRC state of one direction: RTP packet index and SRTCP index, each with its window.</summary>
internal struct SrtpStreamState
{
    public uint Ssrc;

    /// <summary>RTP: Highest is the 48-bit packet index ROC * 2^16 + s_l (RFC 3711 §3.3.1).</summary>
    public ReplayWindow Rtp;

    /// <summary>SRTCP: Highest is the 31-bit SRTCP index received.</summary>
    public ReplayWindow Rtcp;

    /// <summary>The next SRTCP index to send (RFC 3711 §3.4: starts at 0).</summary>
    public uint NextRtcpIndex;

    /// <summary>
    /// RFC 3711 Appendix A: guesses the index of a packet with sequence number <paramref name="seq"/>
    /// from the highest index so far. Returns -1 when the guess would need ROC - 1 while ROC is 0:
    /// such a packet would predate the stream (it cannot be told from a replay).
    /// </summary>
    public static long EstimateIndex(in ReplayWindow window, ushort seq)
    {
        if (!window.Initialized)
        {
            // RFC 3711 §3.3.1: ROC starts at 0 and s_l at the first packet's sequence number.
            return seq;
        }

        long roc = (long)(window.Highest >> 16);
        int sl = (ushort)window.Highest;
        long v = roc;
        if (sl < 32768)
        {
            if (seq - sl > 32768)
            {
                v = roc - 1;
            }
        }
        else if (sl - 32768 > seq)
        {
            v = roc + 1;
        }

        if (v < 0 || v > uint.MaxValue)
        {
            return -1;
        }

        return (v << 16) | seq;
    }
}
