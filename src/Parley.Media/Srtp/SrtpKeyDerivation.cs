using System.Runtime.Intrinsics;

namespace Parley.Media.Srtp;

/// <summary>
/// RFC 3711 §4.3: session keys from the master key and salt with the AES-CM PRF, for a key
/// derivation rate of 0 (r = 0: keys are derived once, as DTLS-SRTP does).
/// </summary>
internal static class SrtpKeyDerivation
{
    // RFC 3711 §4.3.2 labels.
    public const byte RtpEncryption = 0x00;
    public const byte RtpAuthentication = 0x01;
    public const byte RtpSalt = 0x02;
    public const byte RtcpEncryption = 0x03;
    public const byte RtcpAuthentication = 0x04;
    public const byte RtcpSalt = 0x05;

    /// <summary>
    /// x = key_id XOR master_salt, with key_id = label || r aligned to the salt's right end, so the
    /// label lands in octet 7 of the 112-bit salt; the PRF input is x * 2^16. A 96-bit AEAD salt
    /// (RFC 7714 §11) is zero-padded on the right to 112 bits first, as libsrtp does.
    /// </summary>
    public static void Derive(AesCounterMode prf, ReadOnlySpan<byte> masterSalt, byte label, Span<byte> output)
    {
        Span<byte> x = stackalloc byte[16];
        x.Clear();
        masterSalt.CopyTo(x);
        x[7] ^= label;
        output.Clear();
        prf.Transform(Vector128.Create((ReadOnlySpan<byte>)x), output);
    }
}
