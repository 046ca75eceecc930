using System.CommandLine;
using System.Globalization;
using Parley.LoadGen;
using Spectre.Console;

var servers = new Option<string[]>("--servers") { Description = "Servers to measure: parley, janus.", DefaultValueFactory = _ => ["parley", "janus"], AllowMultipleArgumentsPerToken = true };
var counts = new Option<int[]>("--listeners", "-n") { Description = "Listener counts, in order.", DefaultValueFactory = _ => [100, 500, 1000, 2000, 5000], AllowMultipleArgumentsPerToken = true };
var speakers = new Option<int>("--speakers", "-m") { Description = "Publishing speakers.", DefaultValueFactory = _ => 1 };
var window = new Option<int>("--window") { Description = "Measurement window in seconds.", DefaultValueFactory = _ => 0 };
var storm = new Option<int>("--join-storm") { Description = "Seconds over which the N listeners join.", DefaultValueFactory = _ => 10 };
var concurrency = new Option<int>("--join-concurrency") { Description = "Joins in flight at once (the load generator's DTLS threads).", DefaultValueFactory = _ => 48 };
var receiverCount = new Option<int>("--receivers") { Description = "Receiver threads (epoll + recvmmsg).", DefaultValueFactory = _ => 1 };
// 2 ms by default: a receiver asleep in nanosleep rather than epoll_wait is not woken per datagram,
// and on loopback that wake-up is charged to the sending server (sock_def_readable: 12 % of
// Parley's samples at N = 1,000). Real listeners are other machines; both servers benefit alike.
var batchSleep = new Option<int>("--batch-sleep") { Description = "Receiver pause (ms) after a busy wake-up, to batch more datagrams per recvmmsg.", DefaultValueFactory = _ => 2 };
var serverEnv = new Option<string[]>("--parley-env") { Description = "KEY=VALUE environment for the Parley host process (runtime knobs, for before/after figures).", DefaultValueFactory = _ => [], AllowMultipleArgumentsPerToken = true };
var serverCpus = new Option<string?>("--server-cpus") { Description = "taskset CPU list for the server process." };
var signaling = new Option<string>("--signaling") { Description = "Parley signaling: hub (the real server, JoinRoom + ConnectMedia on /hubs/room) or sfuhost (MediaServer in a bench host process, POST /peers).", DefaultValueFactory = _ => "hub" };
var serverDll = new Option<string>("--server") { Description = "Path of Parley.Server.dll (built Release) for --signaling hub.", DefaultValueFactory = _ => "src/Parley.Server/bin/Release/net10.0/Parley.Server.dll" };
var stageChanges = new Option<int>("--stage-changes") { Description = "Stage changes the host makes in each hub window (hand raising off/on), timed to every listener.", DefaultValueFactory = _ => 4 };
var hostDll = new Option<string>("--sfuhost") { Description = "Path of Parley.SfuHost.dll.", DefaultValueFactory = _ => "bench/Parley.SfuHost/bin/Release/net10.0/Parley.SfuHost.dll" };
var janusConf = new Option<string>("--janus-config") { Description = "Private Janus config folder (bench/janus/make-config.sh).", DefaultValueFactory = _ => "bench/results/janus-conf" };
var results = new Option<string>("--results") { Description = "Results folder.", DefaultValueFactory = _ => "bench/results" };
var stopLoss = new Option<double>("--stop-loss") { Description = "Stop raising N for a server once loss passes this percent.", DefaultValueFactory = _ => 1.0 };

var root = new RootCommand("Parley fan-out load generator: M speakers, N listeners, Parley and Janus side by side.")
{
    servers, counts, speakers, window, storm, concurrency, receiverCount, batchSleep, serverEnv, serverCpus, signaling, serverDll, stageChanges, hostDll, janusConf, results, stopLoss,
};
root.SetAction(async (parse, cancellationToken) =>
{
    var dir = Path.GetFullPath(parse.GetValue(results)!);
    Directory.CreateDirectory(dir);
    var viaHub = parse.GetValue(signaling) switch
    {
        "hub" => true,
        "sfuhost" => false,
        var other => throw new ArgumentException($"Unknown --signaling {other}: hub or sfuhost."),
    };
    // One data directory and one set of accounts for every N (registered once, see HubAccounts).
    using var accounts = new HubAccounts();
    var all = new List<RunResult>();
    foreach (var server in parse.GetValue(servers)!)
    {
        foreach (var n in parse.GetValue(counts)!)
        {
            IServerTarget target = server switch
            {
                "parley" when viaHub => new HubTarget(
                    Path.GetFullPath(parse.GetValue(serverDll)!), parse.GetValue(serverCpus), dir, accounts, n, parse.GetValue(counts)!.Max(), parse.GetValue(speakers), parse.GetValue(serverEnv)!),
                "parley" => new ParleyHostTarget(Path.GetFullPath(parse.GetValue(hostDll)!), parse.GetValue(serverCpus), dir, 3, parse.GetValue(serverEnv)!),
                "janus" => new JanusTarget(Path.GetFullPath(parse.GetValue(janusConf)!), parse.GetValue(serverCpus), dir),
                _ => throw new ArgumentException($"Unknown server {server}."),
            };
            var options = new RunOptions(n, parse.GetValue(speakers), TimeSpan.FromSeconds(parse.GetValue(storm)), TimeSpan.FromSeconds(parse.GetValue(window)), parse.GetValue(concurrency), parse.GetValue(receiverCount), parse.GetValue(batchSleep), parse.GetValue(stageChanges));
            RunResult result;
            try
            {
                result = await new FanoutRun(target, options).ExecuteAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = new RunResult { Server = target.Name, Signaling = target switch { HubTarget => "hub", ParleyHostTarget => "sfuhost", _ => "" }, Listeners = n, Error = e.GetType().Name + ": " + e.Message.Split('\n')[0] };
            }
            all.Add(result);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[bold]{0}[/] N={1}: {2:N0} pkt per CPU-s, {3:0.00} µs/pkt, loss {4:0.000} %, joined {5}{6}{7}",
                result.Server, n, result.PacketsPerCpuSecond, result.CpuMicrosPerPacket, result.LossPercent, result.Joined,
                double.IsNaN(result.HubMessagesPerListener) ? "" : string.Create(CultureInfo.InvariantCulture, $", {result.HubMessagesPerListener:N1} hub msgs per listener, stage change p99 {result.StageChangeP99Ms:N1} ms, {result.ActiveSpeakersPerListenerSecond:0.00} ActiveSpeakers msgs per listener-second in the window, JoinRoom p50/p99 {result.JoinRoomP50Ms:N0}/{result.JoinRoomP99Ms:N0} ms, ConnectMedia p50/p99 {result.ConnectMediaP50Ms:N0}/{result.ConnectMediaP99Ms:N0} ms"),
                Markup.Escape(result.Error is null ? "" : " — " + result.Error));
            await File.WriteAllTextAsync(Path.Combine(dir, "results.json"), System.Text.Json.JsonSerializer.Serialize(all, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }), cancellationToken);
            if (result.Forwarded == 0 || result.LossPercent > parse.GetValue(stopLoss))
            {
                break; // the knee: larger N only loses more
            }
        }
    }
    var table = Report.Table(all);
    var headline = Report.Headline(all) + (accounts.Summary is { } registered ? $"- {registered}\n" : "");
    await File.WriteAllTextAsync(Path.Combine(dir, "results.md"), table + "\n" + headline, cancellationToken);
    Report.Plot(all, Path.Combine(dir, "fanout.png"));
    Console.WriteLine();
    Console.WriteLine(table);
    Console.WriteLine(headline);
    return 0;
});
return await root.Parse(args).InvokeAsync();
