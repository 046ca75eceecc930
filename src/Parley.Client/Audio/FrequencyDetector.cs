namespace Parley.Client.Audio;

/// <summary>Finds which frequency dominates a stretch of PCM, with the Goertzel algorithm.</summary>
public static class FrequencyDetector
{
    /// <summary>
    /// Power of one frequency in the samples (Goertzel: one DFT bin, O(n), no FFT needed for the
    /// handful of tones a test listens for).
    /// </summary>
    public static double Power(ReadOnlySpan<short> samples, double frequency, int sampleRate = 48_000)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / sampleRate);
        double s1 = 0, s2 = 0;
        foreach (var sample in samples)
        {
            var s0 = sample + (coefficient * s1) - s2;
            s2 = s1;
            s1 = s0;
        }
        return (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);
    }

    /// <summary>The strongest frequency between <paramref name="minHz"/> and <paramref name="maxHz"/>, by steps of <paramref name="stepHz"/>.</summary>
    public static double DominantFrequency(ReadOnlySpan<short> samples, int sampleRate = 48_000, double minHz = 100, double maxHz = 4000, double stepHz = 5)
    {
        var best = 0.0;
        var bestPower = -1.0;
        for (var f = minHz; f <= maxHz; f += stepHz)
        {
            var power = Power(samples, f, sampleRate);
            if (power > bestPower)
            {
                bestPower = power;
                best = f;
            }
        }
        return best;
    }

    /// <summary>
    /// True when the signal is not silence (RMS at least <paramref name="minRms"/>) and its
    /// dominant frequency is within 15 Hz of <paramref name="frequency"/>.
    /// </summary>
    public static bool Contains(ReadOnlySpan<short> samples, double frequency, int sampleRate = 48_000, double minRms = 300)
    {
        if (Rms(samples) < minRms)
        {
            return false;
        }
        var dominant = DominantFrequency(samples, sampleRate, 100, 4000, 10);
        return Math.Abs(dominant - frequency) <= 15;
    }

    /// <summary>Root mean square of the samples (full scale 32767).</summary>
    public static double Rms(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return 0;
        }
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }
        return Math.Sqrt(sum / samples.Length);
    }
}
