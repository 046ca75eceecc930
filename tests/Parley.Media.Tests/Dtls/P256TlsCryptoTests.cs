using SHA256 = System.Security.Cryptography.SHA256;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Parley.Media.Dtls;

namespace Parley.Media.Tests.Dtls;

/// <summary>The platform's P-256 under BouncyCastle's TLS: it must agree with BouncyCastle's own arithmetic.</summary>
public sealed class P256TlsCryptoTests
{
    private static readonly TlsECConfig P256 = new(NamedGroup.secp256r1);

    [Fact]
    public void OurEcdheAndBouncyCastlesDeriveTheSamePremasterSecret()
    {
        var ours = new P256TlsCrypto().CreateECDomain(P256).CreateECDH();
        var theirs = new BcTlsCrypto(new SecureRandom()).CreateECDomain(P256).CreateECDH();

        var ourPublic = ours.GenerateEphemeral();
        var theirPublic = theirs.GenerateEphemeral();
        ours.ReceivePeerValue(theirPublic);
        theirs.ReceivePeerValue(ourPublic);

        Assert.Equal(65, ourPublic.Length);
        Assert.Equal(0x04, ourPublic[0]);
        var secret = ours.CalculateSecret().Extract();
        Assert.Equal(32, secret.Length); // RFC 8422 §5.10: the x-coordinate
        Assert.Equal(theirs.CalculateSecret().Extract(), secret);
    }

    [Theory]
    [InlineData("compressed")]
    [InlineData("short")]
    [InlineData("off the curve")]
    public void APeerValueThatIsNotAnUncompressedPointOnTheCurveIsAnIllegalParameter(string kind)
    {
        var agreement = new P256TlsCrypto().CreateECDomain(P256).CreateECDH();
        agreement.GenerateEphemeral();
        var valid = new P256TlsCrypto().CreateECDomain(P256).CreateECDH().GenerateEphemeral();
        var value = kind switch
        {
            "compressed" => [0x02, .. valid[1..33]],
            "short" => valid[..64],
            _ => [.. valid[..64], (byte)(valid[64] ^ 1)],
        };

        var alert = Assert.Throws<TlsFatalAlert>(() => agreement.ReceivePeerValue(value));
        Assert.Equal(AlertDescription.illegal_parameter, alert.AlertDescription);
    }

    [Fact]
    public void OurSignatureVerifiesAgainstTheCertificateAndATamperedHashDoesNot()
    {
        var certificate = DtlsCertificate.Generate();
        var crypto = new P256TlsCrypto();
        var algorithm = new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
        var hash = SHA256.HashData("the handshake so far"u8);

        var signature = new P256TlsCrypto.P256Signer(certificate.SigningKey).GenerateRawSignature(algorithm, hash);
        var verifier = crypto.CreateCertificate(CertificateType.X509, certificate.Der.ToArray()).CreateVerifier(SignatureAlgorithm.ecdsa);

        Assert.True(verifier.VerifyRawSignature(new DigitallySigned(algorithm, signature), hash));
        hash[0] ^= 1;
        Assert.False(verifier.VerifyRawSignature(new DigitallySigned(algorithm, signature), hash));
    }

    [Fact]
    public async Task TheServerChoosesP256EvenWhenTheClientListsX25519First()
    {
        using var pair = new DtlsPair();
        var server = pair.Server.StartAsync();
        await pair.Client.StartAsync().Within("the client handshake");
        await server.Within("the server handshake");

        Assert.Equal(NamedGroup.secp256r1, pair.Server.NegotiatedGroup);
    }

    [Fact]
    public void BouncyCastlesOwnVerifierAcceptsOurSignature()
    {
        var certificate = DtlsCertificate.Generate();
        var algorithm = new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);
        var hash = SHA256.HashData("server key exchange"u8);

        var signature = new P256TlsCrypto.P256Signer(certificate.SigningKey).GenerateRawSignature(algorithm, hash);
        var bouncyCastle = new BcTlsCrypto(new SecureRandom()).CreateCertificate(CertificateType.X509, certificate.Der.ToArray());

        Assert.True(bouncyCastle.CreateVerifier(SignatureAlgorithm.ecdsa).VerifyRawSignature(new DigitallySigned(algorithm, signature), hash));
    }
}
