using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace Parley.Media.Srtp;

/// <summary>
/// AES-128-GCM (NIST SP 800-38D) with a 12-byte nonce and 16-byte tag, in place. With AES-NI and
/// PCLMULQDQ it runs on our own key schedule and GHASH: <see cref="AesGcm"/> costs about 0.9 µs
/// for a 120-byte packet (DESIGN.md §3), mostly per-call setup, where this takes about an eighth
/// of that (SrtpPrimitiveBenchmarks, same run); and AesGcm reports a bad tag only by throwing,
/// which made a forged packet cost ~6 µs and 216 bytes. Without those instructions it falls back
/// to one <see cref="AesGcm"/> instance. Not thread-safe.
/// </summary>
internal sealed class Aes128Gcm : IDisposable
{
    public const int TagLength = 16;
    public const int NonceLength = 12;

    private static readonly Vector128<byte> ByteReverse =
        Vector128.Create((byte)15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);

    private AesRoundKeys _roundKeys;

    // H = E(K, 0^128), byte-reversed once so GHASH works on reversed blocks (Gueron & Kounavis,
    // "Intel Carry-Less Multiplication Instruction and its Usage for Computing the GCM Mode", §4).
    private readonly Vector128<byte> _hashKey;
    private readonly Vector128<byte> _hashKey2;
    private readonly Vector128<byte> _hashKey3;
    private readonly Vector128<byte> _hashKey4;
    private readonly AesGcm? _fallback;
    private byte[] _scratch = [];

    public Aes128Gcm(ReadOnlySpan<byte> key, bool useHardware = true)
    {
        if (key.Length != 16)
        {
            throw new ArgumentException("AES-128-GCM needs a 16-byte key.", nameof(key));
        }

        if (useHardware && IsHardwareAccelerated)
        {
            AesNiBlockCipher.ExpandKey(Vector128.Create(key), ref _roundKeys);
            _hashKey = Ssse3.Shuffle(AesNiBlockCipher.EncryptBlock(_roundKeys, Vector128<byte>.Zero), ByteReverse);
            _hashKey2 = Multiply(_hashKey, _hashKey);
            _hashKey3 = Multiply(_hashKey2, _hashKey);
            _hashKey4 = Multiply(_hashKey3, _hashKey);
        }
        else
        {
            _fallback = new AesGcm(key, TagLength);
            _scratch = new byte[2048];
        }
    }

    public static bool IsHardwareAccelerated => AesNiBlockCipher.IsSupported && Pclmulqdq.IsSupported && Ssse3.IsSupported;

    public bool UsesHardware => _fallback is null;

    public void Encrypt(ReadOnlySpan<byte> nonce, Span<byte> data, Span<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        if (_fallback is not null)
        {
            _fallback.Encrypt(nonce, data, data, tag, associatedData);
            return;
        }

        Vector128<byte> j0 = InitialCounter(nonce);
        AesNiBlockCipher.CounterModeXor(_roundKeys, Increment(j0), data);
        Vector128<byte> computed = Ghash(associatedData, data) ^ AesNiBlockCipher.EncryptBlock(_roundKeys, j0);
        computed.CopyTo(tag);
    }

    /// <summary>
    /// Checks the tag first and decrypts only an authentic packet, so a forgery leaves the buffer
    /// as it was.
    /// </summary>
    public bool TryDecrypt(ReadOnlySpan<byte> nonce, Span<byte> data, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        if (_fallback is not null)
        {
            return TryDecryptFallback(nonce, data, tag, associatedData);
        }

        Vector128<byte> j0 = InitialCounter(nonce);
        Vector128<byte> computed = Ghash(associatedData, data) ^ AesNiBlockCipher.EncryptBlock(_roundKeys, j0);
        Span<byte> expected = stackalloc byte[TagLength];
        computed.CopyTo(expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, tag[..TagLength]))
        {
            return false;
        }

        AesNiBlockCipher.CounterModeXor(_roundKeys, Increment(j0), data);
        return true;
    }

    private bool TryDecryptFallback(ReadOnlySpan<byte> nonce, Span<byte> data, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> associatedData)
    {
        // AesGcm wipes its output on a bad tag: decrypt into scratch space so the caller's buffer
        // survives a failed attempt (SrtpSession retries one ROC guess), and copy on success.
        if (_scratch.Length < data.Length)
        {
            _scratch = new byte[Math.Max(data.Length, _scratch.Length * 2)];
        }

        Span<byte> plain = _scratch.AsSpan(0, data.Length);
        try
        {
            _fallback!.Decrypt(nonce, data, tag, plain, associatedData);
        }
        catch (AuthenticationTagMismatchException)
        {
            // AesGcm reports a bad tag only by throwing.
            return false;
        }

        plain.CopyTo(data);
        return true;
    }

    /// <summary>SP 800-38D §7.1: with a 96-bit IV, J0 = IV || 0^31 || 1.</summary>
    private static Vector128<byte> InitialCounter(ReadOnlySpan<byte> nonce)
    {
        Span<byte> block = stackalloc byte[16];
        nonce[..NonceLength].CopyTo(block);
        block[12] = 0;
        block[13] = 0;
        block[14] = 0;
        block[15] = 1;
        return Vector128.Create((ReadOnlySpan<byte>)block);
    }

    private static Vector128<byte> Increment(Vector128<byte> j0) =>
        j0.AsUInt32().WithElement(3, 0x0200_0000u).AsByte();

    private Vector128<byte> Ghash(ReadOnlySpan<byte> associatedData, ReadOnlySpan<byte> ciphertext)
    {
        Vector128<byte> x = Absorb(Vector128<byte>.Zero, associatedData);
        x = Absorb(x, ciphertext);

        // The length block len(A) || len(C) in bits, byte-reversed: len(C) in the low qword.
        Vector128<byte> lengths = Vector128.Create((ulong)ciphertext.Length * 8, (ulong)associatedData.Length * 8).AsByte();
        x = Multiply(x ^ lengths, _hashKey);
        return Ssse3.Shuffle(x, ByteReverse);
    }

    private Vector128<byte> Absorb(Vector128<byte> x, ReadOnlySpan<byte> data)
    {
        ref byte start = ref MemoryMarshal.GetReference(data);
        int full = data.Length & ~15;
        int offset = 0;

        // Four blocks per reduction (the white paper's aggregated reduction):
        // X' = (X + B0)·H^4 + B1·H^3 + B2·H^2 + B3·H, the products summed before one reduction.
        while (full - offset >= 64)
        {
            nuint o = (nuint)offset;
            Vector128<byte> b0 = Ssse3.Shuffle(Vector128.LoadUnsafe(ref start, o), ByteReverse);
            Vector128<byte> b1 = Ssse3.Shuffle(Vector128.LoadUnsafe(ref start, o + 16), ByteReverse);
            Vector128<byte> b2 = Ssse3.Shuffle(Vector128.LoadUnsafe(ref start, o + 32), ByteReverse);
            Vector128<byte> b3 = Ssse3.Shuffle(Vector128.LoadUnsafe(ref start, o + 48), ByteReverse);
            CarrylessMultiply(x ^ b0, _hashKey4, out Vector128<uint> low, out Vector128<uint> high);
            CarrylessMultiply(b1, _hashKey3, out Vector128<uint> low1, out Vector128<uint> high1);
            CarrylessMultiply(b2, _hashKey2, out Vector128<uint> low2, out Vector128<uint> high2);
            CarrylessMultiply(b3, _hashKey, out Vector128<uint> low3, out Vector128<uint> high3);
            x = Reduce(low ^ low1 ^ low2 ^ low3, high ^ high1 ^ high2 ^ high3);
            offset += 64;
        }

        Vector128<byte> h = _hashKey;
        for (; offset < full; offset += 16)
        {
            Vector128<byte> block = Vector128.LoadUnsafe(ref start, (nuint)offset);
            x = Multiply(x ^ Ssse3.Shuffle(block, ByteReverse), h);
        }

        if (full < data.Length)
        {
            // The last partial block is padded with zeros.
            Span<byte> last = stackalloc byte[16];
            last.Clear();
            data[full..].CopyTo(last);
            x = Multiply(x ^ Ssse3.Shuffle(Vector128.Create((ReadOnlySpan<byte>)last), ByteReverse), h);
        }

        return x;
    }

    /// <summary>
    /// Multiplication in GF(2^128) of byte-reversed operands: a 256-bit carry-less product, shifted
    /// left by one bit for the reflected bit order, reduced modulo x^128 + x^7 + x^2 + x + 1
    /// (the white paper's Algorithm 5).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Multiply(Vector128<byte> left, Vector128<byte> right)
    {
        CarrylessMultiply(left, right, out Vector128<uint> low, out Vector128<uint> high);
        return Reduce(low, high);
    }

    /// <summary>The 256-bit carry-less product high:low, before the shift and the reduction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CarrylessMultiply(Vector128<byte> left, Vector128<byte> right, out Vector128<uint> low, out Vector128<uint> high)
    {
        Vector128<ulong> a = left.AsUInt64();
        Vector128<ulong> b = right.AsUInt64();
        low = Pclmulqdq.CarrylessMultiply(a, b, 0x00).AsUInt32();
        Vector128<uint> middle = Pclmulqdq.CarrylessMultiply(a, b, 0x10).AsUInt32()
            ^ Pclmulqdq.CarrylessMultiply(a, b, 0x01).AsUInt32();
        high = Pclmulqdq.CarrylessMultiply(a, b, 0x11).AsUInt32();
        low ^= Sse2.ShiftLeftLogical128BitLane(middle, 8);
        high ^= Sse2.ShiftRightLogical128BitLane(middle, 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> Reduce(Vector128<uint> low, Vector128<uint> high)
    {
        // Shift the 256-bit product high:low left by one bit.
        Vector128<uint> lowCarry = Sse2.ShiftRightLogical(low, 31);
        Vector128<uint> highCarry = Sse2.ShiftRightLogical(high, 31);
        low = Sse2.ShiftLeftLogical(low, 1);
        high = Sse2.ShiftLeftLogical(high, 1);
        Vector128<uint> crossCarry = Sse2.ShiftRightLogical128BitLane(lowCarry, 12);
        highCarry = Sse2.ShiftLeftLogical128BitLane(highCarry, 4);
        lowCarry = Sse2.ShiftLeftLogical128BitLane(lowCarry, 4);
        low |= lowCarry;
        high |= highCarry | crossCarry;

        // Reduce: first phase.
        Vector128<uint> t = Sse2.ShiftLeftLogical(low, 31) ^ Sse2.ShiftLeftLogical(low, 30) ^ Sse2.ShiftLeftLogical(low, 25);
        Vector128<uint> carried = Sse2.ShiftRightLogical128BitLane(t, 4);
        low ^= Sse2.ShiftLeftLogical128BitLane(t, 12);

        // Second phase.
        Vector128<uint> u = Sse2.ShiftRightLogical(low, 1) ^ Sse2.ShiftRightLogical(low, 2) ^ Sse2.ShiftRightLogical(low, 7) ^ carried;
        low ^= u;
        return (high ^ low).AsByte();
    }

    public void Dispose()
    {
        _roundKeys = default;
        _fallback?.Dispose();
    }
}
