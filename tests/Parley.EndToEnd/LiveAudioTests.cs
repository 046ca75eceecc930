using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Parley.EndToEnd;

/// <summary>
/// Three people in three Chromium processes, each with its own fake microphone (a WAV tone),
/// through the real server's SFU on 127.0.0.1: the listener's page measures what it hears with
/// an AnalyserNode while the stage changes.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveAudioTests(ParleyFixture fixture) : IAsyncLifetime
{
    private const double Heard = -50;   // dBFS around the tone's bin: clearly playing
    private const double Silent = -75;  // below this: not playing (Opus noise floor is far lower)
    private readonly List<IBrowser> _browsers = [];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "parley-wav-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _playwright = await Playwright.CreateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var browser in _browsers)
        {
            await browser.CloseAsync();
        }
        _playwright?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TheListenerHearsOnlyTheUnmutedStageAndRecoversAfterANetworkDrop()
    {
        var host = await PersonAsync(440, "host");
        var guest = await PersonAsync(880, "guest");
        var listener = await PersonAsync(null, "listener");

        await People.SignUpAsync(host, await fixture.InviteCodeAsync(), "tone_host", "Hal Host");
        await People.SignUpAsync(guest, await fixture.InviteCodeAsync(), "tone_guest", "Gia Guest");
        await People.SignUpAsync(listener, await fixture.InviteCodeAsync(), "tone_listener", "Lou Listener");
        var roomId = await People.StartRoomAsync(host, "Tones", "440 and 880", "audio");
        await guest.GotoAsync($"/rooms/{roomId}");
        await listener.GotoAsync($"/rooms/{roomId}");
        await Expect(People.InAudience(listener, "tone_listener")).ToBeVisibleAsync();
        await Expect(listener.GetByTestId("audio-state")).ToHaveAttributeAsync("data-state", "connected");

        await WaitUntilHearsAsync(listener, 440, "the host (a moderator) talks");
        await Expect(People.OnStage(listener, "tone_host")).ToHaveAttributeAsync("data-speaking", "true");
        await AssertSilentAsync(listener, 880, TimeSpan.FromSeconds(2), "the guest is in the audience");

        // Hand up, invited, accepted: the guest's microphone starts and the listener hears it.
        await guest.GetByTestId("raise-hand").ClickAsync();
        await Expect(host.GetByTestId("hand-queue-count")).ToHaveTextAsync("1");
        await host.GetByTestId("hand-queue-button").ClickAsync();
        await host.GetByTestId("queue-invite-tone_guest").ClickAsync();
        await host.Keyboard.PressAsync("Escape");
        await guest.GetByTestId("speak-invite-accept").ClickAsync();
        await Expect(People.OnStage(listener, "tone_guest")).ToHaveAttributeAsync("data-role", "speaker");
        await WaitUntilHearsAsync(listener, 880, "the guest accepted the invite to speak");

        // The host mutes themself: no more 440, the guest still heard.
        await host.GetByTestId("self-mute").ClickAsync();
        await Expect(host.GetByTestId("self-mute")).ToHaveAttributeAsync("data-muted", "true");
        await WaitUntilSilentAsync(listener, 440, "the host muted themself");
        await AssertSilentAsync(listener, 440, TimeSpan.FromSeconds(1.5), "the host is muted");
        await WaitUntilHearsAsync(listener, 880, "the guest is still on stage");

        // The guest's browser keeps its microphone on (a modified client), the host moves them
        // back: the server stops forwarding them anyway.
        await guest.EvaluateAsync("() => window.parleyAudio.misbehave()");
        await People.OnStage(host, "tone_guest").ClickAsync();
        await host.GetByTestId("person-sheet").GetByTestId("action-move-to-audience").ClickAsync();
        await Expect(People.InAudience(listener, "tone_guest")).ToBeVisibleAsync();
        var sentBefore = await guest.EvaluateAsync<double>("() => window.parleyAudio.packetsSent()");
        await WaitUntilSilentAsync(listener, 880, "the guest was moved to the audience");
        await AssertSilentAsync(listener, 880, TimeSpan.FromSeconds(1.5), "the guest is in the audience");
        Assert.True(await guest.EvaluateAsync<double>("() => window.parleyAudio.packetsSent()") > sentBefore + 20, "the guest's browser kept sending");

        // The host unmutes; then the listener's network drops for a few seconds.
        await host.GetByTestId("self-mute").ClickAsync();
        await WaitUntilHearsAsync(listener, 440, "the host unmuted");
        await listener.Context.SetOfflineAsync(true);
        await listener.EvaluateAsync("() => window.parleyAudio.dropConnection()");
        await Expect(listener.GetByTestId("audio-state")).Not.ToHaveAttributeAsync("data-state", "connected");
        await listener.WaitForTimeoutAsync(3000); // the outage itself, not a wait for something
        await listener.Context.SetOfflineAsync(false);
        await Expect(listener.GetByTestId("audio-state")).ToHaveAttributeAsync("data-state", "connected", new() { Timeout = 20_000 });
        await WaitUntilHearsAsync(listener, 440, "the listener recovered from the network drop");
        await Expect(People.InAudience(listener, "tone_listener")).ToBeVisibleAsync();
        await Expect(People.InAudience(host, "tone_listener")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Join time in the browser: the room page opened (navigation start) → the host's tone first
    /// heard at the page's AnalyserNode. Run by bench/live-audio.sh with PARLEY_BENCH_RUNS=50.
    /// </summary>
    [Fact]
    public async Task JoinTimeBenchmark()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("PARLEY_BENCH_RUNS"), out var runs) || runs == 0)
        {
            Assert.Skip("set PARLEY_BENCH_RUNS (bench/live-audio.sh) to measure");
        }
        var host = await PersonAsync(440, "bench-host");
        var listener = await PersonAsync(null, "bench-listener");
        await People.SignUpAsync(host, await fixture.InviteCodeAsync(), "bench_host", "Bella Bench");
        await People.SignUpAsync(listener, await fixture.InviteCodeAsync(), "bench_listener", "Benny Bench");
        var roomId = await People.StartRoomAsync(host, "Bench", "join time", "bench");
        var heard = new List<double>();
        var playing = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var page = await listener.Context.NewPageAsync();
            await page.GotoAsync($"/rooms/{roomId}", new() { WaitUntil = WaitUntilState.Commit });
            var ms = await page.EvaluateAsync<double[]>("""
                () => new Promise((resolve, reject) => {
                  const started = performance.now();
                  const timer = setInterval(() => {
                    const audio = window.parleyAudio;
                    if (audio && audio.levelAt(440) > -50) {
                      clearInterval(timer);
                      resolve([performance.now(), audio.timing.firstAudioAt ?? -1]);
                    } else if (performance.now() - started > 15000) {
                      clearInterval(timer);
                      reject(new Error('no 440 Hz within 15 s'));
                    }
                  }, 5);
                })
                """);
            heard.Add(ms[0]);
            playing.Add(ms[1]);
            await page.CloseAsync();
        }
        var report = $"Chromium, loopback, {runs} runs: join (room page navigation start → host's tone heard at the AnalyserNode) {Summary(heard)}; (→ first 'playing' event of a slot's <audio>) {Summary(playing)}";
        Console.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
    }

    private static string Summary(List<double> ms)
    {
        ms.Sort();
        double P(double q) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(q * ms.Count) - 1)];
        return $"p50 {P(0.50):0} ms, p99 {P(0.99):0} ms, max {ms[^1]:0} ms";
    }

    private async Task<IPage> PersonAsync(double? toneHz, string name)
    {
        var wav = Path.Combine(_directory, $"{name}.wav");
        WriteTone(wav, toneHz ?? 0);
        var browser = await _playwright!.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                $"--use-file-for-fake-audio-capture={wav}", "--autoplay-policy=no-user-gesture-required",
                "--allow-loopback-in-peer-connection",
            ],
        });
        _browsers.Add(browser);
        var context = await browser.NewContextAsync(new() { BaseURL = fixture.BaseAddress.ToString(), Locale = "en-GB", TimezoneId = "UTC" });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Console.WriteLine($"[{name}] {message.Text}");
            }
        };
        return page;
    }

    private static Task<double> LevelAsync(IPage page, double hz) =>
        page.EvaluateAsync<double>("hz => { const v = window.parleyAudio.levelAt(hz); return isFinite(v) ? v : -200; }", hz);

    private static async Task WaitUntilHearsAsync(IPage page, double hz, string because)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        double level;
        while ((level = await LevelAsync(page, hz)) < Heard)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The listener did not hear {hz} Hz within 15 s ({because}); level {level:0.0} dBFS.");
            }
            await page.WaitForTimeoutAsync(100);
        }
    }

    private static async Task WaitUntilSilentAsync(IPage page, double hz, string because)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        double level;
        while ((level = await LevelAsync(page, hz)) > Silent)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The listener still heard {hz} Hz after 10 s ({because}); level {level:0.0} dBFS.");
            }
            await page.WaitForTimeoutAsync(100);
        }
    }

    private static async Task AssertSilentAsync(IPage page, double hz, TimeSpan during, string because)
    {
        var end = DateTime.UtcNow + during;
        while (DateTime.UtcNow < end)
        {
            var level = await LevelAsync(page, hz);
            Assert.True(level < Heard, $"The listener heard {hz} Hz at {level:0.0} dBFS ({because}).");
            await page.WaitForTimeoutAsync(100);
        }
    }

    /// <summary>10 s of a sine at 48 kHz mono 16-bit (silence for 0 Hz), which Chromium loops as the microphone.</summary>
    private static void WriteTone(string path, double hz)
    {
        const int rate = 48_000;
        var samples = new short[rate * 10];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = hz == 0 ? (short)0 : (short)(Math.Sin(2 * Math.PI * hz * i / rate) * 0.3 * short.MaxValue);
        }
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + samples.Length * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples.Length * 2);
        foreach (var sample in samples)
        {
            writer.Write(sample);
        }
    }
}
