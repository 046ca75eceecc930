using System.Buffers.Binary;

namespace Parley.Media.Ice;

// Validation of the wire format (RFC 8489 §5, §14) and the one pass that records where the
// attributes ICE needs are.
public readonly ref partial struct StunMessage
{
    private static StunParseError Validate(ReadOnlySpan<byte> packet, out Offsets offsets)
    {
        offsets = Offsets.None;
        if (packet.Length < StunConstants.HeaderLength)
        {
            return StunParseError.TooShort;
        }

        if ((packet[0] & 0xC0) != 0)
        {
            return StunParseError.NotStun;
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(packet[4..]) != StunConstants.MagicCookie)
        {
            return StunParseError.BadMagicCookie;
        }

        int messageLength = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if ((messageLength & 3) != 0)
        {
            return StunParseError.LengthNotMultipleOfFour;
        }

        if (StunConstants.HeaderLength + messageLength != packet.Length)
        {
            return StunParseError.LengthMismatch;
        }

        for (var offset = StunConstants.HeaderLength; offset < packet.Length;)
        {
            if (offsets.Fingerprint >= 0)
            {
                return StunParseError.FingerprintNotLast;
            }

            if (offset + 4 > packet.Length)
            {
                return StunParseError.AttributeOverrun;
            }

            var type = BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            if (offset + 4 + StunConstants.Pad4(length) > packet.Length)
            {
                return StunParseError.AttributeOverrun;
            }

            if (!offsets.Record(type, length, offset))
            {
                return StunParseError.AttributeLengthInvalid;
            }

            offset += 4 + StunConstants.Pad4(length);
        }

        return StunParseError.None;
    }

    private static bool IsKnown(ushort type) => type switch
    {
        (ushort)StunAttributeType.MappedAddress or (ushort)StunAttributeType.Username
            or (ushort)StunAttributeType.MessageIntegrity or (ushort)StunAttributeType.ErrorCode
            or (ushort)StunAttributeType.UnknownAttributes or (ushort)StunAttributeType.Realm
            or (ushort)StunAttributeType.Nonce or (ushort)StunAttributeType.MessageIntegritySha256
            or (ushort)StunAttributeType.PasswordAlgorithm or (ushort)StunAttributeType.Userhash
            or (ushort)StunAttributeType.XorMappedAddress or (ushort)StunAttributeType.Priority
            or (ushort)StunAttributeType.UseCandidate => true,
        _ => false,
    };

    private struct Offsets
    {
        public int Username;
        public int Integrity;
        public int Fingerprint;
        public int XorMapped;
        public int Priority;
        public int Controlling;
        public int Controlled;
        public int ErrorCode;
        public bool UseCandidate;
        public int UnknownRequired;

        public static Offsets None => new()
        {
            Username = -1, Integrity = -1, Fingerprint = -1, XorMapped = -1, Priority = -1,
            Controlling = -1, Controlled = -1, ErrorCode = -1,
        };

        // Returns false when a known attribute has an impossible length. RFC 8489 §14.5: after
        // MESSAGE-INTEGRITY only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT count; the first
        // occurrence of an attribute wins.
        public bool Record(ushort type, int length, int offset)
        {
            if (type == (ushort)StunAttributeType.Fingerprint)
            {
                Fingerprint = offset;
                return length == StunConstants.FingerprintLength;
            }

            if (Integrity >= 0)
            {
                return true;
            }

            switch ((StunAttributeType)type)
            {
                case StunAttributeType.MessageIntegrity:
                    Integrity = offset;
                    return length == StunConstants.MessageIntegrityLength;
                case StunAttributeType.Username:
                    Set(ref Username, offset);
                    return length <= 513;
                case StunAttributeType.XorMappedAddress:
                    Set(ref XorMapped, offset);
                    return length is 8 or 20;
                case StunAttributeType.Priority:
                    Set(ref Priority, offset);
                    return length == 4;
                case StunAttributeType.IceControlling:
                    Set(ref Controlling, offset);
                    return length == 8;
                case StunAttributeType.IceControlled:
                    Set(ref Controlled, offset);
                    return length == 8;
                case StunAttributeType.ErrorCode:
                    Set(ref ErrorCode, offset);
                    return length >= 4;
                case StunAttributeType.UseCandidate:
                    UseCandidate = true;
                    return length == 0;
                default:
                    if (type < 0x8000 && !IsKnown(type))
                    {
                        UnknownRequired++;
                    }

                    return true;
            }
        }

        private static void Set(ref int field, int offset)
        {
            if (field < 0)
            {
                field = offset;
            }
        }
    }
}
