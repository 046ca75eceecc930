using System.Buffers.Binary;
using System.Security.Cryptography;
using Parley.Media.Rtp;

namespace Parley.Media.Srtp;

public sealed partial class SrtpSession
{
    /// <summary>Sequence numbers below this on a new SSRC may already be past a wrap.</summary>
    private const ulong EarlyWrapSequenceLimit = 0x1000;

    /// <summary>
    /// Protects the RTP packet in <paramref name="buffer"/>[..<paramref name="length"/>] in place and
    /// appends the tag, so the buffer needs <see cref="RtpOverhead"/> bytes of room after the packet.
    /// Returns false for a malformed header, too little room, a new SSRC beyond <see cref="MaxSsrcs"/>,
    /// or a packet index already protected (the same sequence number again, or one more than 64
    /// behind the highest).
    /// </summary>
    public bool TryProtectRtp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if ((uint)length > (uint)buffer.Length
            || buffer.Length - length < _rtpTagLength
            || !RtpHeader.TryGetHeaderLength(buffer[..length], out int headerLength))
        {
            return false;
        }

        uint ssrc = RtpHeader.ReadSsrc(buffer);
        int slot = FindOrAddStream(ssrc);
        if (slot < 0)
        {
            return false;
        }

        ref SrtpStreamState stream = ref _streams[slot];
        long estimated = SrtpStreamState.EstimateIndex(stream.Rtp, RtpHeader.ReadSequenceNumber(buffer));
        if (estimated < 0 || stream.Rtp.IsReplayed((ulong)estimated))
        {
            // Never protect one index twice: with GCM a repeated IV leaks the keystream and the
            // hash key (RFC 7714 §8.1 requires unique IVs); libsrtp refuses it too, unless told
            // to allow retransmissions.
            return false;
        }

        // The sender keeps its ROC the same way the receiver estimates it (RFC 3711 §3.3.1), which
        // holds as long as consecutive sequence numbers never jump by 2^15 or more.
        ulong index = (ulong)estimated;
        if (_rtpGcm is not null)
        {
            Span<byte> nonce = stackalloc byte[16];
            GcmNonce(_rtpSalt, ssrc, index, nonce);
            Span<byte> payload = buffer[headerLength..length];
            _rtpGcm.Encrypt(nonce[..12], payload, buffer.Slice(length, GcmTagLength), buffer[..headerLength]);
        }
        else
        {
            _rtpCipher!.Transform(CounterModeIv(_rtpSalt, ssrc, index), buffer[headerLength..length]);
            Span<byte> digest = stackalloc byte[20];
            RtpHmac(buffer[..length], (uint)(index >> 16), digest);
            digest[..HmacTagLength].CopyTo(buffer[length..]);
        }

        stream.Rtp.Accept(index);
        protectedLength = length + _rtpTagLength;
        return true;
    }

    /// <summary>
    /// Authenticates and decrypts the SRTP packet in place. The replay window and ROC move only when
    /// the tag is valid; a new SSRC is remembered only then too. On any error the buffer is left as
    /// it was.
    /// </summary>
    public SrtpError UnprotectRtp(Span<byte> buffer, int length, out int plainLength)
    {
        plainLength = 0;
        if ((uint)length > (uint)buffer.Length)
        {
            return SrtpError.Malformed;
        }

        int tagLength = _rtpTagLength;
        if (length < RtpHeader.FixedLength + tagLength)
        {
            return SrtpError.TooShort;
        }

        int authenticatedLength = length - tagLength;
        if (!RtpHeader.TryGetHeaderLength(buffer[..authenticatedLength], out int headerLength))
        {
            return SrtpError.Malformed;
        }

        uint ssrc = RtpHeader.ReadSsrc(buffer);
        int slot = FindStream(ssrc);
        if (slot < 0 && _streamCount >= MaxSsrcs)
        {
            return SrtpError.TooManySsrcs;
        }

        var fresh = new SrtpStreamState { Ssrc = ssrc };
        ref SrtpStreamState stream = ref slot >= 0 ? ref _streams[slot] : ref fresh;
        long estimated = SrtpStreamState.EstimateIndex(stream.Rtp, RtpHeader.ReadSequenceNumber(buffer));
        if (estimated < 0 || stream.Rtp.IsReplayed((ulong)estimated))
        {
            return SrtpError.Replayed;
        }

        ulong index = (ulong)estimated;
        bool authentic = TryAuthenticateAndDecrypt(buffer, headerLength, authenticatedLength, ssrc, index);
        if (!authentic && !stream.Rtp.Initialized && index < EarlyWrapSequenceLimit)
        {
            // The first packet we see of this SSRC has a small sequence number: the sender may
            // have wrapped already (it started near 65535 and those first packets were lost), so
            // its ROC is 1 where RFC 3711 §3.3.1 has us assume 0. One more guess costs a forger a
            // second tag check, only for a new SSRC; neither transform touches the buffer unless
            // the tag is valid.
            index |= 1UL << 16;
            authentic = TryAuthenticateAndDecrypt(buffer, headerLength, authenticatedLength, ssrc, index);
        }

        if (!authentic)
        {
            return SrtpError.AuthenticationFailed;
        }

        stream.Rtp.Accept(index);
        if (slot < 0)
        {
            AddStream(fresh);
        }

        plainLength = authenticatedLength;
        return SrtpError.None;
    }

    private bool TryAuthenticateAndDecrypt(Span<byte> buffer, int headerLength, int authenticatedLength, uint ssrc, ulong index)
    {
        if (_rtpGcm is not null)
        {
            Span<byte> nonce = stackalloc byte[16];
            GcmNonce(_rtpSalt, ssrc, index, nonce);
            Span<byte> payload = buffer[headerLength..authenticatedLength];
            return _rtpGcm.TryDecrypt(nonce[..12], payload, buffer.Slice(authenticatedLength, GcmTagLength), buffer[..headerLength]);
        }

        Span<byte> digest = stackalloc byte[20];
        RtpHmac(buffer[..authenticatedLength], (uint)(index >> 16), digest);
        if (!CryptographicOperations.FixedTimeEquals(digest[..HmacTagLength], buffer.Slice(authenticatedLength, HmacTagLength)))
        {
            return false;
        }

        _rtpCipher!.Transform(CounterModeIv(_rtpSalt, ssrc, index), buffer[headerLength..authenticatedLength]);
        return true;
    }

    /// <summary>RFC 3711 §4.2: the tag covers the authenticated portion followed by the ROC.</summary>
    private void RtpHmac(ReadOnlySpan<byte> authenticated, uint roc, Span<byte> digest)
    {
        Span<byte> rocBytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(rocBytes, roc);
        _rtpHmac!.AppendData(authenticated);
        _rtpHmac.AppendData(rocBytes);
        _rtpHmac.GetHashAndReset(digest);
    }
}
