using System.Net;
using BenchmarkDotNet.Attributes;
using Parley.Media.Ice;

namespace Parley.Media.Benchmarks;

/// <summary>
/// The cost of answering one ICE consent check (RFC 7675: every peer sends one every ~5 s, so
/// 5,000 listeners mean ~1,000 a second). Goal: zero allocations, a few microseconds.
/// </summary>
[MemoryDiagnoser]
public class StunBenchmarks
{
    private readonly IceCredentials _server = IceCredentials.Generate();
    private readonly IceCredentials _browser = IceCredentials.Generate(4, 24);
    private readonly SocketAddress _remote = new IPEndPoint(IPAddress.Loopback, 50000).Serialize();
    private readonly byte[] _response = new byte[IceLiteResponder.MaxResponseLength];
    private byte[] _request = [];

    [GlobalSetup]
    public void Setup()
    {
        var buffer = new byte[256];
        var id = new byte[12];
        IceControllingClient.NewTransactionId(id);
        var length = IceControllingClient.WriteBindingRequest(buffer, id, _browser, _server, 0x6e0001ff, 42, useCandidate: true);
        _request = buffer[..length];
    }

    [Benchmark]
    public bool ParseOnly()
    {
        return StunMessage.TryParse(_request, out var message) && message.TryGetUsername(out _, out _);
    }

    [Benchmark]
    public bool ParseAndVerifyIntegrityOneShotHmac()
    {
        return StunMessage.TryParse(_request, out var message)
            && message.VerifyFingerprint()
            && message.VerifyMessageIntegrity(_server.PasswordKey);
    }

    [Benchmark]
    public bool ParseAndVerifyIntegrityKeptKey()
    {
        return StunMessage.TryParse(_request, out var message)
            && message.VerifyFingerprint()
            && message.VerifyMessageIntegrity(_server.IntegrityKey);
    }

    [Benchmark(Baseline = true)]
    public int HandleCheckAndWriteResponse()
    {
        return IceLiteResponder.TryHandleBindingRequest(_request, _remote, _server, _response).ResponseLength;
    }
}
