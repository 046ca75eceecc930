using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Parley.Media.Dtls;

/// <summary>
/// Our DTLS identity: a self-signed ECDSA P-256 certificate, as WebRTC uses (RFC 8827 §6.5:
/// the certificate is authenticated only by its fingerprint in the signalled SDP).
/// </summary>
public sealed class DtlsCertificate
{
    private readonly byte[] _der;

    private DtlsCertificate(byte[] der, ECDsa signingKey, DateTimeOffset notAfter)
    {
        _der = der;
        SigningKey = signingKey;
        NotAfter = notAfter;
        Fingerprint = DtlsFingerprint.Compute(der);
    }

    /// <summary>The certificate, DER encoded.</summary>
    public ReadOnlySpan<byte> Der => _der;

    /// <summary>The sha-256 fingerprint to put in a=fingerprint.</summary>
    public DtlsFingerprint Fingerprint { get; }

    public DateTimeOffset NotAfter { get; }

    /// <summary>The private key, for the platform's ECDSA (<see cref="P256TlsCrypto"/>); lives as long as the certificate.</summary>
    internal ECDsa SigningKey { get; }

    internal byte[] DerArray => _der;

    /// <summary>
    /// Generates a key pair and certificate valid from a day ago (clock skew) for
    /// <paramref name="validity"/> (default 30 days). One certificate can serve many peers.
    /// </summary>
    public static DtlsCertificate Generate(TimeSpan? validity = null, TimeProvider? timeProvider = null)
    {
        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=parley", key, HashAlgorithmName.SHA256);
        var notAfter = now + (validity ?? TimeSpan.FromDays(30));
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), notAfter);
        return new DtlsCertificate(certificate.RawData, key, notAfter);
    }
}
