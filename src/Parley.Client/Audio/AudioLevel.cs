namespace Parley.Client.Audio;

/// <summary>The RFC 6464 audio level of a frame of PCM.</summary>
public static class AudioLevel
{
    /// <summary>
    /// RFC 6464 §3: the level is the frame's RMS in -dBov, 0 (full scale) to 127 (silence or quieter).
    /// </summary>
    public static byte FromPcm(ReadOnlySpan<short> samples)
    {
        var rms = FrequencyDetector.Rms(samples) / 32768.0;
        if (rms <= 0)
        {
            return 127;
        }
        var dbov = 20 * Math.Log10(rms);
        return (byte)Math.Clamp((int)Math.Round(-dbov), 0, 127);
    }
}
