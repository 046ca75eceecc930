using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Media.Sdp;
using Parley.Protocol.Rooms;

namespace Parley.LoadGen;

/// <summary>
/// Parley as a user runs it: the real server (src/Parley.Server, Release) in its own process on a
/// data directory shared by every N (<see cref="HubAccounts"/>), signaling through the room hub.
/// The host (the admin account) creates the room over REST, joins over the hub and publishes;
/// each listener has its own account, hub connection and cookie, calls <c>JoinRoom</c> then
/// <c>ConnectMedia</c> with the lean peer's offer. Every <c>RoomEvent</c> a listener receives is
/// counted, and its envelope's <c>version</c> (the only field read, so a change of the payload
/// does not break the count) times the stage changes of <see cref="StageChangesAsync"/>.
/// </summary>
internal sealed class HubTarget(
    string serverDll, string? cpus, string resultsDir, HubAccounts accounts, int listeners, int largestListeners, int speakers, string[] environment) : IServerTarget
{
    public const int ListenerIdBase = 1000;
    private const int HttpPort = 5098;
    private const int MediaPort = 5097;
    private const int SiloPort = 21111;
    private const int GatewayPort = 30011;
    private const int Slots = 3;

    private readonly Uri _base = new($"http://127.0.0.1:{HttpPort}/");
    private readonly HttpClient _http = new(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{HttpPort}/"), Timeout = TimeSpan.FromSeconds(60) };
    private readonly TaskCompletionSource<string> _adminInvite = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ListenerHub?[] _listeners = new ListenerHub?[listeners];
    private readonly List<HubConnection> _others = [];
    private Process? _process;
    private HubConnection? _host;
    private string _roomId = "";
    private long _hostVersion;
    private Probe? _probe;
    private long _activeSpeakersMessages;
    private long _closedConnections;
    private string? _firstCloseReason;

    /// <summary>Hub connections that closed before the run ended, and why the first one did.</summary>
    public (long Count, string? FirstReason) ClosedConnections => (Interlocked.Read(ref _closedConnections), _firstCloseReason);

    public string Name => "Parley";
    public int ProcessId => _process?.Id ?? 0;
    public IPAddress PeerAddress => IPAddress.Loopback;
    public bool FullIce => false;
    public bool NeedsConsent => true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(accounts.DataDirectory);
        _process = ServerProcess.Start(
            "dotnet",
            [serverDll],
            cpus,
            Path.Combine(resultsDir, "parley-server.log"),
            ServerEnvironment().Concat(environment),
            OnServerLine,
            Path.GetDirectoryName(serverDll));
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var health = await _http.GetAsync("healthz", cancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !_process.HasExited)
            {
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Parley server exited with code {_process.ExitCode} (see parley-server.log).");
            }
            await Task.Delay(200, cancellationToken);
        }
        // Accounts first, for the largest N of the run at once (untimed: registration is set-up,
        // and later server processes only reuse them), then the room.
        await accounts.EnsureAsync(_http, _adminInvite.Task, Math.Max(listeners, largestListeners) + speakers - 1, _process.Id, cancellationToken);
        using var create = new HttpRequestMessage(HttpMethod.Post, "api/v1/rooms") { Content = JsonContent.Create(new { title = "Fan-out bench" }) };
        create.Headers.Add("Cookie", accounts.Admin!.Cookie);
        using var created = await _http.SendAsync(create, cancellationToken);
        var body = await created.Content.ReadAsStringAsync(cancellationToken);
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /api/v1/rooms: {(int)created.StatusCode} {body}");
        }
        _roomId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        _host = await ConnectAsync(accounts.Admin, envelope => Volatile.Write(ref _hostVersion, Math.Max(Volatile.Read(ref _hostVersion), VersionOf(envelope))), cancellationToken);
        var snapshot = await _host.InvokeAsync<JsonElement>(RoomHubMethods.JoinRoom, _roomId, cancellationToken);
        Volatile.Write(ref _hostVersion, Math.Max(Volatile.Read(ref _hostVersion), VersionOf(snapshot)));
    }

    private IEnumerable<string> ServerEnvironment()
    {
        var c = CultureInfo.InvariantCulture;
        return
        [
            $"Urls=http://127.0.0.1:{HttpPort}",
            $"Parley__DataDirectory={accounts.DataDirectory}",
            $"Parley__WebRoot={Path.Combine(accounts.DataDirectory, "no-web-client")}",
            "Parley__Media__BindAddress=127.0.0.1",
            string.Create(c, $"Parley__Media__Port={MediaPort}"),
            string.Create(c, $"Parley__Orleans__SiloPort={SiloPort}"),
            string.Create(c, $"Parley__Orleans__GatewayPort={GatewayPort}"),
            // A benchmark's limits: one client address registers and joins thousands of accounts.
            "Parley__RateLimits__PermitLimit=1000000",
            "Parley__Invites__Quota=1000000",
            "Parley__Moderation__JoinsPerMinute=1000000",
            "Parley__Moderation__RoomsPerHour=1000000",
            "Parley__Moderation__HandRaisesPerMinute=1000000",
            "Parley__Moderation__FloodStrikes=1000000",
            "Parley__Hub__CallBurst=1000000",
            "Parley__Hub__CallsPerSecond=1000000",
            // Registration is set-up, not what is measured: 1,000 PBKDF2 iterations instead of 100,000.
            "Parley__Accounts__PasswordHashIterations=1000",
            "Logging__LogLevel__Default=Warning",
        ];
    }

    private void OnServerLine(string line)
    {
        const string prefix = "Admin invite: ";
        if (line.StartsWith(prefix, StringComparison.Ordinal))
        {
            _adminInvite.TrySetResult(line[(line.LastIndexOf('/') + 1)..].Trim());
        }
    }

    public async Task JoinAsync(BenchPeer peer, bool speaker, CancellationToken cancellationToken)
    {
        var offer = SdpOfferWriter.Write(new SdpClientOfferOptions(peer.LocalIce, peer.Certificate.Fingerprint, peer.Ssrc, Slots));
        try
        {
            string answer;
            if (speaker)
            {
                answer = await JoinSpeakerAsync(peer.Id, offer, cancellationToken);
            }
            else
            {
                var index = peer.Id - ListenerIdBase;
                var hub = new ListenerHub();
                _listeners[index] = hub;
                hub.Connection = await ConnectAsync(accounts.Members[index], envelope => OnListenerEvent(index, hub, envelope), cancellationToken);
                // Join time starts here: JoinRoom → ConnectMedia → ICE/DTLS → first audio packet.
                peer.JoinStartedUnixNs = BenchPeer.UnixNanoseconds();
                var call = Stopwatch.StartNew();
                await hub.Connection.InvokeAsync<JsonElement>(RoomHubMethods.JoinRoom, _roomId, cancellationToken);
                hub.JoinRoomMs = call.Elapsed.TotalMilliseconds;
                hub.InRoom = true;
                call.Restart();
                answer = await hub.Connection.InvokeAsync<string>(MediaHubMethods.ConnectMedia, _roomId, offer, cancellationToken);
                hub.ConnectMediaMs = call.Elapsed.TotalMilliseconds;
            }
            RemoteSdp.Parse(answer, peer.Local.AddressFamily).ApplyTo(peer);
        }
        catch (Exception e) when (e is not (OperationCanceledException or InvalidOperationException or OutOfMemoryException))
        {
            throw new InvalidOperationException($"hub join: {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>Speaker 0 is the host (moderator); others join, are invited to speak and accept.</summary>
    private async Task<string> JoinSpeakerAsync(int index, string offer, CancellationToken cancellationToken)
    {
        var connection = _host!;
        if (index > 0)
        {
            var account = accounts.Members[Math.Max(listeners, largestListeners) + index - 1];
            connection = await ConnectAsync(account, _ => { }, cancellationToken);
            _others.Add(connection);
            await connection.InvokeAsync<JsonElement>(RoomHubMethods.JoinRoom, _roomId, cancellationToken);
            await _host!.InvokeAsync(RoomHubMethods.InviteToSpeak, _roomId, account.Id, cancellationToken);
            await connection.InvokeAsync(RoomHubMethods.AcceptSpeakInvite, _roomId, cancellationToken);
        }
        return await connection.InvokeAsync<string>(MediaHubMethods.ConnectMedia, _roomId, offer, cancellationToken);
    }

    private async Task<HubConnection> ConnectAsync(HubAccount account, Action<JsonElement> onRoomEvent, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_base, RoomHubMethods.Path), options => options.Headers["Cookie"] = account.Cookie)
            .Build();
        // The load generator shares a 2-core machine with the server: do not drop a connection whose pings are late.
        connection.ServerTimeout = TimeSpan.FromSeconds(120);
        connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
        connection.Closed += error =>
        {
            // A listener whose hub connection closes leaves the room after the server's grace,
            // and its media session with it: the load generator must say so, not show loss only.
            if (Interlocked.Increment(ref _closedConnections) == 1)
            {
                _firstCloseReason = error?.Message ?? "closed without an error";
            }
            return Task.CompletedTask;
        };
        connection.On<JsonElement>(RoomHubMethods.RoomEvent, onRoomEvent);
        connection.On<JsonElement>(MediaHubMethods.ActiveSpeakers, _ => Interlocked.Increment(ref _activeSpeakersMessages));
        await connection.StartAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// The newest <c>version</c> in a payload: the envelope's own, or, should the server batch
    /// envelopes (an array, or an object holding one), the largest found a few levels down.
    /// </summary>
    private static long VersionOf(JsonElement payload, int depth = 0)
    {
        long newest = 0;
        if (payload.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in payload.EnumerateObject())
            {
                if (property.NameEquals("version") && property.Value.TryGetInt64(out var version))
                {
                    newest = Math.Max(newest, version);
                }
                else if (depth < 3 && property.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object && !property.NameEquals("event"))
                {
                    newest = Math.Max(newest, VersionOf(property.Value, depth + 1));
                }
            }
        }
        else if (payload.ValueKind == JsonValueKind.Array && depth < 3)
        {
            foreach (var item in payload.EnumerateArray())
            {
                newest = Math.Max(newest, VersionOf(item, depth + 1));
            }
        }
        return newest;
    }

    private void OnListenerEvent(int index, ListenerHub hub, JsonElement envelope)
    {
        // One connection's callbacks run one at a time, so the per-listener fields need no lock.
        hub.Messages++;
        var version = VersionOf(envelope);
        if (Volatile.Read(ref _probe) is { } probe && version >= probe.Version && double.IsNaN(probe.Milliseconds[index]))
        {
            probe.Milliseconds[index] = Stopwatch.GetElapsedTime(probe.Started).TotalMilliseconds;
            Interlocked.Increment(ref probe.Reached);
        }
    }

    /// <summary>How long the listeners' <c>JoinRoom</c> and <c>ConnectMedia</c> calls took (ms, sorted), the hub's part of the join.</summary>
    public (List<double> JoinRoom, List<double> ConnectMedia) CallTimes() =>
        ([.. _listeners.Select(l => l?.JoinRoomMs ?? double.NaN).Where(t => !double.IsNaN(t)).Order()],
         [.. _listeners.Select(l => l?.ConnectMediaMs ?? double.NaN).Where(t => !double.IsNaN(t)).Order()]);

    /// <summary>All <c>ActiveSpeakers</c> messages the load generator's connections received so far.</summary>
    public long ActiveSpeakersMessages => Interlocked.Read(ref _activeSpeakersMessages);

    /// <summary>Room events received so far, per listener that is in the room: (mean, max, listeners).</summary>
    public (double Mean, long Max, int Listeners) MessagesPerListener()
    {
        var counts = _listeners.Where(l => l is { InRoom: true }).Select(l => l!.Messages).ToList();
        return counts.Count == 0 ? (double.NaN, 0, 0) : (counts.Average(), counts.Max(), counts.Count);
    }

    /// <summary>
    /// Performs <paramref name="count"/> stage changes spread over <paramref name="over"/> (hand
    /// raising off, on, off, …), timing each from the call to every listener's receipt of an
    /// envelope with that version or newer.
    /// </summary>
    /// <returns>Every listener's delay of every change (ms), and how many receipts never came within 10 s.</returns>
    public async Task<(List<double> Milliseconds, int Missed)> StageChangesAsync(int count, TimeSpan over, CancellationToken cancellationToken)
    {
        var all = new List<double>();
        var missed = 0;
        var clock = Stopwatch.StartNew();
        for (var k = 0; k < count; k++)
        {
            var due = over * (k + 1) / (count + 1);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }
            var inRoom = _listeners.Count(l => l is { InRoom: true });
            // The room is quiet in the window, so the next version is this change's.
            var probe = new Probe(Volatile.Read(ref _hostVersion) + 1, _listeners.Length);
            Volatile.Write(ref _probe, probe);
            await _host!.InvokeAsync(RoomHubMethods.SetHandRaisingEnabled, _roomId, k % 2 == 1, cancellationToken);
            var wait = Stopwatch.StartNew();
            while (Volatile.Read(ref probe.Reached) < inRoom && wait.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(5, cancellationToken);
            }
            Volatile.Write(ref _probe, null);
            for (var i = 0; i < _listeners.Length; i++)
            {
                if (_listeners[i] is { InRoom: true })
                {
                    if (double.IsNaN(probe.Milliseconds[i]))
                    {
                        missed++;
                    }
                    else
                    {
                        all.Add(probe.Milliseconds[i]);
                    }
                }
            }
        }
        all.Sort();
        return (all, missed);
    }

    /// <summary>
    /// From the server's own <c>GET /api/v1/admin/runtime</c> (read in process). Not an EventPipe
    /// session: one with the GC keyword kept the server's tiered compiler busy at 13–21 % of its
    /// core through the window (measured with ThreadCpu at N = 500), which no production server pays.
    /// </summary>
    public async Task<GcSnapshot?> GcAsync() => await RuntimeAsync() is { } root ? Gc(root) : null;

    private static GcSnapshot Gc(JsonElement root) => new(
        root.GetProperty("gen0Collections").GetInt32(),
        root.GetProperty("gen1Collections").GetInt32(),
        root.GetProperty("gen2Collections").GetInt32(),
        root.GetProperty("gcPauseMilliseconds").GetDouble(),
        root.GetProperty("allocatedBytes").GetInt64());

    /// <summary>The admin's <c>GET /api/v1/admin/runtime</c>, or null when the server does not answer it.</summary>
    private async Task<JsonElement?> RuntimeAsync()
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/v1/admin/runtime");
            request.Headers.Add("Cookie", accounts.Admin!.Cookie);
            using var response = await _http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (await RuntimeAsync() is { } runtime)
        {
            var life = Gc(runtime);
            Console.WriteLine($"Server media over its life: drops {runtime.GetProperty("mediaDrops").GetRawText()}, closes {runtime.GetProperty("mediaCloses").GetRawText()}");
            Console.WriteLine(FormattableString.Invariant($"Server GCs over its life (registration and storm included): {life.Gen0}/{life.Gen1}/{life.Gen2}, {life.PauseMs:0.#} ms paused."));
        }
        // The server first: closing thousands of connections one by one against a live server is slow.
        await ServerProcess.StopAsync(_process);
        _process?.Dispose();
        var connections = _listeners.Where(l => l?.Connection is not null).Select(l => l!.Connection!).Concat(_others);
        if (_host is not null)
        {
            connections = connections.Append(_host);
        }
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()))
            .WaitAsync(TimeSpan.FromSeconds(30))
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _http.Dispose();
    }

    private sealed class ListenerHub
    {
        public HubConnection? Connection;
        public volatile bool InRoom;
        public long Messages;
        public double JoinRoomMs = double.NaN;
        public double ConnectMediaMs = double.NaN;
    }

    private sealed class Probe(long version, int listeners)
    {
        public readonly long Version = version;
        public readonly long Started = Stopwatch.GetTimestamp();
        public readonly double[] Milliseconds = Enumerable.Repeat(double.NaN, listeners).ToArray();
        public int Reached;
    }
}
