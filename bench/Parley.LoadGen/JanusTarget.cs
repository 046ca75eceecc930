using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Parley.LoadGen;

/// <summary>
/// Janus 1.1.2's VideoRoom over its HTTP API (../shared/bench/janus-loopback.md): one session,
/// one handle per peer; publishers "joinandconfigure" with our offer, subscribers "join" and
/// answer the plugin's offer with "start". Events arrive on one long poll, matched by transaction.
/// </summary>
internal sealed class JanusTarget(string configDir, string? cpus, string resultsDir) : IServerTarget
{
    private const long Room = 1234;
    private readonly HttpClient _http = new() { BaseAddress = new Uri("http://127.0.0.1:8088/janus/"), Timeout = TimeSpan.FromSeconds(60) };
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<long> _feeds = [];
    private Process? _process;
    private long _session;
    private Task? _poll;
    private Task? _keepalive;

    public string Name => "Janus";
    public int ProcessId => _process?.Id ?? 0;
    public IPAddress PeerAddress { get; } = Eth0Address();
    public bool FullIce => true;
    public bool NeedsConsent => false;

    private static IPAddress Eth0Address()
    {
        // Janus gathers only eth0 (loopback is skipped); the kernel routes it through lo anyway.
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.Name == "eth0")
            {
                foreach (var a in nic.GetIPProperties().UnicastAddresses)
                {
                    if (a.Address.AddressFamily == AddressFamily.InterNetwork)
                    {
                        return a.Address;
                    }
                }
            }
        }
        throw new InvalidOperationException("No IPv4 address on eth0 (Janus's only ICE interface).");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _process = ServerProcess.Start(
            "janus",
            ["-F", configDir, "-C", Path.Combine(configDir, "janus.jcfg"), "--disable-colors", "-L", Path.Combine(resultsDir, "janus.log"), "-N"],
            cpus,
            Path.Combine(resultsDir, "janus.stdout.log"));
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var info = await PostAsync("", new JsonObject { ["janus"] = "info" }, cancellationToken);
                if (info["janus"]?.GetValue<string>() == "server_info")
                {
                    break;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(30) && !_process.HasExited)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
        var created = await PostAsync("", new JsonObject { ["janus"] = "create" }, cancellationToken);
        _session = created["data"]!["id"]!.GetValue<long>();
        _poll = Task.Run(() => PollAsync(_stopping.Token), CancellationToken.None);
        _keepalive = Task.Run(() => KeepaliveAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task JoinAsync(BenchPeer peer, bool speaker, CancellationToken cancellationToken)
    {
        var attached = await PostAsync($"{_session}", new JsonObject { ["janus"] = "attach", ["plugin"] = "janus.plugin.videoroom" }, cancellationToken);
        var handle = attached["data"]!["id"]!.GetValue<long>();
        if (speaker)
        {
            var offer = PublisherOffer(peer);
            var ev = await MessageAsync(handle, new JsonObject { ["request"] = "joinandconfigure", ["ptype"] = "publisher", ["room"] = Room, ["display"] = $"speaker{peer.Id}", ["audio"] = true, ["video"] = false }, offer, cancellationToken);
            var data = ev["plugindata"]?["data"];
            if (data?["id"] is null || ev["jsep"]?["sdp"] is null)
            {
                throw new InvalidOperationException($"Janus publisher join failed: {ev.ToJsonString()}");
            }
            _feeds.Add(data["id"]!.GetValue<long>());
            RemoteSdp.Parse(ev["jsep"]!["sdp"]!.GetValue<string>(), peer.Local.AddressFamily).ApplyTo(peer);
            return;
        }
        var streams = new JsonArray();
        foreach (var feed in _feeds)
        {
            streams.Add(new JsonObject { ["feed"] = feed });
        }
        var joined = await MessageAsync(handle, new JsonObject { ["request"] = "join", ["ptype"] = "subscriber", ["room"] = Room, ["streams"] = streams }, null, cancellationToken);
        var offerSdp = joined["jsep"]?["sdp"]?.GetValue<string>() ?? throw new InvalidOperationException($"Janus subscriber join failed: {joined.ToJsonString()}");
        var remote = RemoteSdp.Parse(offerSdp, peer.Local.AddressFamily);
        remote.ApplyTo(peer);
        var answer = SubscriberAnswer(peer, remote, offerSdp);
        // "start" is answered asynchronously ("started"); media flows after ICE and DTLS anyway.
        await MessageAsync(handle, new JsonObject { ["request"] = "start" }, answer, cancellationToken, waitForEvent: false);
    }

    private static string Candidate(BenchPeer peer) =>
        $"a=candidate:1 1 udp 2130706431 {peer.Local.Address} {peer.Local.Port} typ host\r\n";

    private static string PublisherOffer(BenchPeer peer)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"v=0\r\no=- {peer.Ssrc} 1 IN IP4 {peer.Local.Address}\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\na=msid-semantic: WMS bench\r\n");
        b.Append(CultureInfo.InvariantCulture, $"m=audio {peer.Local.Port} UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 {peer.Local.Address}\r\na=mid:0\r\na=sendonly\r\na=rtcp-mux\r\n");
        b.Append(CultureInfo.InvariantCulture, $"a=ice-ufrag:{peer.LocalIce.Ufrag}\r\na=ice-pwd:{peer.LocalIce.Password}\r\na=fingerprint:{peer.Certificate.Fingerprint}\r\na=setup:active\r\n");
        b.Append("a=rtpmap:111 opus/48000/2\r\na=fmtp:111 minptime=10;useinbandfec=1\r\na=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n");
        b.Append(CultureInfo.InvariantCulture, $"a=msid:bench a{peer.Id}\r\na=ssrc:{peer.Ssrc} cname:bench{peer.Id}\r\n");
        b.Append(Candidate(peer)).Append("a=end-of-candidates\r\n");
        return b.ToString();
    }

    private static string SubscriberAnswer(BenchPeer peer, RemoteSdp remote, string offer)
    {
        // Answer every m-line of the offer (audio recvonly, others rejected), BUNDLEd as offered.
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"v=0\r\no=- {peer.Ssrc} 1 IN IP4 {peer.Local.Address}\r\ns=-\r\nt=0 0\r\n");
        var mids = new List<(string Kind, string Mid, string Pt)>();
        string? kind = null, pt = null;
        foreach (var raw in offer.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("m=", StringComparison.Ordinal))
            {
                var f = line.Split(' ');
                kind = f[0][2..];
                pt = f.Length > 3 ? f[3] : "0";
            }
            else if (line.StartsWith("a=mid:", StringComparison.Ordinal) && kind is not null)
            {
                mids.Add((kind, line[6..], pt!));
            }
        }
        b.Append("a=group:BUNDLE ").AppendJoin(' ', mids.Where(m => m.Kind == "audio").Select(m => m.Mid)).Append("\r\n");
        var first = true;
        foreach (var (k, mid, mpt) in mids)
        {
            if (k != "audio")
            {
                b.Append(CultureInfo.InvariantCulture, $"m={k} 0 UDP/TLS/RTP/SAVPF {mpt}\r\nc=IN IP4 0.0.0.0\r\na=mid:{mid}\r\na=inactive\r\n");
                continue;
            }
            b.Append(CultureInfo.InvariantCulture, $"m=audio {peer.Local.Port} UDP/TLS/RTP/SAVPF {remote.OpusPt}\r\nc=IN IP4 {peer.Local.Address}\r\na=mid:{mid}\r\na=recvonly\r\na=rtcp-mux\r\n");
            b.Append(CultureInfo.InvariantCulture, $"a=ice-ufrag:{peer.LocalIce.Ufrag}\r\na=ice-pwd:{peer.LocalIce.Password}\r\na=fingerprint:{peer.Certificate.Fingerprint}\r\na=setup:active\r\n");
            b.Append(CultureInfo.InvariantCulture, $"a=rtpmap:{remote.OpusPt} opus/48000/2\r\n");
            if (first)
            {
                b.Append(Candidate(peer)).Append("a=end-of-candidates\r\n");
                first = false;
            }
        }
        return b.ToString();
    }

    private async Task<JsonNode> MessageAsync(long handle, JsonObject body, string? sdp, CancellationToken cancellationToken, bool waitForEvent = true)
    {
        var transaction = Guid.NewGuid().ToString("N");
        var tcs = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[transaction] = tcs;
        var message = new JsonObject { ["janus"] = "message", ["body"] = body };
        if (sdp is not null)
        {
            message["jsep"] = new JsonObject { ["type"] = body["request"]!.GetValue<string>() == "start" ? "answer" : "offer", ["sdp"] = sdp, ["trickle"] = false };
        }
        var ack = await PostAsync($"{_session}/{handle}", message, cancellationToken, transaction);
        var kind = ack["janus"]?.GetValue<string>();
        if (kind == "event")
        {
            _pending.TryRemove(transaction, out _);
            return ack;
        }
        if (kind != "ack")
        {
            _pending.TryRemove(transaction, out _);
            throw new InvalidOperationException($"Janus refused a message: {ack.ToJsonString()}");
        }
        if (!waitForEvent)
        {
            _pending.TryRemove(transaction, out _);
            return ack;
        }
        try
        {
            return await tcs.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        finally
        {
            _pending.TryRemove(transaction, out _);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var text = await _http.GetStringAsync($"{_session}?maxev=100", cancellationToken);
                var node = JsonNode.Parse(text);
                var events = node is JsonArray array ? array.ToList() : [node];
                foreach (var ev in events)
                {
                    var transaction = ev?["transaction"]?.GetValue<string>();
                    if (transaction is not null && _pending.TryGetValue(transaction, out var tcs))
                    {
                        tcs.TrySetResult(ev!);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    private async Task KeepaliveAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await PostAsync($"{_session}", new JsonObject { ["janus"] = "keepalive" }, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
        {
        }
    }

    private async Task<JsonNode> PostAsync(string path, JsonObject body, CancellationToken cancellationToken, string? transaction = null)
    {
        body["transaction"] = transaction ?? Guid.NewGuid().ToString("N");
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(path, content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Janus sent an empty reply.");
    }

    public Task<GcSnapshot?> GcAsync() => Task.FromResult<GcSnapshot?>(null);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await ServerProcess.StopAsync(_process);
        foreach (var task in new[] { _poll, _keepalive })
        {
            if (task is not null)
            {
                try
                {
                    await task.WaitAsync(TimeSpan.FromSeconds(5));
                }
                catch (Exception)
                {
                }
            }
        }
        _process?.Dispose();
        _http.Dispose();
        _stopping.Dispose();
    }
}
