namespace Parley.Media.Dtls;

/// <summary>
/// SRTP master keys exported from a DTLS handshake (RFC 5764 §4.2). <see cref="ProtectionProfile"/>
/// is the RFC 5764 / RFC 7714 profile number (1 = AES_CM_128_HMAC_SHA1_80, 7 = AEAD_AES_128_GCM).
/// The client writes with the client key: the SFU as DTLS server decrypts with ClientWrite* and
/// encrypts with ServerWrite*.
/// </summary>
public sealed record DtlsSrtpKeys(
    ushort ProtectionProfile,
    byte[] ClientWriteKey,
    byte[] ClientWriteSalt,
    byte[] ServerWriteKey,
    byte[] ServerWriteSalt);
