using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using Parley.Media.Dtls;
using Parley.Media.Ice;
using Parley.Media.Sdp;

namespace Parley.Media.Tests.Dtls;

/// <summary>
/// Our C# client path against our server path over real UDP on 127.0.0.1: SDP offer/answer,
/// a nominating check answered by the ICE-lite responder (from a SocketAddress, as the SFU
/// receives), consent recorded, then DTLS with the answer's fingerprints. This is the sequence
/// the SFU and the headless client run.
/// </summary>
public class OwnClientOverUdpTests
{
    [Fact]
    public async Task TheClientConnectsToTheServerOverLoopbackUdp()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        // Signalling.
        var clientIce = IceCredentials.Generate();
        var clientCertificate = DtlsCertificate.Generate();
        var serverIce = IceCredentials.Generate();
        var serverCertificate = DtlsCertificate.Generate();
        var offer = SdpOfferWriter.Write(new SdpClientOfferOptions(clientIce, clientCertificate.Fingerprint, SendSsrc: 1234));
        var answer = SdpAnswerBuilder.Build(offer, new SdpAnswerOptions(serverIce, serverCertificate.Fingerprint, [(IPEndPoint)server.LocalEndPoint!], [1u, 2u, 3u]));
        var read = SdpAnswerReader.Read(answer.Sdp);
        var serverAddress = read.Candidates[0];

        // Server side: one receive loop demultiplexing by first byte (RFC 7983).
        var time = new FakeTimeProvider();
        var consent = new ConsentFreshness(time);
        SocketAddress? peer = null;
        var serverTransport = new DtlsDatagramTransport(d => server.SendTo(d, SocketFlags.None, peer!));
        using var serverDtls = new DtlsServerHandshake(serverCertificate, answer.Negotiation.RemoteFingerprint, serverTransport);
        var serverKeys = serverDtls.StartAsync();
        var nominated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            var buffer = new byte[2048];
            var response = new byte[IceLiteResponder.MaxResponseLength];
            var from = new SocketAddress(AddressFamily.InterNetwork);
            while (!ct.IsCancellationRequested)
            {
                var length = await server.ReceiveFromAsync(buffer, SocketFlags.None, from, ct);
                if (Serve(buffer.AsSpan(0, length), from, server, serverIce, answer.Negotiation.RemoteIceUfrag, serverTransport, response, consent) is { } nominating)
                {
                    peer ??= new SocketAddress(from.Family, from.Size);
                    from.Buffer.CopyTo(peer.Buffer);
                    if (nominating)
                    {
                        nominated.TrySetResult();
                    }
                }
            }
        }, ct);

        // Client side: a nominating check, its response verified.
        var remoteIce = new IceCredentials(read.IceUfrag, read.IcePwd);
        var transactionId = new byte[12];
        IceControllingClient.NewTransactionId(transactionId);
        var request = new byte[256];
        var requestLength = IceControllingClient.WriteBindingRequest(
            request, transactionId, clientIce, remoteIce, IceControllingClient.ComputePriority(110, 65535, 1), IceControllingClient.NewTieBreaker(), useCandidate: true);
        await client.SendToAsync(request.AsMemory(0, requestLength), SocketFlags.None, serverAddress, ct);
        var reply = new byte[2048];
        var received = await client.ReceiveFromAsync(reply, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), ct).AsTask().WaitAsync(TimeSpan.FromSeconds(5), ct);
        var result = IceControllingClient.VerifyBindingResponse(reply.AsSpan(0, received.ReceivedBytes), transactionId, remoteIce, out var mapped, out _);
        Assert.Equal(IceCheckResult.Success, result);
        Assert.Equal(client.LocalEndPoint, mapped);
        await nominated.Task.Within("the server to see USE-CANDIDATE");
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(consent.IsExpired);

        // DTLS, the client active as a=setup:passive in the answer asks.
        Assert.Equal("passive", read.Setup);
        var clientTransport = new DtlsDatagramTransport(d => client.SendTo(d, SocketFlags.None, serverAddress));
        using var clientDtls = new DtlsClientHandshake(clientCertificate, read.Fingerprint, clientTransport);
        var clientKeys = clientDtls.StartAsync();
        _ = Task.Run(async () =>
        {
            var buffer = new byte[2048];
            while (!ct.IsCancellationRequested)
            {
                var r = await client.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), ct);
                if (buffer[0] is >= 20 and <= 63)
                {
                    clientTransport.Enqueue(buffer.AsSpan(0, r.ReceivedBytes));
                }
            }
        }, ct);

        var s = await serverKeys.Within("the server's DTLS handshake over UDP");
        var c = await clientKeys.Within("the client's DTLS handshake over UDP");
        Assert.Equal(s.ClientWriteKey, c.ClientWriteKey);
        Assert.Equal(s.ServerWriteSalt, c.ServerWriteSalt);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(consent.IsExpired);
    }

    // Returns null unless a check succeeded; then whether it nominated. Synchronous because
    // StunMessage is a ref struct (no awaits around it, as in the SFU's receive loop).
    private static bool? Serve(
        ReadOnlySpan<byte> packet, SocketAddress from, Socket server, IceCredentials ice, string remoteUfrag,
        DtlsDatagramTransport transport, byte[] response, ConsentFreshness consent)
    {
        if (packet[0] is >= 20 and <= 63)
        {
            transport.Enqueue(packet);
            return null;
        }

        if (packet[0] >= 4 || !StunMessage.TryParse(packet, out var check))
        {
            return null;
        }

        var outcome = IceLiteResponder.TryHandleBindingRequest(check, from, ice, response, remoteUfrag);
        if (outcome.HasResponse)
        {
            server.SendTo(response.AsSpan(0, outcome.ResponseLength), SocketFlags.None, from);
        }

        if (!outcome.IsSuccess)
        {
            return null;
        }

        consent.RecordConsent();
        return outcome.UseCandidate;
    }
}
