namespace Parley.Media.Srtp;

/// <summary>DTLS-SRTP protection profiles (RFC 5764 §4.1.2, RFC 7714 §14.2), by their numbers.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1707", Justification = "The name follows the RFC's profile name SRTP_AES128_CM_HMAC_SHA1_80.")]
public enum SrtpProfile : ushort
{
    AesCm128HmacSha1_80 = 0x0001,
    AeadAes128Gcm = 0x0007,
}
