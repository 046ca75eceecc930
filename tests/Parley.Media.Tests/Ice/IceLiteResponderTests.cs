using System.Net;
using Parley.Media.Ice;

namespace Parley.Media.Tests.Ice;

public class IceLiteResponderTests
{
    private static readonly IceCredentials Server = IceCredentials.Generate();
    private static readonly IceCredentials Browser = IceCredentials.Generate(4, 24);
    private static readonly IPEndPoint BrowserAddress = new(IPAddress.Loopback, 54321);

    private static (byte[] Packet, byte[] TransactionId) Check(IceCredentials signWith, bool useCandidate = true, IceCredentials? serverView = null)
    {
        var transactionId = new byte[12];
        IceControllingClient.NewTransactionId(transactionId);
        var buffer = new byte[256];
        var length = IceControllingClient.WriteBindingRequest(
            buffer, transactionId, Browser, serverView ?? signWith, 0x6e0001ff, 42, useCandidate);
        return (buffer[..length], transactionId);
    }

    [Fact]
    public void AnswersAValidCheckWithAResponseTheClientAccepts()
    {
        var (request, transactionId) = Check(Server);
        var response = new byte[IceLiteResponder.MaxResponseLength];

        var outcome = IceLiteResponder.TryHandleBindingRequest(request, BrowserAddress, Server, response, Browser.Ufrag);

        Assert.Equal(IceBindingResult.Success, outcome.Result);
        Assert.True(outcome.UseCandidate);
        Assert.Equal(0x6e0001ffu, outcome.Priority);
        var result = IceControllingClient.VerifyBindingResponse(
            response.AsSpan(0, outcome.ResponseLength), transactionId, Server, out var mapped, out _);
        Assert.Equal(IceCheckResult.Success, result);
        Assert.Equal(BrowserAddress, mapped);
    }

    [Fact]
    public void TheSfuCanReadItsOwnUfragBeforeItKnowsThePeer()
    {
        var (request, _) = Check(Server);
        Assert.True(StunMessage.TryParse(request, out var message));
        Assert.True(message.TryGetUsername(out var local, out var remote));
        Assert.Equal(Server.Ufrag, System.Text.Encoding.ASCII.GetString(local));
        Assert.Equal(Browser.Ufrag, System.Text.Encoding.ASCII.GetString(remote));
    }

    [Fact]
    public void TheLocalUfragCanBeLookedUpWithoutAllocatingAString()
    {
        var sessions = new Dictionary<string, int> { [Server.Ufrag] = 42 };
        var lookup = sessions.GetAlternateLookup<ReadOnlySpan<char>>();
        var (request, _) = Check(Server);
        Assert.True(StunMessage.TryParse(request, out var message));

        Span<char> ufrag = stackalloc char[64];
        Assert.True(message.TryGetLocalUfrag(ufrag, out var length));
        Assert.True(lookup.TryGetValue(ufrag[..length], out var session));
        Assert.Equal(42, session);
        Assert.False(message.TryGetLocalUfrag(stackalloc char[2], out _));
    }

    [Fact]
    public void MapsTheSourceFromASocketAddressLikeFromAnEndPoint()
    {
        var (request, transactionId) = Check(Server);
        var v6 = new IPEndPoint(IPAddress.Parse("2001:db8::7"), 40000);
        var response = new byte[IceLiteResponder.MaxResponseLength];

        var outcome = IceLiteResponder.TryHandleBindingRequest(request, v6.Serialize(), Server, response);

        Assert.True(outcome.IsSuccess);
        IceControllingClient.VerifyBindingResponse(response.AsSpan(0, outcome.ResponseLength), transactionId, Server, out var mapped, out _);
        Assert.Equal(v6, mapped);
    }

    [Fact]
    public void ReportsAnIpv4MappedSourceOfADualModeSocketAsIpv4()
    {
        var (request, transactionId) = Check(Server);
        var mappedSource = new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), 40001);
        var response = new byte[IceLiteResponder.MaxResponseLength];

        var outcome = IceLiteResponder.TryHandleBindingRequest(request, mappedSource.Serialize(), Server, response);

        IceControllingClient.VerifyBindingResponse(response.AsSpan(0, outcome.ResponseLength), transactionId, Server, out var mapped, out _);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 40001), mapped);
    }

    [Fact]
    public void RefusesACheckSignedWithTheWrongPasswordWith401()
    {
        var impostor = new IceCredentials(Server.Ufrag, "wrongwrongwrongwrongwrong");
        var (request, transactionId) = Check(impostor);
        var response = new byte[IceLiteResponder.MaxResponseLength];

        var outcome = IceLiteResponder.TryHandleBindingRequest(request, BrowserAddress, Server, response);

        Assert.Equal(IceBindingResult.IntegrityInvalid, outcome.Result);
        Assert.True(outcome.HasResponse);
        var result = IceControllingClient.VerifyBindingResponse(
            response.AsSpan(0, outcome.ResponseLength), transactionId, Server, out _, out var code);
        Assert.Equal(IceCheckResult.ErrorResponse, result);
        Assert.Equal(401, code);
        Assert.True(StunMessage.TryParse(response.AsSpan(0, outcome.ResponseLength), out var error));
        Assert.False(error.HasMessageIntegrity);
    }

    [Fact]
    public void RefusesACheckForAnotherUfragWith401()
    {
        var other = IceCredentials.Generate();
        var (request, _) = Check(other);
        var outcome = IceLiteResponder.TryHandleBindingRequest(request, BrowserAddress, Server, new byte[160]);
        Assert.Equal(IceBindingResult.UnknownUsername, outcome.Result);
    }

    [Fact]
    public void RefusesACheckFromAnUnexpectedRemoteUfrag()
    {
        var (request, _) = Check(Server);
        var outcome = IceLiteResponder.TryHandleBindingRequest(request, BrowserAddress, Server, new byte[160], "zzzz");
        Assert.Equal(IceBindingResult.UnknownUsername, outcome.Result);
    }

    [Fact]
    public void AnswersACheckWithoutCredentialsWith400()
    {
        var buffer = new byte[64];
        var writer = new StunMessageWriter(buffer, StunClass.Request, StunMethod.Binding, new byte[12]);
        var length = writer.AddFingerprint();
        var response = new byte[160];

        var outcome = IceLiteResponder.TryHandleBindingRequest(buffer.AsSpan(0, length), BrowserAddress, Server, response);

        Assert.Equal(IceBindingResult.BadRequest, outcome.Result);
        Assert.True(StunMessage.TryParse(response.AsSpan(0, outcome.ResponseLength), out var error));
        Assert.True(error.TryGetErrorCode(out var code, out _));
        Assert.Equal(400, code);
        Assert.True(error.VerifyFingerprint());
    }

    [Fact]
    public void DropsACheckWithoutFingerprintSilently()
    {
        var buffer = new byte[128];
        var writer = new StunMessageWriter(buffer, StunClass.Request, StunMethod.Binding, new byte[12]);
        writer.AddUsername(Server.Ufrag, Browser.Ufrag);
        writer.AddMessageIntegrity(Server.PasswordKey);
        var outcome = IceLiteResponder.TryHandleBindingRequest(buffer.AsSpan(0, writer.Length), BrowserAddress, Server, new byte[160]);
        Assert.Equal(IceBindingResult.FingerprintMissing, outcome.Result);
        Assert.False(outcome.HasResponse);
    }

    [Fact]
    public void DropsACheckWithACorruptedFingerprint()
    {
        var (request, _) = Check(Server);
        request[^1] ^= 1;
        var outcome = IceLiteResponder.TryHandleBindingRequest(request, BrowserAddress, Server, new byte[160]);
        Assert.Equal(IceBindingResult.FingerprintInvalid, outcome.Result);
        Assert.False(outcome.HasResponse);
    }

    [Fact]
    public void AnswersAPeerThatAlsoClaimsControlledWithRoleConflict()
    {
        var buffer = new byte[160];
        var writer = new StunMessageWriter(buffer, StunClass.Request, StunMethod.Binding, new byte[12]);
        writer.AddUsername(Server.Ufrag, Browser.Ufrag);
        writer.AddIceControlled(7);
        writer.AddMessageIntegrity(Server.PasswordKey);
        var length = writer.AddFingerprint();
        var response = new byte[160];

        var outcome = IceLiteResponder.TryHandleBindingRequest(buffer.AsSpan(0, length), BrowserAddress, Server, response);

        Assert.Equal(IceBindingResult.RoleConflict, outcome.Result);
        Assert.True(StunMessage.TryParse(response.AsSpan(0, outcome.ResponseLength), out var error));
        Assert.True(error.TryGetErrorCode(out var code, out _));
        Assert.Equal(487, code);
        Assert.True(error.VerifyMessageIntegrity(Server.PasswordKey));
    }

    [Fact]
    public void AnswersUnknownComprehensionRequiredAttributesWith420()
    {
        var buffer = new byte[160];
        var writer = new StunMessageWriter(buffer, StunClass.Request, StunMethod.Binding, new byte[12]);
        writer.AddUsername(Server.Ufrag, Browser.Ufrag);
        writer.AddAttribute((StunAttributeType)0x7777, [1, 2, 3]);
        writer.AddMessageIntegrity(Server.PasswordKey);
        var length = writer.AddFingerprint();
        var response = new byte[160];

        var outcome = IceLiteResponder.TryHandleBindingRequest(buffer.AsSpan(0, length), BrowserAddress, Server, response);

        Assert.Equal(IceBindingResult.UnknownAttribute, outcome.Result);
        Assert.True(StunMessage.TryParse(response.AsSpan(0, outcome.ResponseLength), out var error));
        Assert.True(error.TryGetAttribute(StunAttributeType.UnknownAttributes, out var list));
        Assert.Equal(new byte[] { 0x77, 0x77 }, list.ToArray());
    }

    [Fact]
    public void IgnoresBindingIndicationsAndResponses()
    {
        var buffer = new byte[64];
        var indication = new StunMessageWriter(buffer, StunClass.Indication, StunMethod.Binding, new byte[12]);
        var length = indication.AddFingerprint();
        Assert.Equal(IceBindingResult.Indication,
            IceLiteResponder.TryHandleBindingRequest(buffer.AsSpan(0, length), BrowserAddress, Server, new byte[160]).Result);

        var success = new StunMessageWriter(buffer, StunClass.SuccessResponse, StunMethod.Binding, new byte[12]);
        length = success.AddFingerprint();
        Assert.Equal(IceBindingResult.NotBindingRequest,
            IceLiteResponder.TryHandleBindingRequest(buffer.AsSpan(0, length), BrowserAddress, Server, new byte[160]).Result);
    }

    [Fact]
    public void ClientRejectsAResponseToAnotherTransactionOrWithAForgedIntegrity()
    {
        var (request, transactionId) = Check(Server);
        var response = new byte[160];
        var outcome = IceLiteResponder.TryHandleBindingRequest(request, BrowserAddress, Server, response);
        var packet = response[..outcome.ResponseLength];

        var otherId = (byte[])transactionId.Clone();
        otherId[0] ^= 0xFF;
        Assert.Equal(IceCheckResult.TransactionMismatch,
            IceControllingClient.VerifyBindingResponse(packet, otherId, Server, out _, out _));
        Assert.Equal(IceCheckResult.IntegrityInvalid,
            IceControllingClient.VerifyBindingResponse(packet, transactionId, IceCredentials.Generate(), out _, out _));
    }
}
