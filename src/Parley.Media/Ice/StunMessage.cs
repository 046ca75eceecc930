using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;

namespace Parley.Media.Ice;

/// <summary>
/// A parsed STUN message (RFC 8489): a view over the received bytes that remembers where the
/// attributes ICE needs are. Parsing never allocates and never throws.
/// </summary>
public readonly ref partial struct StunMessage
{
    private readonly ReadOnlySpan<byte> _packet;
    private readonly int _usernameOffset;
    private readonly int _integrityOffset;
    private readonly int _fingerprintOffset;
    private readonly int _xorMappedOffset;
    private readonly int _priorityOffset;
    private readonly int _controllingOffset;
    private readonly int _controlledOffset;
    private readonly int _errorCodeOffset;
    private readonly bool _useCandidate;
    private readonly int _unknownRequiredCount;

    private StunMessage(
        ReadOnlySpan<byte> packet,
        scoped in Offsets offsets)
    {
        _packet = packet;
        _usernameOffset = offsets.Username;
        _integrityOffset = offsets.Integrity;
        _fingerprintOffset = offsets.Fingerprint;
        _xorMappedOffset = offsets.XorMapped;
        _priorityOffset = offsets.Priority;
        _controllingOffset = offsets.Controlling;
        _controlledOffset = offsets.Controlled;
        _errorCodeOffset = offsets.ErrorCode;
        _useCandidate = offsets.UseCandidate;
        _unknownRequiredCount = offsets.UnknownRequired;
    }

    /// <summary>The message bytes (header and attributes), exactly as received.</summary>
    public ReadOnlySpan<byte> Packet => _packet;

    public ushort MessageType => BinaryPrimitives.ReadUInt16BigEndian(_packet);

    // RFC 8489 §5: the class bits C1 (bit 8) and C0 (bit 4) are interleaved with the method bits.
    public StunClass Class => (StunClass)(((MessageType >> 7) & 0x2) | ((MessageType >> 4) & 0x1));

    public StunMethod Method
    {
        get
        {
            var t = MessageType;
            return (StunMethod)((t & 0x000F) | ((t >> 1) & 0x0070) | ((t >> 2) & 0x0F80));
        }
    }

    public ReadOnlySpan<byte> TransactionId => _packet.Slice(8, StunConstants.TransactionIdLength);

    public bool HasMessageIntegrity => _integrityOffset >= 0;

    public bool HasFingerprint => _fingerprintOffset >= 0;

    public bool HasUseCandidate => _useCandidate;

    public bool HasIceControlling => _controllingOffset >= 0;

    public bool HasIceControlled => _controlledOffset >= 0;

    /// <summary>Comprehension-required attributes (type below 0x8000) we do not know (RFC 8489 §6.3.1).</summary>
    public int UnknownComprehensionRequiredCount => _unknownRequiredCount;

    /// <summary>True when the first byte says STUN (RFC 7983 §7: 0–3) and the magic cookie is there.</summary>
    public static bool IsStun(ReadOnlySpan<byte> packet) =>
        packet.Length >= StunConstants.HeaderLength
        && packet[0] < 4
        && BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) == StunConstants.MagicCookie;

    public static bool TryParse(ReadOnlySpan<byte> packet, out StunMessage message) =>
        TryParse(packet, out message, out _);

    public static bool TryParse(ReadOnlySpan<byte> packet, out StunMessage message, out StunParseError error)
    {
        message = default;
        error = Validate(packet, out var offsets);
        if (error != StunParseError.None)
        {
            return false;
        }

        message = new StunMessage(packet, offsets);
        return true;
    }

    public bool TryGetUsername(out ReadOnlySpan<byte> username)
    {
        username = _usernameOffset >= 0 ? Value(_usernameOffset) : default;
        return _usernameOffset >= 0;
    }

    /// <summary>
    /// Splits USERNAME at its first colon. For a check sent to us it is "ourUfrag:theirUfrag"
    /// (RFC 8445 §7.2.2), so the SFU finds the session by <paramref name="first"/> before it
    /// knows the peer.
    /// </summary>
    public bool TryGetUsername(out ReadOnlySpan<byte> first, out ReadOnlySpan<byte> second)
    {
        first = default;
        second = default;
        if (!TryGetUsername(out var username))
        {
            return false;
        }

        var colon = username.IndexOf((byte)':');
        if (colon <= 0 || colon == username.Length - 1)
        {
            return false;
        }

        first = username[..colon];
        second = username[(colon + 1)..];
        return true;
    }

    /// <summary>
    /// Copies the first half of USERNAME (our ufrag in a check sent to us) as chars, without
    /// allocating, for a lookup such as <c>Dictionary&lt;string, T&gt;.GetAlternateLookup&lt;ReadOnlySpan&lt;char&gt;&gt;()</c>.
    /// False when USERNAME is missing, not "a:b", not ASCII, or longer than <paramref name="destination"/>.
    /// </summary>
    public bool TryGetLocalUfrag(Span<char> destination, out int length)
    {
        length = 0;
        if (!TryGetUsername(out var first, out _) || first.Length > destination.Length)
        {
            return false;
        }

        for (var i = 0; i < first.Length; i++)
        {
            if (first[i] > 0x7F)
            {
                return false;
            }

            destination[i] = (char)first[i];
        }

        length = first.Length;
        return true;
    }

    public bool TryGetPriority(out uint priority)
    {
        priority = _priorityOffset >= 0 ? BinaryPrimitives.ReadUInt32BigEndian(Value(_priorityOffset)) : 0;
        return _priorityOffset >= 0;
    }

    public bool TryGetIceControlling(out ulong tieBreaker)
    {
        tieBreaker = _controllingOffset >= 0 ? BinaryPrimitives.ReadUInt64BigEndian(Value(_controllingOffset)) : 0;
        return _controllingOffset >= 0;
    }

    public bool TryGetIceControlled(out ulong tieBreaker)
    {
        tieBreaker = _controlledOffset >= 0 ? BinaryPrimitives.ReadUInt64BigEndian(Value(_controlledOffset)) : 0;
        return _controlledOffset >= 0;
    }

    /// <summary>ERROR-CODE (RFC 8489 §14.8): class × 100 + number, and the UTF-8 reason phrase.</summary>
    public bool TryGetErrorCode(out int code, out ReadOnlySpan<byte> reason)
    {
        code = 0;
        reason = default;
        if (_errorCodeOffset < 0)
        {
            return false;
        }

        var value = Value(_errorCodeOffset);
        if (value.Length < 4)
        {
            return false;
        }

        code = ((value[2] & 0x7) * 100) + value[3];
        reason = value[4..];
        return true;
    }

    /// <summary>XOR-MAPPED-ADDRESS (RFC 8489 §14.2), IPv4 or IPv6. Allocates the endpoint: client side only.</summary>
    public bool TryGetXorMappedAddress(out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (_xorMappedOffset < 0)
        {
            return false;
        }

        var value = Value(_xorMappedOffset);
        var family = value[1];
        var port = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(value[2..]) ^ (StunConstants.MagicCookie >> 16));
        var length = family switch { 0x01 => 4, 0x02 => 16, _ => 0 };
        if (length == 0 || value.Length < 4 + length)
        {
            return false;
        }

        Span<byte> address = stackalloc byte[16];
        StunAddress.Xor(value.Slice(4, length), _packet, address[..length]);
        endPoint = new IPEndPoint(new IPAddress(address[..length]), port);
        return true;
    }

    /// <summary>Finds the first attribute of a type (before MESSAGE-INTEGRITY, RFC 8489 §14.5).</summary>
    public bool TryGetAttribute(StunAttributeType type, out ReadOnlySpan<byte> value)
    {
        value = default;
        var end = _integrityOffset >= 0 ? _integrityOffset : _packet.Length;
        for (var offset = StunConstants.HeaderLength; offset + 4 <= end;)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(_packet[(offset + 2)..]);
            if (BinaryPrimitives.ReadUInt16BigEndian(_packet[offset..]) == (ushort)type)
            {
                value = _packet.Slice(offset + 4, length);
                return true;
            }

            offset += 4 + StunConstants.Pad4(length);
        }

        return false;
    }

    /// <summary>Writes the types of unknown comprehension-required attributes (for a 420 answer).</summary>
    public int CopyUnknownComprehensionRequired(Span<ushort> destination)
    {
        var count = 0;
        var end = _integrityOffset >= 0 ? _integrityOffset : _packet.Length;
        for (var offset = StunConstants.HeaderLength; offset + 4 <= end && count < destination.Length;)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(_packet[offset..]);
            if (type < 0x8000 && !IsKnown(type))
            {
                destination[count++] = type;
            }

            offset += 4 + StunConstants.Pad4(BinaryPrimitives.ReadUInt16BigEndian(_packet[(offset + 2)..]));
        }

        return count;
    }

    /// <summary>
    /// RFC 8489 §14.5: HMAC-SHA1 over the message up to MESSAGE-INTEGRITY, with the header length
    /// set as if MESSAGE-INTEGRITY were the last attribute. For ICE the key is the ice-pwd (§9.1.1).
    /// </summary>
    public bool VerifyMessageIntegrity(ReadOnlySpan<byte> key)
    {
        if (_integrityOffset < 0)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[StunConstants.MessageIntegrityLength];
        ComputeMessageIntegrity(_packet[.._integrityOffset], key, mac);
        return CryptographicOperations.FixedTimeEquals(mac, Value(_integrityOffset));
    }

    /// <summary>As <see cref="VerifyMessageIntegrity(ReadOnlySpan{byte})"/>, with a key kept keyed.</summary>
    public bool VerifyMessageIntegrity(StunIntegrityKey key)
    {
        if (_integrityOffset < 0)
        {
            return false;
        }

        Span<byte> mac = stackalloc byte[StunConstants.MessageIntegrityLength];
        key.Compute(_packet[.._integrityOffset], mac);
        return CryptographicOperations.FixedTimeEquals(mac, Value(_integrityOffset));
    }

    /// <summary>RFC 8489 §14.7: CRC-32 of the message up to FINGERPRINT, length adjusted, XOR 0x5354554E.</summary>
    public bool VerifyFingerprint()
    {
        if (_fingerprintOffset < 0)
        {
            return false;
        }

        var expected = BinaryPrimitives.ReadUInt32BigEndian(Value(_fingerprintOffset));
        return ComputeFingerprint(_packet[.._fingerprintOffset]) == expected;
    }

    /// <summary>
    /// HMAC over <paramref name="messageBeforeIntegrity"/> with its length field rewritten to end
    /// after a 24-byte MESSAGE-INTEGRITY attribute. The header is copied so the input stays read-only.
    /// </summary>
    internal static void ComputeMessageIntegrity(ReadOnlySpan<byte> messageBeforeIntegrity, ReadOnlySpan<byte> key, Span<byte> mac)
    {
        var length = messageBeforeIntegrity.Length;
        byte[]? rented = null;
        var copy = length <= 1024 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        messageBeforeIntegrity.CopyTo(copy);
        BinaryPrimitives.WriteUInt16BigEndian(copy[2..], (ushort)(length + 4 + StunConstants.MessageIntegrityLength - StunConstants.HeaderLength));

        // One-shot HMAC re-keys per call (DESIGN.md §3: ~2.3x an IncrementalHash), acceptable at
        // STUN rates (a check every few seconds a peer) and free of per-peer state.
#pragma warning disable CA5350 // RFC 8489 §14.5 and RFC 8445 §7.2.2 mandate HMAC-SHA1 for ICE checks.
        HMACSHA1.HashData(key, copy, mac);
#pragma warning restore CA5350
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    internal static uint ComputeFingerprint(ReadOnlySpan<byte> messageBeforeFingerprint)
    {
        Span<byte> header = stackalloc byte[StunConstants.HeaderLength];
        messageBeforeFingerprint[..StunConstants.HeaderLength].CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(messageBeforeFingerprint.Length + 8 - StunConstants.HeaderLength));
        var crc = StunCrc32.Append(StunCrc32.Start, header);
        crc = StunCrc32.Append(crc, messageBeforeFingerprint[StunConstants.HeaderLength..]);
        return StunCrc32.Finish(crc) ^ StunConstants.FingerprintXor;
    }

    private ReadOnlySpan<byte> Value(int attributeOffset) =>
        _packet.Slice(attributeOffset + 4, BinaryPrimitives.ReadUInt16BigEndian(_packet[(attributeOffset + 2)..]));
}
