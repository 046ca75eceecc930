using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AesNi = System.Runtime.Intrinsics.X86.Aes;

namespace Parley.Media.Srtp;

/// <summary>AES-128 with AES-NI: key expansion, one block, and counter-mode keystream.</summary>
internal static class AesNiBlockCipher
{
    public static bool IsSupported => AesNi.IsSupported && Sse2.IsSupported;

    public static void ExpandKey(Vector128<byte> key, ref AesRoundKeys roundKeys)
    {
        // FIPS-197 §5.2 with AESKEYGENASSIST; the round constant must be an immediate.
        roundKeys[0] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x01));
        roundKeys[1] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x02));
        roundKeys[2] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x04));
        roundKeys[3] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x08));
        roundKeys[4] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x10));
        roundKeys[5] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x20));
        roundKeys[6] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x40));
        roundKeys[7] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x80));
        roundKeys[8] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x1B));
        roundKeys[9] = key;
        key = ExpandStep(key, AesNi.KeygenAssist(key, 0x36));
        roundKeys[10] = key;
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
    public static Vector128<byte> EncryptBlock(in AesRoundKeys k, Vector128<byte> b)
    {
        b ^= k[0];
        b = AesNi.Encrypt(b, k[1]);
        b = AesNi.Encrypt(b, k[2]);
        b = AesNi.Encrypt(b, k[3]);
        b = AesNi.Encrypt(b, k[4]);
        b = AesNi.Encrypt(b, k[5]);
        b = AesNi.Encrypt(b, k[6]);
        b = AesNi.Encrypt(b, k[7]);
        b = AesNi.Encrypt(b, k[8]);
        b = AesNi.Encrypt(b, k[9]);
        return AesNi.EncryptLast(b, k[10]);
    }

    /// <summary>
    /// XORs the keystream E(c), E(c + 1), … into <paramref name="data"/>, where c is
    /// <paramref name="counterBlock"/> and the increment applies to its last 32 bits, big-endian
    /// (GCM's inc32; for SRTP's AES-CM, whose low 16 bits start at zero, the same thing).
    /// </summary>
    public static void CounterModeXor(in AesRoundKeys roundKeys, Vector128<byte> counterBlock, Span<byte> data)
    {
        Vector128<byte> k0 = roundKeys[0], k1 = roundKeys[1], k2 = roundKeys[2], k3 = roundKeys[3];
        Vector128<byte> k4 = roundKeys[4], k5 = roundKeys[5], k6 = roundKeys[6], k7 = roundKeys[7];
        Vector128<byte> k8 = roundKeys[8], k9 = roundKeys[9], k10 = roundKeys[10];
        uint counter = BinaryPrimitives.ReverseEndianness(counterBlock.AsUInt32().GetElement(3));
        ref byte start = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        int offset = 0;
        Span<byte> keystream = stackalloc byte[16];

        // Four blocks at a time: AESENC has a latency of several cycles but a throughput of one or
        // two a cycle, so independent blocks interleave.
        while (length - offset >= 64)
        {
            Vector128<byte> b0 = Counter(counterBlock, counter) ^ k0;
            Vector128<byte> b1 = Counter(counterBlock, counter + 1) ^ k0;
            Vector128<byte> b2 = Counter(counterBlock, counter + 2) ^ k0;
            Vector128<byte> b3 = Counter(counterBlock, counter + 3) ^ k0;
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
            counter += 4;
        }

        while (offset < length)
        {
            Vector128<byte> b = Counter(counterBlock, counter) ^ k0;
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

            counter++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Counter(Vector128<byte> block, uint counter) =>
        block.AsUInt32().WithElement(3, BinaryPrimitives.ReverseEndianness(counter)).AsByte();

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
}
