using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Parley.Media.Sdp;

namespace Parley.LoadGen;

/// <summary>
/// Parley through bench/Parley.SfuHost, a separate process: POST /peers with our offer, the
/// answer back. Stands in for the hub's ConnectMedia until the server wires media.
/// </summary>
internal sealed class ParleyHostTarget(string hostDll, string? cpus, string resultsDir, int slots, string[] environment) : IServerTarget
{
    private const int HttpPort = 5099;
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    private Process? _process;

    public string Name => "Parley";
    public int ProcessId => _process?.Id ?? 0;
    public IPAddress PeerAddress => IPAddress.Loopback;
    public bool FullIce => false;
    public bool NeedsConsent => true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _process = ServerProcess.Start("dotnet", ["exec", hostDll, "--http-port", HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], cpus, Path.Combine(resultsDir, "parley-host.log"), environment);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await _http.GetStringAsync("ready", cancellationToken);
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public async Task JoinAsync(BenchPeer peer, bool speaker, CancellationToken cancellationToken)
    {
        var offer = SdpOfferWriter.Write(new SdpClientOfferOptions(peer.LocalIce, peer.Certificate.Fingerprint, peer.Ssrc, slots));
        using var response = await _http.PostAsJsonAsync(
            "peers",
            new { roomId = "bench", peerId = $"p{peer.Id}", offerSdp = offer, canPublish = speaker },
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /peers: {(int)response.StatusCode} {body}");
        }
        RemoteSdp.Parse(body, peer.Local.AddressFamily).ApplyTo(peer);
    }

    public async Task<GcSnapshot?> GcAsync()
    {
        var stats = await _http.GetFromJsonAsync<HostStats>("stats");
        return stats is null ? null : new GcSnapshot(stats.Gen0, stats.Gen1, stats.Gen2, stats.PauseMs, stats.AllocatedBytes);
    }

    public async ValueTask DisposeAsync()
    {
        await ServerProcess.StopAsync(_process);
        _process?.Dispose();
        _http.Dispose();
    }

    private sealed record HostStats(int Gen0, int Gen1, int Gen2, double PauseMs, long AllocatedBytes);
}
