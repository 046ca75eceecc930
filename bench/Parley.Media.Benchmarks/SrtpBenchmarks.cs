using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Parley.Media.Rtp;
using Parley.Media.Srtp;

namespace Parley.Media.Benchmarks;

/// <summary>
/// Protect and unprotect one audio packet in place: 12-byte header + one-byte-form audio-level
/// extension (8 bytes) + 100-byte Opus payload = 120 bytes. Each operation first copies the
/// 120 (or 130/136) bytes into the working buffer, since the transform is in place.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SrtpBenchmarks
{
    private readonly byte[] _buffer = new byte[1500];
    private byte[] _plain = [];
    private byte[] _protected = [];
    private SrtpSession _sender = null!;
    private SrtpSession _receiver = null!;

    [Params(SrtpProfile.AeadAes128Gcm, SrtpProfile.AesCm128HmacSha1_80)]
    public SrtpProfile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        byte[] key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        byte[] salt = Enumerable.Range(0x40, SrtpSession.MasterSaltLength(Profile)).Select(i => (byte)i).ToArray();
        _sender = SrtpSession.Create(Profile, key, salt);
        _receiver = SrtpSession.Create(Profile, key, salt);
        var payload = new byte[100];
        new Random(42).NextBytes(payload);
        int length = RtpWriter.Write(_buffer, 111, false, 1000, 960_000, 0x1234_5678, 1, 40, true, payload);
        _plain = _buffer[..length];
        _sender.TryProtectRtp(_buffer, length, out int protectedLength);
        _protected = _buffer[..protectedLength];
        if (_receiver.UnprotectRtp(_buffer, protectedLength, out _) != SrtpError.None)
        {
            throw new InvalidOperationException("The benchmark packet does not round-trip.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.Dispose();
        _receiver.Dispose();
    }

    [Benchmark]
    public int ProtectRtp()
    {
        // Same packet every time: forget that its index was used, or protect refuses it.
        _sender.ClearReplayBits();
        _plain.CopyTo(_buffer, 0);
        _sender.TryProtectRtp(_buffer, _plain.Length, out int length);
        return length;
    }

    [Benchmark]
    public int UnprotectRtp()
    {
        // Same packet every time: forget the replay bit so it takes the normal in-window path.
        _receiver.ClearReplayBits();
        _protected.CopyTo(_buffer, 0);
        _receiver.UnprotectRtp(_buffer, _protected.Length, out int length);
        return length;
    }

    [Benchmark]
    public int UnprotectForgedRtp()
    {
        _receiver.ClearReplayBits();
        _protected.CopyTo(_buffer, 0);
        _buffer[30] ^= 1;
        _receiver.UnprotectRtp(_buffer, _protected.Length, out int length);
        return length;
    }
}

/// <summary>
/// The primitives under the profiles, side by side in one run so a busy machine slows them alike:
/// .NET's AesGcm against our AES-NI + PCLMULQDQ GCM, and the reused IncrementalHash HMAC-SHA1,
/// on the 120-byte packet (20-byte header as associated data, 100-byte payload).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class SrtpPrimitiveBenchmarks
{
    private readonly byte[] _packet = new byte[136];
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _digest = new byte[20];
    private AesGcm _dotNetGcm = null!;
    private Aes128Gcm _ourGcm = null!;
    private IncrementalHash _hmac = null!;

    [GlobalSetup]
    public void Setup()
    {
        byte[] key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        _dotNetGcm = new AesGcm(key, 16);
        _ourGcm = new Aes128Gcm(key);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, new byte[20]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _dotNetGcm.Dispose();
        _ourGcm.Dispose();
        _hmac.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void DotNetAesGcmEncrypt()
    {
        Span<byte> payload = _packet.AsSpan(20, 100);
        _dotNetGcm.Encrypt(_nonce, payload, payload, _packet.AsSpan(120, 16), _packet.AsSpan(0, 20));
    }

    [Benchmark]
    public void OurAesGcmEncrypt() =>
        _ourGcm.Encrypt(_nonce, _packet.AsSpan(20, 100), _packet.AsSpan(120, 16), _packet.AsSpan(0, 20));

    [Benchmark]
    public int IncrementalHashHmacSha1()
    {
        _hmac.AppendData(_packet.AsSpan(0, 120));
        _hmac.AppendData(_nonce.AsSpan(0, 4));
        return _hmac.GetHashAndReset(_digest);
    }
}
