using System.Buffers.Binary;
using Parley.Media.Ice;

namespace Parley.Media.Tests.Ice;

public class StunParsingTests
{
    [Fact]
    public void RoundTripsEveryAttributeTheWriterKnows()
    {
        var buffer = new byte[256];
        var id = new byte[12];
        IceControllingClient.NewTransactionId(id);
        var writer = new StunMessageWriter(buffer, StunClass.ErrorResponse, StunMethod.Binding, id);
        writer.AddUsername("abcd", "efgh");
        writer.AddPriority(1234);
        writer.AddIceControlling(0x0102030405060708);
        writer.AddUseCandidate();
        writer.AddErrorCode(438, "Stale Nonce");
        writer.AddMessageIntegrity("key"u8);
        var length = writer.AddFingerprint();

        Assert.True(StunMessage.TryParse(buffer.AsSpan(0, length), out var m, out var error), error.ToString());
        Assert.Equal(StunClass.ErrorResponse, m.Class);
        Assert.Equal(id, m.TransactionId.ToArray());
        Assert.True(m.TryGetPriority(out var priority));
        Assert.Equal(1234u, priority);
        Assert.True(m.TryGetIceControlling(out var tie));
        Assert.Equal(0x0102030405060708ul, tie);
        Assert.True(m.HasUseCandidate);
        Assert.True(m.TryGetErrorCode(out var code, out var reason));
        Assert.Equal(438, code);
        Assert.Equal("Stale Nonce", System.Text.Encoding.UTF8.GetString(reason));
        Assert.True(m.VerifyMessageIntegrity("key"u8));
        Assert.True(m.VerifyFingerprint());
    }

    [Theory]
    [InlineData(0x0001, StunClass.Request)]
    [InlineData(0x0011, StunClass.Indication)]
    [InlineData(0x0101, StunClass.SuccessResponse)]
    [InlineData(0x0111, StunClass.ErrorResponse)]
    public void DecodesTheClassBitsOfTheMessageType(int type, StunClass expected)
    {
        var packet = Header((ushort)type, 0);
        Assert.True(StunMessage.TryParse(packet, out var m));
        Assert.Equal(expected, m.Class);
        Assert.Equal(StunMethod.Binding, m.Method);
    }

    [Fact]
    public void RejectsALengthThatIsNotAMultipleOfFour()
    {
        var packet = new byte[26];
        Header(0x0001, 6).CopyTo(packet, 0);
        Assert.False(StunMessage.TryParse(packet, out _, out var error));
        Assert.Equal(StunParseError.LengthNotMultipleOfFour, error);
    }

    [Fact]
    public void RejectsABadMagicCookie()
    {
        var packet = Header(0x0001, 0);
        packet[4] = 0;
        Assert.False(StunMessage.TryParse(packet, out _, out var error));
        Assert.Equal(StunParseError.BadMagicCookie, error);
    }

    [Fact]
    public void RejectsAnAttributeThatOverrunsTheMessage()
    {
        var packet = new byte[28];
        Header(0x0001, 8).CopyTo(packet, 0);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(20), 0x0006);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(22), 40);
        Assert.False(StunMessage.TryParse(packet, out _, out var error));
        Assert.Equal(StunParseError.AttributeOverrun, error);
    }

    [Fact]
    public void RejectsAnAttributeAfterFingerprint()
    {
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunClass.Request, StunMethod.Binding, new byte[12]);
        writer.AddFingerprint();
        writer.AddPriority(1);
        Assert.False(StunMessage.TryParse(buffer.AsSpan(0, writer.Length), out _, out var error));
        Assert.Equal(StunParseError.FingerprintNotLast, error);
    }

    [Fact]
    public void RejectsDatagramsThatAreNotStun()
    {
        Assert.False(StunMessage.TryParse([0x80, 0x6f, 0, 1], out _, out var e1));
        Assert.Equal(StunParseError.TooShort, e1);
        var rtp = new byte[40];
        rtp[0] = 0x80;
        Assert.False(StunMessage.TryParse(rtp, out _, out var e2));
        Assert.Equal(StunParseError.NotStun, e2);
        Assert.False(StunMessage.IsStun(rtp));
        Assert.True(StunMessage.IsStun(Rfc5769Vectors.Request));
    }

    [Fact]
    public void TruncationsAndMutationsOfRealMessagesNeverThrow()
    {
        var random = new Random(5769);
        var response = new byte[160];
        var creds = new IceCredentials("evtj", Rfc5769Vectors.ShortTermPassword);
        foreach (var vector in new[] { Rfc5769Vectors.Request, Rfc5769Vectors.Ipv4Response, Rfc5769Vectors.Ipv6Response, Rfc5769Vectors.LongTermRequest })
        {
            for (var cut = 0; cut <= vector.Length; cut++)
            {
                Exercise(vector.AsSpan(0, cut), creds, response);
            }

            for (var round = 0; round < 2000; round++)
            {
                var copy = (byte[])vector.Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                Exercise(copy, creds, response);
            }
        }

        for (var round = 0; round < 2000; round++)
        {
            var garbage = new byte[random.Next(0, 120)];
            random.NextBytes(garbage);
            if (garbage.Length > 8)
            {
                garbage[0] &= 0x01;
                BinaryPrimitives.WriteUInt32BigEndian(garbage.AsSpan(4), 0x2112A442);
            }

            Exercise(garbage, creds, response);
        }
    }

    private static void Exercise(ReadOnlySpan<byte> packet, IceCredentials creds, byte[] response)
    {
        if (StunMessage.TryParse(packet, out var m))
        {
            _ = m.Class;
            m.TryGetUsername(out _, out _);
            m.TryGetXorMappedAddress(out _);
            m.TryGetErrorCode(out _, out _);
            m.TryGetPriority(out _);
            m.VerifyFingerprint();
            m.VerifyMessageIntegrity(creds.PasswordKey);
            m.CopyUnknownComprehensionRequired(stackalloc ushort[4]);
        }

        IceLiteResponder.TryHandleBindingRequest(packet, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1), creds, response);
    }

    private static byte[] Header(ushort type, ushort length)
    {
        var packet = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(packet, type);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), length);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), 0x2112A442);
        return packet;
    }
}
