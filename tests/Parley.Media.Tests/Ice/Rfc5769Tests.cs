using System.Net;
using System.Security.Cryptography;
using System.Text;
using Parley.Media.Ice;

namespace Parley.Media.Tests.Ice;

public class Rfc5769Tests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes(Rfc5769Vectors.ShortTermPassword);

    [Fact]
    public void SampleRequestParsesWithItsIceAttributes()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out var message, out var error), error.ToString());
        Assert.Equal(StunClass.Request, message.Class);
        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.Equal(Rfc5769Vectors.TransactionId, message.TransactionId.ToArray());
        Assert.True(message.TryGetUsername(out var username));
        Assert.Equal("evtj:h6vY", Encoding.UTF8.GetString(username));
        Assert.True(message.TryGetUsername(out var first, out var second));
        Assert.Equal("evtj", Encoding.ASCII.GetString(first));
        Assert.Equal("h6vY", Encoding.ASCII.GetString(second));
        Assert.True(message.TryGetPriority(out var priority));
        Assert.Equal(0x6e0001ffu, priority);
        Assert.True(message.TryGetIceControlled(out var tieBreaker));
        Assert.Equal(0x932ff9b151263b36ul, tieBreaker);
        Assert.False(message.HasIceControlling);
        Assert.False(message.HasUseCandidate);
        Assert.True(message.TryGetAttribute(StunAttributeType.Software, out var software));
        Assert.Equal("STUN test client", Encoding.UTF8.GetString(software));
    }

    [Fact]
    public void SampleRequestIntegrityAndFingerprintVerify()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out var message));
        Assert.True(message.VerifyMessageIntegrity(Key));
        Assert.True(message.VerifyFingerprint());
        Assert.False(message.VerifyMessageIntegrity("VOkJxbRl1RmTxUk/WvJxBu"u8));
    }

    [Fact]
    public void AKeptKeyVerifiesAndSignsLikeTheOneShotHmac()
    {
        using var key = new StunIntegrityKey(Key);
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Request, out var request));
        Assert.True(request.VerifyMessageIntegrity(key));
        Assert.True(request.VerifyMessageIntegrity(key));
        using var wrong = new StunIntegrityKey("VOkJxbRl1RmTxUk/WvJxBu"u8);
        Assert.False(request.VerifyMessageIntegrity(wrong));

        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunClass.SuccessResponse, StunMethod.Binding, Rfc5769Vectors.TransactionId);
        writer.AddAttribute(StunAttributeType.Software, "test vector"u8);
        buffer[writer.Length - 1] = 0x20;
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853));
        writer.AddMessageIntegrity(key);
        var length = writer.AddFingerprint();
        Assert.Equal(Convert.ToHexString(Rfc5769Vectors.Ipv4Response), Convert.ToHexString(buffer, 0, length));
    }

    [Fact]
    public void SampleIpv4ResponseGivesTheMappedAddress()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Ipv4Response, out var message));
        Assert.Equal(StunClass.SuccessResponse, message.Class);
        Assert.Equal(StunMethod.Binding, message.Method);
        Assert.True(message.VerifyMessageIntegrity(Key));
        Assert.True(message.VerifyFingerprint());
        Assert.True(message.TryGetXorMappedAddress(out var endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853), endPoint);
    }

    [Fact]
    public void SampleIpv6ResponseGivesTheMappedAddress()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.Ipv6Response, out var message));
        Assert.True(message.VerifyMessageIntegrity(Key));
        Assert.True(message.VerifyFingerprint());
        Assert.True(message.TryGetXorMappedAddress(out var endPoint));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853), endPoint);
    }

    [Fact]
    public void LongTermRequestParsesAndItsIntegrityVerifiesWithTheMd5Key()
    {
        Assert.True(StunMessage.TryParse(Rfc5769Vectors.LongTermRequest, out var message, out var error), error.ToString());
        Assert.Equal(StunClass.Request, message.Class);
        Assert.True(message.TryGetUsername(out var username));
        Assert.Equal("\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9", Encoding.UTF8.GetString(username));
        Assert.True(message.TryGetAttribute(StunAttributeType.Realm, out var realm));
        Assert.Equal("example.org", Encoding.UTF8.GetString(realm));
        Assert.True(message.TryGetAttribute(StunAttributeType.Nonce, out var nonce));
        Assert.Equal("f//499k954d6OL34oL9FSTvy64sA", Encoding.UTF8.GetString(nonce));
        Assert.False(message.HasFingerprint);

        // RFC 8489 §9.2.2: key = MD5(username ":" realm ":" SASLprep(password)).
#pragma warning disable CA5351 // RFC 8489 §9.2.2 long-term key is MD5 by definition.
        var key = MD5.HashData(Encoding.UTF8.GetBytes("\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9:example.org:TheMatrIX"));
#pragma warning restore CA5351
        Assert.True(message.VerifyMessageIntegrity(key));
    }

    [Fact]
    public void WriterReproducesTheSampleIpv4ResponseExactly()
    {
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunClass.SuccessResponse, StunMethod.Binding, Rfc5769Vectors.TransactionId);
        // RFC 5769 pads SOFTWARE with a space; our writer pads with zero, so write it padded.
        writer.AddAttribute(StunAttributeType.Software, "test vector"u8);
        buffer[writer.Length - 1] = 0x20;
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 32853));
        writer.AddMessageIntegrity(Key);
        var length = writer.AddFingerprint();
        Assert.Equal(Convert.ToHexString(Rfc5769Vectors.Ipv4Response), Convert.ToHexString(buffer, 0, length));
    }

    [Fact]
    public void WriterReproducesTheSampleIpv6ResponseExactly()
    {
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunClass.SuccessResponse, StunMethod.Binding, Rfc5769Vectors.TransactionId);
        writer.AddAttribute(StunAttributeType.Software, "test vector"u8);
        buffer[writer.Length - 1] = 0x20;
        writer.AddXorMappedAddress(new IPEndPoint(IPAddress.Parse("2001:db8:1234:5678:11:2233:4455:6677"), 32853));
        writer.AddMessageIntegrity(Key);
        var length = writer.AddFingerprint();
        Assert.Equal(Convert.ToHexString(Rfc5769Vectors.Ipv6Response), Convert.ToHexString(buffer, 0, length));
    }
}
