namespace Parley.Media.Ice;

internal static class StunConstants
{
    public const int HeaderLength = 20;
    public const int TransactionIdLength = 12;
    public const uint MagicCookie = 0x2112A442;
    public const int MessageIntegrityLength = 20;
    public const int FingerprintLength = 4;

    // RFC 8489 §14.7: the CRC-32 is XOR'ed with this so FINGERPRINT differs from
    // other protocols' CRCs over the same bytes.
    public const uint FingerprintXor = 0x5354554E;

    public static int Pad4(int length) => (length + 3) & ~3;
}
