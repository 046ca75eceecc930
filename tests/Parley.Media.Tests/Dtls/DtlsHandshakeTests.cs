using System.Diagnostics;
using Parley.Media.Dtls;

namespace Parley.Media.Tests.Dtls;

public class DtlsHandshakeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ClientAndServerDeriveTheSameAeadGcmKeys()
    {
        using var pair = new DtlsPair();
        var serverTask = pair.Server.StartAsync();
        var clientTask = pair.Client.StartAsync();

        var serverKeys = await serverTask.Within("the server handshake");
        var clientKeys = await clientTask.Within("the client handshake");

        Assert.Equal(DtlsSrtpProfiles.AeadAes128Gcm, serverKeys.ProtectionProfile);
        Assert.Equal(serverKeys.ProtectionProfile, clientKeys.ProtectionProfile);
        Assert.Equal(16, serverKeys.ClientWriteKey.Length);
        Assert.Equal(12, serverKeys.ClientWriteSalt.Length);
        Assert.Equal(serverKeys.ClientWriteKey, clientKeys.ClientWriteKey);
        Assert.Equal(serverKeys.ClientWriteSalt, clientKeys.ClientWriteSalt);
        Assert.Equal(serverKeys.ServerWriteKey, clientKeys.ServerWriteKey);
        Assert.Equal(serverKeys.ServerWriteSalt, clientKeys.ServerWriteSalt);
        Assert.NotEqual(serverKeys.ClientWriteKey, serverKeys.ServerWriteKey);
        Assert.Equal(pair.ClientCertificate.DerArrayForTests(), pair.Server.RemoteCertificate);
    }

    [Fact]
    public async Task NegotiatesAesCmHmacSha1WhenTheServerPrefersOnlyThat()
    {
        var cmOnly = new DtlsHandshakeOptions { SrtpProfiles = [DtlsSrtpProfiles.AesCm128HmacSha1Tag80] };
        using var pair = new DtlsPair(serverOptions: cmOnly);
        var serverTask = pair.Server.StartAsync();
        var clientKeys = await pair.Client.StartAsync().Within("the client handshake");
        var serverKeys = await serverTask.Within("the server handshake");

        Assert.Equal(DtlsSrtpProfiles.AesCm128HmacSha1Tag80, serverKeys.ProtectionProfile);
        Assert.Equal(DtlsSrtpProfiles.AesCm128HmacSha1Tag80, clientKeys.ProtectionProfile);
        Assert.Equal(14, serverKeys.ClientWriteSalt.Length);
        Assert.Equal(serverKeys.ClientWriteKey, clientKeys.ClientWriteKey);
        Assert.Equal(serverKeys.ServerWriteSalt, clientKeys.ServerWriteSalt);
    }

    [Fact]
    public async Task KeysAreAvailableBeforeTheHandshakeCallReturns()
    {
        using var pair = new DtlsPair();
        DtlsSrtpKeys? early = null;
        var completedWhenKeysArrived = true;
        Task<DtlsSrtpKeys>? serverTask = null;
        pair.Server.KeysAvailable += keys =>
        {
            early = keys;
            completedWhenKeysArrived = serverTask!.IsCompleted;
        };
        serverTask = pair.Server.StartAsync();
        _ = pair.Client.StartAsync();

        var keys = await serverTask.Within("the server handshake");
        Assert.Same(keys, early);
        Assert.False(completedWhenKeysArrived);
        Assert.Same(keys, await pair.Server.Keys);
    }

    [Fact]
    public async Task AClientCertificateThatDoesNotMatchTheSdpFailsBothSides()
    {
        var stranger = DtlsCertificate.Generate();
        using var pair = new DtlsPair(serverExpects: stranger.Fingerprint);
        var serverTask = pair.Server.StartAsync();
        var clientTask = pair.Client.StartAsync();

        var serverError = await serverTask.FailsWithin("the server handshake");
        var clientError = await clientTask.FailsWithin("the client handshake");

        Assert.Equal(DtlsHandshakeFailureReason.FingerprintMismatch, serverError.Reason);
        Assert.Contains(stranger.Fingerprint.ToString(), serverError.Message, StringComparison.Ordinal);
        Assert.Equal(DtlsHandshakeFailureReason.ProtocolError, clientError.Reason);
        Assert.Contains("bad_certificate", clientError.Message, StringComparison.Ordinal);
        Assert.Equal(DtlsCloseReason.HandshakeFailed, await pair.Server.Closed.Within("the server to close"));
    }

    [Fact]
    public async Task AServerCertificateThatDoesNotMatchTheSdpFailsTheClient()
    {
        var stranger = DtlsCertificate.Generate();
        using var pair = new DtlsPair(clientExpects: stranger.Fingerprint, serverOptions: new() { Timeout = TimeSpan.FromSeconds(3) });
        var serverTask = pair.Server.StartAsync();
        var clientTask = pair.Client.StartAsync();

        var clientError = await clientTask.FailsWithin("the client handshake");
        var serverError = await serverTask.FailsWithin("the server handshake");

        Assert.Equal(DtlsHandshakeFailureReason.FingerprintMismatch, clientError.Reason);
        Assert.NotEqual(DtlsHandshakeFailureReason.FingerprintMismatch, serverError.Reason);
    }

    [Fact]
    public async Task ALostFinalFlightIsResentWhenTheClientRetransmits()
    {
        // RFC 6347 §4.2.4: the server's last flight (ChangeCipherSpec + Finished, epoch 1) is
        // lost; the client times out and resends its flight; the server, whose Accept has
        // already returned, must answer it again from the post-handshake receive path.
        var droppedServerFinal = 0;
        var clientResent = false;
        using var pair = new DtlsPair(
            dropFromServer: d => IsEpoch1(d) && !clientResent && ++droppedServerFinal > 0,
            dropFromClient: d =>
            {
                clientResent |= droppedServerFinal > 0;
                return false;
            });
        var serverTask = pair.Server.StartAsync();
        var clientTask = pair.Client.StartAsync();

        var serverKeys = await serverTask.Within("the server handshake");
        var clientKeys = await clientTask.Within("the client handshake after a lost final flight");

        Assert.True(droppedServerFinal > 0, "the test never dropped the server's final flight");
        Assert.True(clientResent);
        Assert.Equal(serverKeys.ServerWriteKey, clientKeys.ServerWriteKey);
    }

    // DTLS record header: type(1) version(2) epoch(2) …
    private static bool IsEpoch1(byte[] datagram) => datagram.Length > 5 && datagram[3] == 0 && datagram[4] == 1;

    [Fact]
    public async Task AStalledPeerTimesOut()
    {
        var certificate = DtlsCertificate.Generate();
        var sent = 0;
        var transport = new DtlsDatagramTransport(_ => sent++);
        using var server = new DtlsServerHandshake(
            certificate, DtlsCertificate.Generate().Fingerprint, transport, new DtlsHandshakeOptions { Timeout = TimeSpan.FromMilliseconds(300) });

        var error = await server.StartAsync().FailsWithin("the stalled handshake");

        Assert.Equal(DtlsHandshakeFailureReason.Timeout, error.Reason);
        Assert.True(transport.IsClosed);
        await Assert.ThrowsAsync<DtlsHandshakeException>(() => server.Keys);
    }

    [Fact]
    public async Task AClientThatStopsHalfwayTimesOutTheServer()
    {
        var certificate = DtlsCertificate.Generate();
        var serverTransport = new DtlsDatagramTransport(_ => { });
        using var server = new DtlsServerHandshake(
            certificate, DtlsCertificate.Generate().Fingerprint, serverTransport, new DtlsHandshakeOptions { Timeout = TimeSpan.FromMilliseconds(500) });
        // The client says hello once, then nothing reaches the server any more.
        var forwarded = 0;
        var clientTransport = new DtlsDatagramTransport(d => { if (forwarded++ == 0) serverTransport.Enqueue(d); });
        using var client = new DtlsClientHandshake(DtlsCertificate.Generate(), certificate.Fingerprint, clientTransport, new DtlsHandshakeOptions { Timeout = TimeSpan.FromMilliseconds(500) });

        var serverTask = server.StartAsync();
        _ = client.StartAsync();

        Assert.Equal(DtlsHandshakeFailureReason.Timeout, (await serverTask.FailsWithin("the half-done handshake")).Reason);
    }

    [Fact]
    public async Task GarbageDatagramsDoNotStopTheServer()
    {
        using var pair = new DtlsPair();
        var random = new Random(7983);
        for (var i = 0; i < 50; i++)
        {
            var garbage = new byte[random.Next(1, 300)];
            random.NextBytes(garbage);
            garbage[0] = (byte)random.Next(20, 64);
            pair.Server.Transport.Enqueue(garbage);
        }

        var serverTask = pair.Server.StartAsync();
        var clientTask = pair.Client.StartAsync();
        await serverTask.Within("the server handshake after garbage");
        await clientTask.Within("the client handshake");

        for (var i = 0; i < 50; i++)
        {
            var garbage = new byte[random.Next(1, 300)];
            random.NextBytes(garbage);
            garbage[0] = 23;
            pair.Server.Transport.Enqueue(garbage);
        }

        // Still alive: a clean close from the client is noticed as such, not as an error.
        pair.Client.Close();
        Assert.Equal(DtlsCloseReason.PeerClosed, await pair.Server.Closed.Within("the server to notice close_notify"));
    }

    [Fact]
    public async Task TheServerNoticesTheClientsCloseNotify()
    {
        using var pair = new DtlsPair();
        var serverTask = pair.Server.StartAsync();
        await pair.Client.StartAsync().Within("the client handshake");
        await serverTask.Within("the server handshake");
        Assert.False(pair.Server.Closed.IsCompleted);

        pair.Client.Close();

        Assert.Equal(DtlsCloseReason.PeerClosed, await pair.Server.Closed.Within("the server to notice close_notify"));
        Assert.Equal(DtlsCloseReason.LocalClose, await pair.Client.Closed.Within("the client to close"));
    }

    [Fact]
    public async Task ClosingDuringTheHandshakeEndsItAsClosed()
    {
        var transport = new DtlsDatagramTransport(_ => { });
        using var server = new DtlsServerHandshake(DtlsCertificate.Generate(), DtlsCertificate.Generate().Fingerprint, transport);
        var task = server.StartAsync();
        server.Close();
        Assert.Equal(DtlsHandshakeFailureReason.Closed, (await task.FailsWithin("the closed handshake")).Reason);
    }

    [Fact]
    public async Task MeasuresTheCpuCostOfAHandshake()
    {
        // Warm up JIT and BouncyCastle's static tables first.
        using (var warm = new DtlsPair())
        {
            var s = warm.Server.StartAsync();
            await warm.Client.StartAsync().Within("the warm-up handshake");
            await s.Within("the warm-up server");
        }

        const int rounds = 5;
        var pairs = new DtlsPair[rounds];
        for (var i = 0; i < rounds; i++)
        {
            pairs[i] = new DtlsPair();
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < rounds; i++)
        {
            var s = pairs[i].Server.StartAsync();
            await pairs[i].Client.StartAsync().Within("a measured handshake");
            await s.Within("a measured server handshake");
        }

        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        output.WriteLine($"DTLS handshake, both sides: {cpu.TotalMilliseconds / rounds:0.0} ms CPU, {wall.Elapsed.TotalMilliseconds / rounds:0.0} ms wall (process-wide, {rounds} rounds)");
        foreach (var pair in pairs)
        {
            pair.Dispose();
        }

        Assert.True(cpu > TimeSpan.Zero);
    }
}
