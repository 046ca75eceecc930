using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using AesNi = System.Runtime.Intrinsics.X86.Aes;

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

        if (useHardware && IsHardwareAccelerated)
        {
            ExpandKey(Vector128.Create(key));
        }
        else
        {
            _fallback = System.Security.Cryptography.Aes.Create();
            _fallback.Key = key.ToArray();
        }
    }

    public static bool IsHardwareAccelerated => AesNi.IsSupported && Sse2.IsSupported;

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
            TransformHardware(iv, data);
        }
        else
        {
            TransformFallback(iv, data);
        }
    }

    private void ExpandKey(Vector128<byte> key)
    {
        // FIPS-197 §5.2 key expansion with AESKEYGENASSIST; the round constant must be an immediate.
        _roundKeys[0] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x01));
        _roundKeys[1] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x02));
        _roundKeys[2] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x04));
        _roundKeys[3] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x08));
        _roundKeys[4] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x10));
        _roundKeys[5] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x20));
        _roundKeys[6] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x40));
        _roundKeys[7] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x80));
        _roundKeys[8] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x1B));
        _roundKeys[9] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x36));
        _roundKeys[10] = key;
    }

    private static Vector128<byte> ExpandStep(Vector128<byte> key, Vector128<byte> assist)
    {
        assist = Sse2.Shuffle(assist.AsUInt32(), 0xFF).AsByte();
        key = Sse2.Xor(key, Sse2.ShiftLeftLogical128BitLane(key, 4));
        key = Sse2.Xor(key, Sse2.ShiftLeftLogical128BitLane(key, 4));
        key = Sse2.Xor(key, Sse2.ShiftLeftLogical128BitLane(key, 4));
        return Sse2.Xor(key, assist);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Counter(Vector128<byte> iv, int block) =>
        iv.AsUInt16().WithElement(7, BinaryPrimitives.ReverseEndianness((ushort)block)).AsByte();

    private void TransformHardware(Vector128<byte> iv, Span<byte> data)
    {
        Vector128<byte> k0 = _roundKeys[0], k1 = _roundKeys[1], k2 = _roundKeys[2], k3 = _roundKeys[3];
        Vector128<byte> k4 = _roundKeys[4], k5 = _roundKeys[5], k6 = _roundKeys[6], k7 = _roundKeys[7];
        Vector128<byte> k8 = _roundKeys[8], k9 = _roundKeys[9], k10 = _roundKeys[10];
        ref byte start = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        int offset = 0;
        int block = 0;
        Span<byte> keystream = stackalloc byte[16];

        // Four blocks at a time: AESENC has a latency of several cycles but a throughput of one or
        // two a cycle, so independent blocks interleave.
        while (length - offset >= 64)
        {
            Vector128<byte> b0 = Counter(iv, block) ^ k0;
            Vector128<byte> b1 = Counter(iv, block + 1) ^ k0;
            Vector128<byte> b2 = Counter(iv, block + 2) ^ k0;
            Vector128<byte> b3 = Counter(iv, block + 3) ^ k0;
            Round4(ref b0, ref b1, ref b2, ref b3, k1);
            Round4(ref b0, ref b1, ref b2, ref b3, k2);
            Round4(ref b0, ref b1, ref b2, ref b3, k3);
            Round4(ref b0, ref b1, ref b2, ref b3, k4);
            Round4(ref b0, ref b1, ref b2, ref b3, k5);
            Round4(ref b0, ref b1, ref b2, ref b3, k6);
            Round4(ref b0, ref b1, ref b2, ref b3, k7);
            Round4(ref b0, ref b1, ref b2, ref b3, k8);
            Round4(ref b0, ref b1, ref b2, ref b3, k9);
            b0 = AesNi.EncryptLast(b0, k10);
            b1 = AesNi.EncryptLast(b1, k10);
            b2 = AesNi.EncryptLast(b2, k10);
            b3 = AesNi.EncryptLast(b3, k10);
            nuint o = (nuint)offset;
            (Vector128.LoadUnsafe(ref start, o) ^ b0).StoreUnsafe(ref start, o);
            (Vector128.LoadUnsafe(ref start, o + 16) ^ b1).StoreUnsafe(ref start, o + 16);
            (Vector128.LoadUnsafe(ref start, o + 32) ^ b2).StoreUnsafe(ref start, o + 32);
            (Vector128.LoadUnsafe(ref start, o + 48) ^ b3).StoreUnsafe(ref start, o + 48);
            offset += 64;
            block += 4;
        }

        while (offset < length)
        {
            Vector128<byte> b = Counter(iv, block) ^ k0;
            b = AesNi.Encrypt(b, k1);
            b = AesNi.Encrypt(b, k2);
            b = AesNi.Encrypt(b, k3);
            b = AesNi.Encrypt(b, k4);
            b = AesNi.Encrypt(b, k5);
            b = AesNi.Encrypt(b, k6);
            b = AesNi.Encrypt(b, k7);
            b = AesNi.Encrypt(b, k8);
            b = AesNi.Encrypt(b, k9);
            b = AesNi.EncryptLast(b, k10);
            int remaining = length - offset;
            if (remaining >= 16)
            {
                nuint o = (nuint)offset;
                (Vector128.LoadUnsafe(ref start, o) ^ b).StoreUnsafe(ref start, o);
                offset += 16;
            }
            else
            {
                b.CopyTo(keystream);
                for (int i = 0; i < remaining; i++)
                {
                    Unsafe.Add(ref start, offset + i) ^= keystream[i];
                }

                offset = length;
            }

            block++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round4(
        ref Vector128<byte> b0,
        ref Vector128<byte> b1,
        ref Vector128<byte> b2,
        ref Vector128<byte> b3,
        Vector128<byte> key)
    {
        b0 = AesNi.Encrypt(b0, key);
        b1 = AesNi.Encrypt(b1, key);
        b2 = AesNi.Encrypt(b2, key);
        b3 = AesNi.Encrypt(b3, key);
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
                Counter(iv, block + j).CopyTo(counters[(j * 16)..]);
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

    public void Dispose() => _fallback?.Dispose();
}
