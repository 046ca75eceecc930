using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Parley.Media.Srtp;

/// <summary>
/// SRTP and SRTCP (RFC 3711; AEAD_AES_128_GCM per RFC 7714) for one direction of one peer: a session
/// either protects what we send or unprotects what we receive, for up to <see cref="MaxSsrcs"/>
/// SSRCs. Packets are transformed in place and nothing is allocated per packet. Not thread-safe:
/// the owner calls it, RTP and RTCP alike, from one thread at a time.
/// </summary>
public sealed partial class SrtpSession : IDisposable
{
    /// <summary>SSRCs one session tracks; packets of further SSRCs are refused.</summary>
    public const int MaxSsrcs = 16;

    public const int MasterKeyLength = 16;
    private const int HmacTagLength = 10;
    private const int GcmTagLength = 16;
    private const int SrtcpIndexLength = 4;
    private const int RtcpHeaderLength = 8;
    private const uint SrtcpEncryptedFlag = 0x8000_0000;
    private const uint SrtcpIndexMask = 0x7FFF_FFFF;

    private readonly Aes128Gcm? _rtpGcm;
    private readonly Aes128Gcm? _rtcpGcm;
    private readonly AesCounterMode? _rtpCipher;
    private readonly AesCounterMode? _rtcpCipher;
    private readonly IncrementalHash? _rtpHmac;
    private readonly IncrementalHash? _rtcpHmac;

    // Session salts, zero-padded to 16 bytes so IVs are one vector XOR away.
    private readonly Vector128<byte> _rtpSalt;
    private readonly Vector128<byte> _rtcpSalt;
    private readonly int _rtpTagLength;
    private readonly int _rtcpOverhead;

    private readonly SrtpStreamState[] _streams = new SrtpStreamState[MaxSsrcs];
    private int _streamCount;

    private SrtpSession(SrtpProfile profile, in SessionKeys keys, bool useHardwareAes)
    {
        Profile = profile;
        _rtpSalt = PadSalt(keys.RtpSalt);
        _rtcpSalt = PadSalt(keys.RtcpSalt);
        _rtpTagLength = RtpOverhead(profile);
        _rtcpOverhead = RtcpOverhead(profile);
        if (profile == SrtpProfile.AeadAes128Gcm)
        {
            _rtpGcm = new Aes128Gcm(keys.RtpKey, useHardwareAes);
            _rtcpGcm = new Aes128Gcm(keys.RtcpKey, useHardwareAes);
        }
        else
        {
            _rtpCipher = new AesCounterMode(keys.RtpKey, useHardwareAes);
            _rtcpCipher = new AesCounterMode(keys.RtcpKey, useHardwareAes);
            _rtpHmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, keys.RtpAuthKey);
            _rtcpHmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, keys.RtcpAuthKey);
        }
    }

    public SrtpProfile Profile { get; }

    /// <summary>SSRCs seen so far (protected, or unprotected with a valid tag).</summary>
    public int SsrcCount => _streamCount;

    /// <summary>
    /// Creates a session from the master key and salt that DTLS-SRTP exported (RFC 5764 §4.2):
    /// 16-byte key; 14-byte salt for AES_CM_128_HMAC_SHA1_80, 12-byte salt for AEAD_AES_128_GCM.
    /// </summary>
    public static SrtpSession Create(SrtpProfile profile, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt) =>
        Create(profile, masterKey, masterSalt, useHardwareAes: true);

    internal static SrtpSession Create(SrtpProfile profile, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, bool useHardwareAes)
    {
        if (masterKey.Length != MasterKeyLength)
        {
            throw new ArgumentException($"An SRTP master key is {MasterKeyLength} bytes.", nameof(masterKey));
        }

        if (masterSalt.Length != MasterSaltLength(profile))
        {
            throw new ArgumentException($"{profile} needs a {MasterSaltLength(profile)}-byte master salt.", nameof(masterSalt));
        }

        int saltLength = masterSalt.Length;
        Span<byte> material = stackalloc byte[(16 + 20 + 14) * 2];
        Span<byte> rtpKey = material[..16];
        Span<byte> rtpAuth = material.Slice(16, 20);
        Span<byte> rtpSalt = material.Slice(36, saltLength);
        Span<byte> rtcpKey = material.Slice(50, 16);
        Span<byte> rtcpAuth = material.Slice(66, 20);
        Span<byte> rtcpSalt = material.Slice(86, saltLength);
        try
        {
            using (var prf = new AesCounterMode(masterKey, useHardwareAes))
            {
                SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpEncryption, rtpKey);
                SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpSalt, rtpSalt);
                SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtcpEncryption, rtcpKey);
                SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtcpSalt, rtcpSalt);
                if (profile == SrtpProfile.AesCm128HmacSha1_80)
                {
                    SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtpAuthentication, rtpAuth);
                    SrtpKeyDerivation.Derive(prf, masterSalt, SrtpKeyDerivation.RtcpAuthentication, rtcpAuth);
                }
            }

            var keys = new SessionKeys(rtpKey, rtpSalt, rtpAuth, rtcpKey, rtcpSalt, rtcpAuth);
            return new SrtpSession(profile, keys, useHardwareAes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>A session from session keys given directly (the RFC 7714 vectors give no master key).</summary>
    internal static SrtpSession CreateFromSessionKeys(SrtpProfile profile, in SessionKeys keys, bool useHardwareAes = true) =>
        new(profile, keys, useHardwareAes);

    public static int MasterSaltLength(SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 => 14,
        SrtpProfile.AeadAes128Gcm => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
    };

    /// <summary>Bytes SRTP adds to an RTP packet: the authentication tag.</summary>
    public static int RtpOverhead(SrtpProfile profile) => profile switch
    {
        SrtpProfile.AesCm128HmacSha1_80 => HmacTagLength,
        SrtpProfile.AeadAes128Gcm => GcmTagLength,
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unsupported SRTP profile."),
    };

    /// <summary>Bytes SRTCP adds to an RTCP packet: the E flag and index plus the tag.</summary>
    public static int RtcpOverhead(SrtpProfile profile) => RtpOverhead(profile) + SrtcpIndexLength;

    /// <summary>The most either transform adds: the room to leave after a packet before protecting it.</summary>
    public static int MaxOverhead(SrtpProfile profile) => RtcpOverhead(profile);

    /// <summary>
    /// Forgets an SSRC (a stream that ended), freeing its place in the table. A packet of it seen
    /// later starts over as a new stream, ROC 0 and an empty replay window, so only do this for a
    /// stream that will not come back under the same keys (a sender would repeat packet indices,
    /// and with them GCM IVs; a receiver would accept replays of its old packets).
    /// </summary>
    public bool RemoveSsrc(uint ssrc)
    {
        int slot = FindStream(ssrc);
        if (slot < 0)
        {
            return false;
        }

        _streamCount--;
        _streams[slot] = _streams[_streamCount];
        _streams[_streamCount] = default;
        return true;
    }

    /// <summary>Sets the next SRTCP index for an SSRC (tests replaying the RFC vectors).</summary>
    internal void SetNextRtcpIndex(uint ssrc, uint index)
    {
        int slot = FindOrAddStream(ssrc);
        _streams[slot].NextRtcpIndex = index & SrtcpIndexMask;
    }

    /// <summary>Forgets which indices were received (benchmarks replay one packet).</summary>
    internal void ClearReplayBits()
    {
        for (int i = 0; i < _streamCount; i++)
        {
            _streams[i].Rtp.Bits = 0;
            _streams[i].Rtcp.Bits = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int FindStream(uint ssrc)
    {
        SrtpStreamState[] streams = _streams;
        int count = _streamCount;
        for (int i = 0; i < count; i++)
        {
            if (streams[i].Ssrc == ssrc)
            {
                return i;
            }
        }

        return -1;
    }

    private int FindOrAddStream(uint ssrc)
    {
        int slot = FindStream(ssrc);
        if (slot < 0 && _streamCount < MaxSsrcs)
        {
            slot = _streamCount++;
            _streams[slot] = new SrtpStreamState { Ssrc = ssrc };
        }

        return slot;
    }

    private void AddStream(in SrtpStreamState state)
    {
        if (_streamCount < MaxSsrcs)
        {
            _streams[_streamCount++] = state;
        }
    }

    private static Vector128<byte> PadSalt(ReadOnlySpan<byte> salt)
    {
        Span<byte> padded = stackalloc byte[16];
        padded.Clear();
        salt.CopyTo(padded);
        return Vector128.Create((ReadOnlySpan<byte>)padded);
    }

    /// <summary>
    /// RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16): SSRC in octets 4–7,
    /// the 48-bit index in octets 8–13, the block counter in 14–15.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> CounterModeIv(Vector128<byte> salt, uint ssrc, ulong index)
    {
        ulong low = (ulong)BinaryPrimitives.ReverseEndianness(ssrc) << 32;
        ulong high = BinaryPrimitives.ReverseEndianness(index << 16);
        return Vector128.Create(low, high).AsByte() ^ salt;
    }

    /// <summary>
    /// RFC 7714 §8.1 (SRTP) and §9.1 (SRTCP): the 12-octet IV is the salt XOR
    /// 00 00 || SSRC || 48 bits that follow; <paramref name="tail"/> goes in octets 6–11.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GcmNonce(Vector128<byte> salt, uint ssrc, ulong tail, Span<byte> nonce16)
    {
        ulong low = ((ulong)BinaryPrimitives.ReverseEndianness(ssrc) << 16) | ((ulong)BinaryPrimitives.ReverseEndianness((ushort)(tail >> 32)) << 48);
        ulong high = BinaryPrimitives.ReverseEndianness((uint)tail);
        (Vector128.Create(low, high).AsByte() ^ salt).CopyTo(nonce16);
    }

    public void Dispose()
    {
        _rtpGcm?.Dispose();
        _rtcpGcm?.Dispose();
        _rtpCipher?.Dispose();
        _rtcpCipher?.Dispose();
        _rtpHmac?.Dispose();
        _rtcpHmac?.Dispose();
    }
}
