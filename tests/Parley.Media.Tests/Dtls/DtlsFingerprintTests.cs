using Parley.Media.Dtls;

namespace Parley.Media.Tests.Dtls;

public class DtlsFingerprintTests
{
    [Fact]
    public void AGeneratedCertificateHasAnSdpStyleSha256Fingerprint()
    {
        var certificate = DtlsCertificate.Generate();
        var text = certificate.Fingerprint.ToString();

        Assert.StartsWith("sha-256 ", text, StringComparison.Ordinal);
        Assert.Matches("^sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}$", text);
        Assert.True(certificate.Fingerprint.Matches(certificate.Der));
        Assert.True(certificate.NotAfter > DateTimeOffset.UtcNow.AddDays(29));
    }

    [Fact]
    public void ParsesWhatItFormatsAndComparesCaseInsensitively()
    {
        var certificate = DtlsCertificate.Generate();
        var text = certificate.Fingerprint.ToString();

        Assert.True(DtlsFingerprint.TryParse(text, out var parsed));
        Assert.Equal(certificate.Fingerprint, parsed);
        Assert.True(DtlsFingerprint.TryParse(text.ToLowerInvariant().Replace("sha-256", "SHA-256"), out var lower));
        Assert.Equal(certificate.Fingerprint, lower);
        Assert.True(lower!.Matches(certificate.Der));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sha-256")]
    [InlineData("md5 AB:CD")]
    [InlineData("sha-256 AB:CD")]
    [InlineData("sha-256 ZZ:CD:5A:83:7D:68:F9:A3:43:94:8F:B2:9D:17:B5:46:15:91:AA:6D:B0:F2:35:D6:16:40:57:8A:08:2A:25:44")]
    public void RejectsMalformedFingerprints(string text)
    {
        Assert.False(DtlsFingerprint.TryParse(text, out _));
    }

    [Fact]
    public void AcceptsTheOtherHashFunctionsOfRfc8122()
    {
        var certificate = DtlsCertificate.Generate();
        var sha1 = DtlsFingerprint.Compute(certificate.Der, "sha-1");
        Assert.True(DtlsFingerprint.TryParse(sha1.ToString(), out var parsed));
        Assert.True(parsed!.Matches(certificate.Der));
        Assert.False(DtlsCertificate.Generate().Fingerprint.Matches(certificate.Der));
    }
}
