using Parley.Client.Audio;

namespace Parley.Media.Tests.EndToEnd;

/// <summary>The tone generator, detector, level and WAV helpers the end-to-end tests rely on.</summary>
public sealed class AudioUtilitiesTests
{
    [Theory]
    [InlineData(440)]
    [InlineData(880)]
    [InlineData(1200)]
    public void TheDetectorFindsTheGeneratedTone(double frequency)
    {
        var tone = ToneGenerator.Generate(frequency, TimeSpan.FromMilliseconds(500));
        Assert.InRange(FrequencyDetector.DominantFrequency(tone, 48_000, 100, 2000, 10), frequency - 10, frequency + 10);
        Assert.True(FrequencyDetector.Contains(tone, frequency));
        Assert.False(FrequencyDetector.Contains(tone, frequency * 1.5));
    }

    [Fact]
    public void TheDetectorHearsNothingInSilence() =>
        Assert.False(FrequencyDetector.Contains(new short[24_000], 440));

    [Fact]
    public void TheAudioLevelFollowsRfc6464()
    {
        // A full-scale sine has an RMS of -3 dBov; -20 dB more for a tenth of the amplitude.
        Assert.Equal(3, AudioLevel.FromPcm(ToneGenerator.Generate(440, TimeSpan.FromMilliseconds(20), amplitude: 1.0)));
        Assert.Equal(23, AudioLevel.FromPcm(ToneGenerator.Generate(440, TimeSpan.FromMilliseconds(20), amplitude: 0.1)));
        Assert.Equal(127, AudioLevel.FromPcm(new short[960]));
    }

    [Fact]
    public void AWavFileRoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-wav-{Guid.NewGuid():N}.wav");
        try
        {
            var tone = ToneGenerator.Generate(440, TimeSpan.FromMilliseconds(100));
            WavFile.WriteMono16(path, tone);
            var (samples, rate) = WavFile.ReadMono16(path);
            Assert.Equal(48_000, rate);
            Assert.Equal(tone, samples);
            Assert.Equal(44 + tone.Length * 2, new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
