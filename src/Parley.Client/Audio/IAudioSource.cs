namespace Parley.Client.Audio;

/// <summary>Where a publishing peer gets its microphone audio: 48 kHz mono 16-bit PCM.</summary>
public interface IAudioSource
{
    /// <summary>Fills the next frame; called every 20 ms by the publisher.</summary>
    void ReadFrame(Span<short> frame);
}

/// <summary>A sine tone as the microphone.</summary>
public sealed class ToneSource(double frequency, double amplitude = 0.5) : IAudioSource
{
    private readonly ToneGenerator _generator = new(frequency, 48_000, amplitude);

    /// <inheritdoc />
    public void ReadFrame(Span<short> frame) => _generator.Fill(frame);
}

/// <summary>A WAV file (16-bit PCM, 48 kHz) played in a loop as the microphone.</summary>
public sealed class WavSource : IAudioSource
{
    private readonly short[] _samples;
    private int _position;

    /// <param name="path">A 16-bit PCM WAV file at 48 kHz.</param>
    public WavSource(string path)
    {
        var (samples, sampleRate) = WavFile.ReadMono16(path);
        if (sampleRate != 48_000)
        {
            throw new InvalidDataException($"{path} is {sampleRate} Hz; the publisher needs 48 kHz.");
        }
        _samples = samples.Length > 0 ? samples : new short[960];
    }

    /// <inheritdoc />
    public void ReadFrame(Span<short> frame)
    {
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = _samples[_position];
            _position = (_position + 1) % _samples.Length;
        }
    }
}
