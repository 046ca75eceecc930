namespace Parley.Media.Ice;

/// <summary>Why a datagram was not accepted as a STUN message (RFC 8489 §6.3, §14).</summary>
public enum StunParseError : byte
{
    None = 0,
    TooShort,
    NotStun,
    BadMagicCookie,
    LengthNotMultipleOfFour,
    LengthMismatch,
    AttributeOverrun,
    AttributeLengthInvalid,
    FingerprintNotLast,
}
