namespace Parley.Media.Ice;

/// <summary>What the ICE-lite responder did with a datagram, so the SFU can count drops by reason.</summary>
public enum IceBindingResult : byte
{
    /// <summary>A valid check: a success response was written.</summary>
    Success = 0,

    /// <summary>Not a well-formed STUN message (see <see cref="IceBindingOutcome.ParseError"/>); dropped.</summary>
    Malformed,

    /// <summary>A Binding indication (a keepalive, RFC 8445 §11); nothing to answer, no consent.</summary>
    Indication,

    /// <summary>A response or a method other than Binding; dropped.</summary>
    NotBindingRequest,

    /// <summary>No FINGERPRINT, which RFC 8445 §7.2.2 requires on checks; dropped.</summary>
    FingerprintMissing,

    /// <summary>FINGERPRINT present but wrong (RFC 8489 §7.3: not STUN); dropped.</summary>
    FingerprintInvalid,

    /// <summary>USERNAME or MESSAGE-INTEGRITY missing: 400 Bad Request written (RFC 8489 §9.1.3).</summary>
    BadRequest,

    /// <summary>USERNAME does not name our ufrag (and theirs): 401 Unauthenticated written.</summary>
    UnknownUsername,

    /// <summary>MESSAGE-INTEGRITY does not verify with our ice-pwd: 401 Unauthenticated written.</summary>
    IntegrityInvalid,

    /// <summary>Unknown comprehension-required attributes: 420 written (RFC 8489 §6.3.1.1).</summary>
    UnknownAttribute,

    /// <summary>The peer says it is controlled too: 487 Role Conflict written (RFC 8445 §7.3.1.1).</summary>
    RoleConflict,
}
