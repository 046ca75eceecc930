using System.Buffers.Binary;

namespace Parley.Client.Audio;

/// <summary>Minimal RIFF/WAVE reading and writing for 16-bit PCM mono (fake microphones, test tones).</summary>
public static class WavFile
{
    /// <summary>Writes 16-bit PCM mono samples as a canonical 44-byte-header WAV file.</summary>
    public static void WriteMono16(string path, ReadOnlySpan<short> samples, int sampleRate = 48_000)
    {
        var data = samples.Length * 2;
        var bytes = new byte[44 + data];
        var b = bytes.AsSpan();
        "RIFF"u8.CopyTo(b);
        BinaryPrimitives.WriteInt32LittleEndian(b[4..], 36 + data);
        "WAVEfmt "u8.CopyTo(b[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(b[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(b[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(b[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(b[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(b[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(b[34..], 16);
        "data"u8.CopyTo(b[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(b[40..], data);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(b[(44 + (i * 2))..], samples[i]);
        }
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Reads a 16-bit PCM WAV file; a stereo file is reduced to its first channel.</summary>
    public static (short[] Samples, int SampleRate) ReadMono16(string path)
    {
        var b = File.ReadAllBytes(path).AsSpan();
        if (b.Length < 12 || !b[..4].SequenceEqual("RIFF"u8) || !b[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a RIFF/WAVE file.");
        }
        int sampleRate = 0, channels = 1, bits = 0;
        var offset = 12;
        while (offset + 8 <= b.Length)
        {
            var id = b.Slice(offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(b[(offset + 4)..]);
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                channels = BinaryPrimitives.ReadInt16LittleEndian(b[(body + 2)..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(b[(body + 4)..]);
                bits = BinaryPrimitives.ReadInt16LittleEndian(b[(body + 14)..]);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (bits != 16)
                {
                    throw new InvalidDataException($"{path}: only 16-bit PCM is supported, not {bits}-bit.");
                }
                size = Math.Min(size, b.Length - body);
                var frames = size / (2 * channels);
                var samples = new short[frames];
                for (var i = 0; i < frames; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(b[(body + (i * 2 * channels))..]);
                }
                return (samples, sampleRate);
            }
            offset = body + size + (size & 1);
        }
        throw new InvalidDataException($"{path} has no data chunk.");
    }
}
