using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Parley.Media.Ice;

/// <summary>
/// Writes a STUN message into a caller's buffer (RFC 8489 §5, §14): the header first, then
/// attributes in order, then MESSAGE-INTEGRITY and FINGERPRINT last. The header length is kept
/// current after each attribute. A buffer too small is a caller bug and throws.
/// </summary>
public ref struct StunMessageWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    public StunMessageWriter(Span<byte> buffer, StunClass stunClass, StunMethod method, ReadOnlySpan<byte> transactionId)
    {
        if (transactionId.Length != StunConstants.TransactionIdLength)
        {
            throw new ArgumentException("A STUN transaction id is 12 bytes (RFC 8489 §5).", nameof(transactionId));
        }

        _buffer = buffer;
        EnsureRoom(StunConstants.HeaderLength);
        var m = (int)method;
        var c = (int)stunClass;
        var type = (m & 0x000F) | ((m & 0x0070) << 1) | ((m & 0x0F80) << 2) | ((c & 1) << 4) | ((c & 2) << 7);
        BinaryPrimitives.WriteUInt16BigEndian(buffer, (ushort)type);
        BinaryPrimitives.WriteUInt32BigEndian(buffer[4..], StunConstants.MagicCookie);
        transactionId.CopyTo(buffer[8..]);
        _length = StunConstants.HeaderLength;
        UpdateLength();
    }

    /// <summary>Bytes written so far: the message length once FINGERPRINT is added.</summary>
    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    public void AddAttribute(StunAttributeType type, scoped ReadOnlySpan<byte> value)
    {
        var slot = Reserve(type, value.Length);
        value.CopyTo(slot);
    }

    public void AddUsername(scoped ReadOnlySpan<byte> username) => AddAttribute(StunAttributeType.Username, username);

    public void AddUsername(string username)
    {
        var slot = Reserve(StunAttributeType.Username, Encoding.UTF8.GetByteCount(username));
        Encoding.UTF8.GetBytes(username, slot);
    }

    /// <summary>USERNAME made of two ufrags joined by a colon (RFC 8445 §7.2.2).</summary>
    public void AddUsername(scoped ReadOnlySpan<char> first, scoped ReadOnlySpan<char> second)
    {
        var a = Encoding.UTF8.GetByteCount(first);
        var slot = Reserve(StunAttributeType.Username, a + 1 + Encoding.UTF8.GetByteCount(second));
        Encoding.UTF8.GetBytes(first, slot);
        slot[a] = (byte)':';
        Encoding.UTF8.GetBytes(second, slot[(a + 1)..]);
    }

    public void AddPriority(uint priority)
    {
        BinaryPrimitives.WriteUInt32BigEndian(Reserve(StunAttributeType.Priority, 4), priority);
    }

    public void AddUseCandidate() => Reserve(StunAttributeType.UseCandidate, 0);

    public void AddIceControlling(ulong tieBreaker)
    {
        BinaryPrimitives.WriteUInt64BigEndian(Reserve(StunAttributeType.IceControlling, 8), tieBreaker);
    }

    public void AddIceControlled(ulong tieBreaker)
    {
        BinaryPrimitives.WriteUInt64BigEndian(Reserve(StunAttributeType.IceControlled, 8), tieBreaker);
    }

    public void AddSoftware(string software)
    {
        var slot = Reserve(StunAttributeType.Software, Encoding.UTF8.GetByteCount(software));
        Encoding.UTF8.GetBytes(software, slot);
    }

    /// <summary>ERROR-CODE (RFC 8489 §14.8): 300–699 with a short reason phrase.</summary>
    public void AddErrorCode(int code, string reason)
    {
        var slot = Reserve(StunAttributeType.ErrorCode, 4 + Encoding.UTF8.GetByteCount(reason));
        slot[0] = 0;
        slot[1] = 0;
        slot[2] = (byte)(code / 100);
        slot[3] = (byte)(code % 100);
        Encoding.UTF8.GetBytes(reason, slot[4..]);
    }

    public void AddUnknownAttributes(scoped ReadOnlySpan<ushort> types)
    {
        var slot = Reserve(StunAttributeType.UnknownAttributes, types.Length * 2);
        for (var i = 0; i < types.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(slot[(i * 2)..], types[i]);
        }
    }

    /// <summary>XOR-MAPPED-ADDRESS from raw address bytes (4 for IPv4, 16 for IPv6).</summary>
    public void AddXorMappedAddress(scoped ReadOnlySpan<byte> address, ushort port)
    {
        if (address.Length is not (4 or 16))
        {
            throw new ArgumentException("An address is 4 or 16 bytes.", nameof(address));
        }

        var slot = Reserve(StunAttributeType.XorMappedAddress, 4 + address.Length);
        slot[0] = 0;
        slot[1] = address.Length == 4 ? (byte)0x01 : (byte)0x02;
        BinaryPrimitives.WriteUInt16BigEndian(slot[2..], (ushort)(port ^ (StunConstants.MagicCookie >> 16)));
        StunAddress.Xor(address, _buffer, slot[4..]);
    }

    public void AddXorMappedAddress(IPEndPoint endPoint)
    {
        Span<byte> address = stackalloc byte[16];
        var length = StunAddress.Read(endPoint, address);
        AddXorMappedAddress(address[..length], (ushort)endPoint.Port);
    }

    /// <summary>XOR-MAPPED-ADDRESS straight from a received SocketAddress, without allocating.</summary>
    public void AddXorMappedAddress(SocketAddress socketAddress)
    {
        Span<byte> address = stackalloc byte[16];
        if (!StunAddress.TryRead(socketAddress, address, out var length, out var port))
        {
            throw new ArgumentException("Only IPv4 and IPv6 addresses can be mapped.", nameof(socketAddress));
        }

        AddXorMappedAddress(address[..length], port);
    }

    /// <summary>MESSAGE-INTEGRITY (RFC 8489 §14.5), HMAC-SHA1 keyed with <paramref name="key"/>.</summary>
    public void AddMessageIntegrity(scoped ReadOnlySpan<byte> key)
    {
        var before = _length;
        var slot = Reserve(StunAttributeType.MessageIntegrity, StunConstants.MessageIntegrityLength);
        StunMessage.ComputeMessageIntegrity(_buffer[..before], key, slot);
    }

    /// <summary>MESSAGE-INTEGRITY with a key kept keyed (no re-keying per message).</summary>
    public void AddMessageIntegrity(StunIntegrityKey key)
    {
        var before = _length;
        var slot = Reserve(StunAttributeType.MessageIntegrity, StunConstants.MessageIntegrityLength);
        key.Compute(_buffer[..before], slot);
    }

    /// <summary>FINGERPRINT (RFC 8489 §14.7); must be the last attribute.</summary>
    public int AddFingerprint()
    {
        var before = _length;
        var slot = Reserve(StunAttributeType.Fingerprint, StunConstants.FingerprintLength);
        BinaryPrimitives.WriteUInt32BigEndian(slot, StunMessage.ComputeFingerprint(_buffer[..before]));
        return _length;
    }

    private Span<byte> Reserve(StunAttributeType type, int valueLength)
    {
        var padded = StunConstants.Pad4(valueLength);
        EnsureRoom(_length + 4 + padded);
        if (_length + 4 + padded - StunConstants.HeaderLength > ushort.MaxValue)
        {
            throw new ArgumentException("A STUN message cannot exceed 65535 bytes of attributes.");
        }

        BinaryPrimitives.WriteUInt16BigEndian(_buffer[_length..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[(_length + 2)..], (ushort)valueLength);
        var value = _buffer.Slice(_length + 4, valueLength);

        // RFC 8489 §14: padding bytes are sent as zero (we choose to, any value is allowed).
        _buffer.Slice(_length + 4 + valueLength, padded - valueLength).Clear();
        _length += 4 + padded;
        UpdateLength();
        return value;
    }

    private readonly void UpdateLength() =>
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[2..], (ushort)(_length - StunConstants.HeaderLength));

    private readonly void EnsureRoom(int needed)
    {
        if (needed > _buffer.Length)
        {
            throw new ArgumentException($"The STUN buffer holds {_buffer.Length} bytes; {needed} are needed.");
        }
    }
}
