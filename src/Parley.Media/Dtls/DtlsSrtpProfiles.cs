namespace Parley.Media.Dtls;

/// <summary>SRTP protection profiles we negotiate in use_srtp (RFC 5764 §4.1.2, RFC 7714 §14.2).</summary>
public static class DtlsSrtpProfiles
{
    public const ushort AesCm128HmacSha1Tag80 = 1;
    public const ushort AeadAes128Gcm = 7;

    /// <summary>Our preference: GCM first (one AEAD pass, DESIGN.md §3), AES-CM/HMAC second.</summary>
    public static IReadOnlyList<ushort> Default { get; } = [AeadAes128Gcm, AesCm128HmacSha1Tag80];

    /// <summary>Master key and salt lengths in bytes; false for a profile we do not implement.</summary>
    public static bool TryGetKeyLengths(int profile, out int keyLength, out int saltLength)
    {
        (keyLength, saltLength) = profile switch
        {
            AesCm128HmacSha1Tag80 => (16, 14),
            AeadAes128Gcm => (16, 12),
            _ => (0, 0),
        };
        return keyLength > 0;
    }

    /// <summary>
    /// Splits exported keying material laid out client key | server key | client salt | server
    /// salt (RFC 5764 §4.2).
    /// </summary>
    public static DtlsSrtpKeys Split(ushort profile, ReadOnlySpan<byte> material)
    {
        if (!TryGetKeyLengths(profile, out var k, out var s) || material.Length != 2 * (k + s))
        {
            throw new ArgumentException($"Keying material for profile {profile} must be {2 * (k + s)} bytes.", nameof(material));
        }

        return new DtlsSrtpKeys(
            profile,
            material[..k].ToArray(),
            material.Slice(2 * k, s).ToArray(),
            material.Slice(k, k).ToArray(),
            material.Slice((2 * k) + s, s).ToArray());
    }
}
