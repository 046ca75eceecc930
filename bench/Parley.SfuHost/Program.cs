using System.Net;
using Parley.Media;
using Parley.Media.Sdp;

// A bench-only host for the SFU: the load generator starts it as a separate process (pinned to
// its own core) and creates peers over HTTP on 127.0.0.1, standing in for the hub's
// ConnectMedia until the server wires media (issue 5).
var httpPort = int.Parse(Arg("--http-port", "5099"), System.Globalization.CultureInfo.InvariantCulture);
var udpPort = int.Parse(Arg("--udp-port", "0"), System.Globalization.CultureInfo.InvariantCulture);

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, httpPort));
var app = builder.Build();

await using var media = new MediaServer(new MediaServerOptions
{
    BindAddress = IPAddress.Loopback,
    Port = udpPort,
    LoopbackOnly = true,
    SocketBufferBytes = 16 * 1024 * 1024,
    // The server's own setting name, so one --parley-env switch reaches either host.
    FanoutThreads = int.TryParse(Environment.GetEnvironmentVariable("Parley__Media__FanoutThreads"), out var threads) ? threads : 0,
});
await media.StartAsync();

app.MapPost("/peers", async (CreatePeer request) =>
{
    try
    {
        var answer = await media.CreatePeerAsync(request.RoomId, request.PeerId, request.OfferSdp);
        if (request.CanPublish)
        {
            media.SetCanPublish(request.PeerId, true);
        }
        return Results.Text(answer, "application/sdp");
    }
    catch (SdpException e)
    {
        return Results.BadRequest(e.Message);
    }
});

app.MapGet("/stats", () =>
{
    var gcInfo = GC.GetGCMemoryInfo();
    return Results.Json(new HostStats(
        Environment.ProcessId,
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalMilliseconds,
        GC.GetTotalAllocatedBytes(),
        gcInfo.HeapSizeBytes,
        media.UsesSendMmsg,
        Enum.GetValues<DropReason>().ToDictionary(r => r.ToString(), media.GetDropCount)));
});

app.MapGet("/ready", () => Results.Text(media.LocalEndPoint.ToString()));

await app.RunAsync();

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

internal sealed record CreatePeer(string RoomId, string PeerId, string OfferSdp, bool CanPublish);

internal sealed record HostStats(
    int ProcessId,
    int Gen0,
    int Gen1,
    int Gen2,
    double PauseMs,
    long AllocatedBytes,
    long HeapBytes,
    bool SendMmsg,
    Dictionary<string, long> Drops);
