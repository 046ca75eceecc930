namespace Parley.Client.Audio;

/// <summary>A continuous sine tone in 16-bit PCM, phase kept across frames (no clicks between frames).</summary>
public sealed class ToneGenerator
{
    private readonly double _step;
    private readonly double _amplitude;
    private double _phase;

    /// <param name="frequency">Tone frequency in Hz.</param>
    /// <param name="sampleRate">Samples per second.</param>
    /// <param name="amplitude">Peak as a fraction of full scale (0–1).</param>
    public ToneGenerator(double frequency, int sampleRate = 48_000, double amplitude = 0.5)
    {
        Frequency = frequency;
        _step = 2 * Math.PI * frequency / sampleRate;
        _amplitude = amplitude * short.MaxValue;
    }

    /// <summary>The tone's frequency in Hz.</summary>
    public double Frequency { get; }

    /// <summary>Writes the next <c>destination.Length</c> samples.</summary>
    public void Fill(Span<short> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (short)(Math.Sin(_phase) * _amplitude);
            _phase += _step;
        }
        _phase %= 2 * Math.PI;
    }

    /// <summary>A whole tone of the given duration.</summary>
    public static short[] Generate(double frequency, TimeSpan duration, int sampleRate = 48_000, double amplitude = 0.5)
    {
        var samples = new short[(int)(duration.TotalSeconds * sampleRate)];
        new ToneGenerator(frequency, sampleRate, amplitude).Fill(samples);
        return samples;
    }
}
