using System.Text.Json;
using Microsoft.Playwright;
using Parley.Client.Audio;
using Parley.Media.Tests.Support;

namespace Parley.Media.Tests.EndToEnd;

/// <summary>
/// Real browsers through our SFU: Debian's headless Chromium publishes a 440 Hz fake microphone,
/// another Chromium page and a C# peer receive it through the SFU over loopback UDP.
/// </summary>
public sealed class ChromiumThroughSfuTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task AChromiumSpeakerIsHeardAt440HzByAnotherChromiumPageAndByACSharpPeer()
    {
        Assert.True(File.Exists(Chromium), $"Debian's chromium is expected at {Chromium} (apt-get install chromium).");
        var wav = Path.Combine(Path.GetTempPath(), $"parley-tone-440-{Environment.ProcessId}.wav");
        WavFile.WriteMono16(wav, ToneGenerator.Generate(440, TimeSpan.FromSeconds(10), amplitude: 0.5));
        try
        {
            await using var sfu = await SfuHarness.StartAsync();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await LaunchAsync(playwright, wav);

            var speaker = await OpenHarnessAsync(browser);
            var listener = await OpenHarnessAsync(browser);
            await ConnectAsync(sfu, speaker, "chrome-speaker", publish: true);
            sfu.Server.SetCanPublish("chrome-speaker", true);
            await ConnectAsync(sfu, listener, "chrome-listener", publish: false);
            var csharp = await sfu.ConnectAsync("room", "csharp-listener");

            // The browser's analyser finds the tone on one of its slots.
            await SfuHarness.WaitUntilAsync(() => HearsToneAsync(listener, 440), "the Chromium listener's AnalyserNode to find 440 Hz");

            // The C# peer decodes the browser's Opus.
            await csharp.WaitForAudioAsync(0, TimeSpan.FromSeconds(1), SfuHarness.Timeout);
            Assert.InRange(SfuHarness.DominantFrequency(csharp, 0), 430, 450);
            Assert.Equal(["chrome-speaker"], sfu.Server.GetRoomStats("room")!.ActiveSpeakers);

            // RTCP both ways: Chrome answers our sender reports with receiver reports (RTT), and
            // our receiver reports about its stream leave no loss on loopback.
            await SfuHarness.WaitUntilAsync(() => sfu.Server.GetPeerStats("chrome-listener")!.RoundTripTime is not null, "an RTT from the Chromium listener's RTCP receiver reports");
            var listenerStats = sfu.Server.GetPeerStats("chrome-listener")!;
            Assert.InRange(listenerStats.RoundTripTime!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
            var speakerStats = sfu.Server.GetPeerStats("chrome-speaker")!;
            Assert.True(speakerStats.PacketsIn > 50);
            Assert.Equal(0, speakerStats.SrtpFailures);
        }
        finally
        {
            File.Delete(wav);
        }
    }

    [Fact]
    public async Task AChromiumListenerHearsTwoSpeakersOnTwoSlotsAndAMutedOneFallsSilent()
    {
        Assert.True(File.Exists(Chromium), $"Debian's chromium is expected at {Chromium} (apt-get install chromium).");
        var wav = Path.Combine(Path.GetTempPath(), $"parley-tone-440b-{Environment.ProcessId}.wav");
        WavFile.WriteMono16(wav, ToneGenerator.Generate(440, TimeSpan.FromSeconds(10), amplitude: 0.5));
        try
        {
            await using var sfu = await SfuHarness.StartAsync();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await LaunchAsync(playwright, wav);
            var chromeSpeaker = await OpenHarnessAsync(browser);
            var listener = await OpenHarnessAsync(browser);
            await ConnectAsync(sfu, chromeSpeaker, "chrome-speaker", publish: true);
            sfu.Server.SetCanPublish("chrome-speaker", true);
            await sfu.ConnectAsync("room", "csharp-speaker", canPublish: true, new ToneSource(880));
            await ConnectAsync(sfu, listener, "chrome-listener", publish: false);

            await SfuHarness.WaitUntilAsync(async () => await HearsToneAsync(listener, 440) && await HearsToneAsync(listener, 880), "the Chromium listener to hear 440 Hz and 880 Hz on two slots");

            sfu.Server.SetCanPublish("csharp-speaker", false); // the moderator mutes the C# speaker
            await SfuHarness.WaitUntilAsync(async () => !await HearsToneAsync(listener, 880), "880 Hz to fall silent at the Chromium listener");
            Assert.True(await HearsToneAsync(listener, 440), "the other speaker is still heard");
            Assert.Equal(["chrome-speaker"], sfu.Server.GetRoomStats("room")!.ActiveSpeakers);
        }
        finally
        {
            File.Delete(wav);
        }
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright, string wav) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                $"--use-file-for-fake-audio-capture={wav}", "--autoplay-policy=no-user-gesture-required",
                "--allow-loopback-in-peer-connection",
            ],
        });

    private static async Task<IPage> OpenHarnessAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.RouteAsync(ChromiumHarness.Url, route => route.FulfillAsync(new() { ContentType = "text/html", Body = ChromiumHarness.Html }));
        await page.GotoAsync(ChromiumHarness.Url);
        return page;
    }

    private static async Task ConnectAsync(SfuHarness sfu, IPage page, string peerId, bool publish)
    {
        var offer = await page.EvaluateAsync<string>("([slots, publish]) => window.createOffer(slots, publish)", new object[] { sfu.Server.Options.SlotsPerSubscriber, publish });
        var answer = await sfu.Server.CreatePeerAsync("room", peerId, offer);
        await page.EvaluateAsync("sdp => window.applyAnswer(sdp)", answer);
        await SfuHarness.WaitUntilAsync(
            async () => await page.EvaluateAsync<string>("() => window.state()") == "connected",
            $"{peerId}'s RTCPeerConnection to reach 'connected'");
    }

    private static async Task<bool> HearsToneAsync(IPage page, double frequency)
    {
        var spectrum = await page.EvaluateAsync<JsonElement>("() => window.spectrum()");
        foreach (var slot in spectrum.EnumerateArray())
        {
            var hz = slot.GetProperty("hz").GetDouble();
            var db = slot.GetProperty("db").GetDouble();
            if (Math.Abs(hz - frequency) <= 15 && db > -70)
            {
                return true;
            }
        }
        return false;
    }
}
