using System.Diagnostics;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Client.Media;
using Parley.Protocol.Rooms;

namespace Parley.Server.Tests;

/// <summary>A server whose hub rate limit does not slow the benchmark's back-to-back calls.</summary>
public sealed class BenchFactory : ParleyFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("Parley:Hub:CallBurst", "10000"),
            new("Parley:Hub:CallsPerSecond", "10000"),
            // 50 runs rejoin far more often than a person would (issue 6's abuse limits).
            new("Parley:Moderation:JoinsPerMinute", "100000"),
            new("Parley:Moderation:HandRaisesPerMinute", "100000"),
        ];
}

/// <summary>
/// Join and promote times with C# bot peers on loopback (bench/live-audio.sh runs it with
/// PARLEY_BENCH_RUNS=50; skipped otherwise, so ./test.sh stays quick).
/// </summary>
public sealed class LiveAudioBenchmarks(BenchFactory factory) : IClassFixture<BenchFactory>
{
    private static int Runs => int.TryParse(Environment.GetEnvironmentVariable("PARLEY_BENCH_RUNS"), out var n) ? n : 0;

    [Fact]
    public async Task JoinAndPromoteTimes()
    {
        if (Runs == 0)
        {
            Assert.Skip("set PARLEY_BENCH_RUNS (bench/live-audio.sh) to measure");
        }
        var hostUser = await factory.SignUpAsync("bench_host");
        var guestUser = await factory.SignUpAsync("bench_guest");
        var listenerUser = await factory.SignUpAsync("bench_listener");
        var response = await hostUser.Http.PostAsJsonAsync("/api/v1/rooms", new { title = "bench", visibility = "open" });
        var roomId = (await response.Content.ReadFromJsonAsync<Room>())!.Id;
        await using var host = await MediaBot.JoinAsync(hostUser, roomId);
        host.Publish(440);
        await using var guest = await MediaBot.JoinAsync(guestUser, roomId);
        guest.Publish(880);
        var listenerHub = await listenerUser.ConnectAsync();

        // Join: JoinRoom → ConnectMedia → ICE + DTLS → the first decoded frame of the stage.
        var joins = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            await listenerHub.JoinAsync(roomId);
            await using var peer = new AudioPeer();
            var answer = await listenerHub.Connection.InvokeAsync<string>(MediaHubMethods.ConnectMedia, roomId, peer.CreateOffer());
            await peer.ConnectAsync(answer).WaitAsync(TimeSpan.FromSeconds(15));
            await WaitAsync(() => peer.Slots.Any(s => s.SamplesDecoded > 0), "the first decoded frame");
            joins.Add(clock.Elapsed.TotalMilliseconds);
        }

        // Promote: the host is muted, so the listener's slots get nothing until the guest is
        // forwarded; from the AcceptSpeakInvite call to the first packet at the listener.
        await using var listener = await MediaBot.JoinAsync(listenerUser, roomId);
        await host.Hub.InvokeAsync(RoomHubMethods.SetSelfMuted, roomId, true);
        await listener.WaitUntilSilentAsync(440, TimeSpan.FromSeconds(5), "the host muted");
        var promotes = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            await guest.Hub.InvokeAsync(RoomHubMethods.RaiseHand, roomId);
            await host.Hub.InvokeAsync(RoomHubMethods.InviteToSpeak, roomId, guestUser.Id);
            var before = listener.Peer.Slots.Sum(s => s.PacketsReceived);
            var clock = Stopwatch.StartNew();
            await guest.Hub.InvokeAsync(RoomHubMethods.AcceptSpeakInvite, roomId);
            await WaitAsync(() => listener.Peer.Slots.Sum(s => s.PacketsReceived) > before, "the first forwarded packet", spin: true);
            promotes.Add(clock.Elapsed.TotalMilliseconds);
            await host.Hub.InvokeAsync(RoomHubMethods.MoveToAudience, roomId, guestUser.Id);
            await listener.WaitUntilSilentAsync(880, TimeSpan.FromSeconds(5), "the guest moved back");
        }

        var report = $"C# bots, loopback, {Runs} runs: join (JoinRoom → first decoded frame) {Summary(joins)}; promote (AcceptSpeakInvite → first packet at the listener) {Summary(promotes)}";
        TestContext.Current.SendDiagnosticMessage(report);
        Console.WriteLine(report);
    }

    private static string Summary(List<double> ms)
    {
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return $"p50 {P(0.50):0.0} ms, p99 {P(0.99):0.0} ms, max {ms[^1]:0.0} ms";
    }

    private static async Task WaitAsync(Func<bool> condition, string what, bool spin = false)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            if (spin)
            {
                Thread.Sleep(1);
            }
            else
            {
                await Task.Yield();
                Thread.Sleep(2);
            }
        }
    }
}
