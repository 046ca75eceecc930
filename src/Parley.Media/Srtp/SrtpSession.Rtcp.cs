using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Parley.Media.Srtp;

public sealed partial class SrtpSession
{
    /// <summary>
    /// Protects the (compound) RTCP packet in place: encrypts everything after the first 8 octets,
    /// appends E flag + SRTCP index and the tag (RFC 3711 §3.4; RFC 7714 §9: tag before the index).
    /// The buffer needs <see cref="RtcpOverhead"/> bytes of room after the packet.
    /// </summary>
    public bool TryProtectRtcp(Span<byte> buffer, int length, out int protectedLength)
    {
        protectedLength = 0;
        if ((uint)length > (uint)buffer.Length
            || length < RtcpHeaderLength
            || buffer.Length - length < _rtcpOverhead
            || buffer[0] >> 6 != 2)
        {
            return false;
        }

        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);
        int slot = FindOrAddStream(ssrc);
        if (slot < 0)
        {
            return false;
        }

        ref SrtpStreamState stream = ref _streams[slot];
        uint index = stream.NextRtcpIndex;
        stream.NextRtcpIndex = (index + 1) & SrtcpIndexMask;
        uint flagAndIndex = SrtcpEncryptedFlag | index;
        Span<byte> body = buffer[RtcpHeaderLength..length];
        if (_rtcpGcm is not null)
        {
            // RFC 7714 §9.2: AAD is the first 8 octets followed by E || SRTCP index.
            Span<byte> nonce = stackalloc byte[16];
            GcmNonce(_rtcpSalt, ssrc, index, nonce);
            Span<byte> associatedData = stackalloc byte[RtcpHeaderLength + SrtcpIndexLength];
            buffer[..RtcpHeaderLength].CopyTo(associatedData);
            BinaryPrimitives.WriteUInt32BigEndian(associatedData[RtcpHeaderLength..], flagAndIndex);
            _rtcpGcm.Encrypt(nonce[..12], body, buffer.Slice(length, GcmTagLength), associatedData);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[(length + GcmTagLength)..], flagAndIndex);
        }
        else
        {
            _rtcpCipher!.Transform(CounterModeIv(_rtcpSalt, ssrc, index), body);
            BinaryPrimitives.WriteUInt32BigEndian(buffer[length..], flagAndIndex);
            Span<byte> digest = stackalloc byte[20];
            _rtcpHmac!.AppendData(buffer[..(length + SrtcpIndexLength)]);
            _rtcpHmac.GetHashAndReset(digest);
            digest[..HmacTagLength].CopyTo(buffer[(length + SrtcpIndexLength)..]);
        }

        protectedLength = length + _rtcpOverhead;
        return true;
    }

    /// <summary>
    /// Authenticates and (when the E flag is set) decrypts an SRTCP packet in place. The SRTCP
    /// replay window moves only after the tag checks. On an error the buffer's content is
    /// unspecified.
    /// </summary>
    public SrtpError UnprotectRtcp(Span<byte> buffer, int length, out int plainLength)
    {
        plainLength = 0;
        if ((uint)length > (uint)buffer.Length)
        {
            return SrtpError.Malformed;
        }

        int overhead = _rtcpOverhead;
        if (length < RtcpHeaderLength + overhead)
        {
            return SrtpError.TooShort;
        }

        if (buffer[0] >> 6 != 2)
        {
            return SrtpError.Malformed;
        }

        int plain = length - overhead;
        int indexOffset = _rtcpGcm is not null ? length - SrtcpIndexLength : plain;
        uint flagAndIndex = BinaryPrimitives.ReadUInt32BigEndian(buffer[indexOffset..]);
        bool encrypted = (flagAndIndex & SrtcpEncryptedFlag) != 0;
        uint index = flagAndIndex & SrtcpIndexMask;
        uint ssrc = BinaryPrimitives.ReadUInt32BigEndian(buffer[4..]);

        int slot = FindStream(ssrc);
        if (slot < 0 && _streamCount >= MaxSsrcs)
        {
            return SrtpError.TooManySsrcs;
        }

        var fresh = new SrtpStreamState { Ssrc = ssrc };
        ref SrtpStreamState stream = ref slot >= 0 ? ref _streams[slot] : ref fresh;
        if (stream.Rtcp.IsReplayed(index))
        {
            return SrtpError.Replayed;
        }

        bool authentic = _rtcpGcm is not null
            ? UnprotectRtcpGcm(buffer, length, plain, ssrc, index, flagAndIndex, encrypted)
            : UnprotectRtcpCounterMode(buffer, length, plain, ssrc, index, encrypted);
        if (!authentic)
        {
            return SrtpError.AuthenticationFailed;
        }

        stream.Rtcp.Accept(index);
        if (slot < 0)
        {
            AddStream(fresh);
        }

        plainLength = plain;
        return SrtpError.None;
    }

    private bool UnprotectRtcpCounterMode(Span<byte> buffer, int length, int plain, uint ssrc, uint index, bool encrypted)
    {
        // RFC 3711 §3.4: the tag covers the packet and E || SRTCP index.
        int authenticatedLength = length - HmacTagLength;
        Span<byte> digest = stackalloc byte[20];
        _rtcpHmac!.AppendData(buffer[..authenticatedLength]);
        _rtcpHmac.GetHashAndReset(digest);
        if (!CryptographicOperations.FixedTimeEquals(digest[..HmacTagLength], buffer.Slice(authenticatedLength, HmacTagLength)))
        {
            return false;
        }

        if (encrypted)
        {
            _rtcpCipher!.Transform(CounterModeIv(_rtcpSalt, ssrc, index), buffer[RtcpHeaderLength..plain]);
        }

        return true;
    }

    private bool UnprotectRtcpGcm(Span<byte> buffer, int length, int plain, uint ssrc, uint index, uint flagAndIndex, bool encrypted)
    {
        Span<byte> nonce = stackalloc byte[16];
        GcmNonce(_rtcpSalt, ssrc, index, nonce);
        if (encrypted)
        {
            Span<byte> associatedData = stackalloc byte[RtcpHeaderLength + SrtcpIndexLength];
            buffer[..RtcpHeaderLength].CopyTo(associatedData);
            BinaryPrimitives.WriteUInt32BigEndian(associatedData[RtcpHeaderLength..], flagAndIndex);
            Span<byte> body = buffer[RtcpHeaderLength..plain];
            return _rtcpGcm!.TryDecrypt(nonce[..12], body, buffer.Slice(plain, GcmTagLength), associatedData);
        }

        // RFC 7714 §9.3: unencrypted SRTCP authenticates the whole packet followed by E || index.
        // Move the index next to the packet (over the tag, saved first) so the AAD is contiguous.
        Span<byte> tag = stackalloc byte[GcmTagLength];
        buffer.Slice(plain, GcmTagLength).CopyTo(tag);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[plain..], flagAndIndex);
        bool authentic = _rtcpGcm!.TryDecrypt(nonce[..12], [], tag, buffer[..(plain + SrtcpIndexLength)]);
        buffer.Slice(plain, SrtcpIndexLength).Clear();
        return authentic;
    }
}
