using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace Parley.Media.Dtls;

/// <summary>
/// BouncyCastle's TLS crypto with the P-256 arithmetic done by the platform (OpenSSL through
/// System.Security.Cryptography): ECDHE key agreement (RFC 8422 §5.10), and ECDSA signing and
/// verification. BouncyCastle keeps the protocol, the record layer and everything else. The EC
/// operations are most of a handshake's CPU, and a join storm pays one handshake per listener.
/// </summary>
internal sealed class P256TlsCrypto() : BcTlsCrypto(new SecureRandom())
{
    public override TlsECDomain CreateECDomain(TlsECConfig ecConfig) =>
        ecConfig.NamedGroup == NamedGroup.secp256r1 ? new P256Domain(this) : base.CreateECDomain(ecConfig);

    public override TlsCertificate CreateCertificate(short type, byte[] encoding) =>
        type == CertificateType.X509 ? new P256Certificate(this, encoding) : base.CreateCertificate(type, encoding);

    /// <summary>Uncompressed point encoding (SEC 1 §2.3.3), the only one RFC 8422 §5.1.2 leaves for TLS 1.2.</summary>
    internal static byte[] EncodePoint(ECPoint q) => [0x04, .. q.X!, .. q.Y!];

    private sealed class P256Domain(P256TlsCrypto crypto) : TlsECDomain
    {
        public TlsAgreement CreateECDH() => new P256Agreement(crypto);
    }

    private sealed class P256Agreement(P256TlsCrypto crypto) : TlsAgreement
    {
        private ECDiffieHellman? _local;
        private ECDiffieHellman? _peer;

        public byte[] GenerateEphemeral()
        {
            _local = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            return EncodePoint(_local.ExportParameters(includePrivateParameters: false).Q);
        }

        public void ReceivePeerValue(byte[] peerValue)
        {
            if (peerValue is not { Length: 65 } || peerValue[0] != 0x04)
            {
                throw new TlsFatalAlert(AlertDescription.illegal_parameter);
            }
            try
            {
                // Importing checks that the point is on the curve (RFC 8422 §5.11's validation).
                _peer = ECDiffieHellman.Create(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = peerValue[1..33], Y = peerValue[33..] },
                });
            }
            catch (CryptographicException e)
            {
                throw new TlsFatalAlert(AlertDescription.illegal_parameter, e);
            }
        }

        public TlsSecret CalculateSecret()
        {
            if (_local is null || _peer is null)
            {
                throw new TlsFatalAlert(AlertDescription.internal_error);
            }
            try
            {
                // RFC 8422 §5.10: the premaster secret is the x-coordinate of the shared point.
                using var peerKey = _peer.PublicKey;
                return crypto.CreateSecret(_local.DeriveRawSecretAgreement(peerKey));
            }
            finally
            {
                _local.Dispose();
                _peer.Dispose();
            }
        }
    }

    /// <summary>An X.509 certificate whose P-256 ECDSA signatures the platform verifies.</summary>
    private sealed class P256Certificate(P256TlsCrypto crypto, byte[] encoding) : BcTlsCertificate(crypto, encoding)
    {
        public override TlsVerifier CreateVerifier(short signatureAlgorithm)
        {
            if (signatureAlgorithm == SignatureAlgorithm.ecdsa
                && GetPublicKey() is ECPublicKeyParameters key
                && X9ObjectIdentifiers.Prime256v1.Equals(key.PublicKeyParamSet))
            {
                ValidateKeyUsage(Org.BouncyCastle.Asn1.X509.KeyUsage.DigitalSignature);
                var q = key.Q.Normalize();
                return new P256Verifier(new ECPoint { X = q.AffineXCoord.GetEncoded(), Y = q.AffineYCoord.GetEncoded() });
            }
            return base.CreateVerifier(signatureAlgorithm);
        }
    }

    private sealed class P256Verifier(ECPoint q) : TlsVerifier
    {
        public TlsStreamVerifier? GetStreamVerifier(DigitallySigned digitallySigned) => null; // BouncyCastle hashes, we verify the hash

        public bool VerifyRawSignature(DigitallySigned digitallySigned, byte[] hash)
        {
            if (digitallySigned.Algorithm is { } algorithm && algorithm.Signature != SignatureAlgorithm.ecdsa)
            {
                throw new InvalidOperationException($"Invalid algorithm: {algorithm}");
            }
            try
            {
                using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = q });
                return ecdsa.VerifyHash(hash, digitallySigned.Signature, DSASignatureFormat.Rfc3279DerSequence);
            }
            catch (CryptographicException)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Signs with our certificate's P-256 key (DER-encoded ECDSA-Sig-Value, RFC 8422 §5.4). One
    /// key object serves every handshake: importing it per signature costs as much again.
    /// </summary>
    internal sealed class P256Signer(ECDsa key) : TlsSigner
    {
        public byte[] GenerateRawSignature(SignatureAndHashAlgorithm algorithm, byte[] hash)
        {
            if (algorithm is not null && algorithm.Signature != SignatureAlgorithm.ecdsa)
            {
                throw new InvalidOperationException($"Invalid algorithm: {algorithm}");
            }
            // Handshakes run on threads of their own; the platform does not promise that one
            // key object may sign on several threads at once.
            lock (key)
            {
                return key.SignHash(hash, DSASignatureFormat.Rfc3279DerSequence);
            }
        }

        public TlsStreamSigner? GetStreamSigner(SignatureAndHashAlgorithm algorithm) => null;
    }
}
