using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Parley.Media.Dtls;

/// <summary>What the BouncyCastle server and client peers share.</summary>
internal static class DtlsPeerSupport
{
    // ECDHE-ECDSA with AES-GCM only: what browsers offer for WebRTC with ECDSA certificates.
    public static readonly int[] CipherSuites =
    [
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    ];

    public static Certificate CreateCertificateChain(TlsCrypto crypto, DtlsCertificate certificate) =>
        new([crypto.CreateCertificate(certificate.DerArray)]);

    public static TlsCredentialedSigner CreateSigner(TlsContext context, BcTlsCrypto crypto, DtlsCertificate certificate) =>
        new DefaultTlsCredentialedSigner(
            new TlsCryptoParameters(context),
            new P256TlsCrypto.P256Signer(certificate.SigningKey),
            CreateCertificateChain(crypto, certificate),
            new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));

    /// <summary>
    /// RFC 8122 §5 / RFC 8827 §6.5: the peer is who its SDP said only if its end-entity
    /// certificate hashes to the signalled fingerprint. Throws a fatal bad_certificate otherwise.
    /// </summary>
    public static void VerifyPeerCertificate(DtlsHandshake handshake, Certificate? chain)
    {
        if (chain is null || chain.IsEmpty)
        {
            throw handshake.Fail(DtlsHandshakeFailureReason.FingerprintMismatch, "The peer sent no certificate.", AlertDescription.bad_certificate);
        }

        var der = chain.GetCertificateAt(0).GetEncoded();
        handshake.RemoteCertificate = der;
        if (!handshake.ExpectedRemoteFingerprint.Matches(der))
        {
            var actual = DtlsFingerprint.Compute(der, handshake.ExpectedRemoteFingerprint.Algorithm);
            throw handshake.Fail(
                DtlsHandshakeFailureReason.FingerprintMismatch,
                $"The peer's certificate has fingerprint {actual}, but its SDP said {handshake.ExpectedRemoteFingerprint}.",
                AlertDescription.bad_certificate);
        }
    }

    /// <summary>RFC 5764 §4.2: export 2·(key + salt) bytes with the "EXTRACTOR-dtls_srtp" label.</summary>
    public static DtlsSrtpKeys ExportKeys(TlsContext context, ushort profile)
    {
        DtlsSrtpProfiles.TryGetKeyLengths(profile, out var k, out var s);
        var material = context.ExportKeyingMaterial(ExporterLabel.dtls_srtp, null, 2 * (k + s));
        return DtlsSrtpProfiles.Split(profile, material);
    }
}
