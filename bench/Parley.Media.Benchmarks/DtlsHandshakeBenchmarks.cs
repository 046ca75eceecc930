using BenchmarkDotNet.Attributes;
using Parley.Media.Dtls;

namespace Parley.Media.Benchmarks;

/// <summary>
/// One whole DTLS 1.2 handshake (ECDHE-ECDSA, use_srtp), our client against our server through
/// in-memory transports. The two sides take turns, so the time is close to the CPU of both
/// sides together (DESIGN.md §3 measured about 7 ms with BouncyCastle's own EC arithmetic).
/// A join storm pays the server's half once per listener.
/// </summary>
[MemoryDiagnoser]
public class DtlsHandshakeBenchmarks
{
    private readonly DtlsCertificate _serverCertificate = DtlsCertificate.Generate();
    private readonly DtlsCertificate _clientCertificate = DtlsCertificate.Generate();

    [Benchmark]
    public async Task<int> Handshake()
    {
        DtlsDatagramTransport? serverTransport = null;
        var clientTransport = new DtlsDatagramTransport(d => serverTransport!.Enqueue(d));
        serverTransport = new DtlsDatagramTransport(d => clientTransport.Enqueue(d));
        using var server = new DtlsServerHandshake(_serverCertificate, _clientCertificate.Fingerprint, serverTransport);
        using var client = new DtlsClientHandshake(_clientCertificate, _serverCertificate.Fingerprint, clientTransport);
        var serverKeys = server.StartAsync();
        var clientKeys = client.StartAsync();
        var keys = await serverKeys;
        await clientKeys;
        return keys.ClientWriteKey.Length;
    }
}
