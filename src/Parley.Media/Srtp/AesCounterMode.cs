using System.Buffers.Binary;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Parley.Media.Srtp;

/// <summary>
/// AES-128 in counter mode as SRTP uses it (RFC 3711 §4.1.1): the 16-byte counter block is an IV
/// whose low 16 bits are zero, and block j uses IV + j. AES-NI when the CPU has it (about 8× the
/// speed of <c>Aes.EncryptEcb</c> for a 100-byte payload, DESIGN.md §3), else <c>EncryptEcb</c>.
/// Not thread-safe (the fallback reuses one <see cref="System.Security.Cryptography.Aes"/>).
/// </summary>
internal sealed class AesCounterMode : IDisposable
{
    // RFC 3711 §4.1.1: the counter occupies the low 16 bits, so at most 2^16 blocks per packet.
    public const int MaxLength = 65536 * 16;
    private const int FallbackChunk = 256;

    private AesRoundKeys _roundKeys;
    private readonly System.Security.Cryptography.Aes? _fallback;

    public AesCounterMode(ReadOnlySpan<byte> key, bool useHardware = true)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("AES-128 needs a 16-byte key.", nameof(key));
        }

        if (useHardware && AesNiBlockCipher.IsSupported)
        {
            AesNiBlockCipher.ExpandKey(Vector128.Create(key), ref _roundKeys);
        }
        else
        {
            _fallback = System.Security.Cryptography.Aes.Create();
            _fallback.Key = key.ToArray();
        }
    }

    public bool UsesHardware => _fallback is null;

    /// <summary>XORs the keystream for <paramref name="iv"/> (low 16 bits zero) into <paramref name="data"/>.</summary>
    public void Transform(Vector128<byte> iv, Span<byte> data)
    {
        if ((uint)data.Length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(data), "AES-CM in SRTP covers at most 2^16 blocks.");
        }

        if (_fallback is null)
        {
            AesNiBlockCipher.CounterModeXor(_roundKeys, iv, data);
        }
        else
        {
            TransformFallback(iv, data);
        }
    }

    private void TransformFallback(Vector128<byte> iv, Span<byte> data)
    {
        Span<byte> counters = stackalloc byte[FallbackChunk];
        Span<byte> keystream = stackalloc byte[FallbackChunk];
        int block = 0;
        for (int offset = 0; offset < data.Length; offset += FallbackChunk)
        {
            int chunk = Math.Min(FallbackChunk, data.Length - offset);
            int blocks = (chunk + 15) / 16;
            for (int j = 0; j < blocks; j++)
            {
                iv.CopyTo(counters[(j * 16)..]);
                BinaryPrimitives.WriteUInt16BigEndian(counters[((j * 16) + 14)..], (ushort)(block + j));
            }

            _fallback!.EncryptEcb(counters[..(blocks * 16)], keystream, PaddingMode.None);
            Span<byte> target = data.Slice(offset, chunk);
            for (int i = 0; i < target.Length; i++)
            {
                target[i] ^= keystream[i];
            }

            block += blocks;
        }
    }

    public void Dispose()
    {
        _roundKeys = default;
        _fallback?.Dispose();
    }
}
