using System.Collections.Concurrent;
using System.Globalization;
using System.Diagnostics;
using Parley.Media.Dtls;
using Spectre.Console;

namespace Parley.LoadGen;

/// <summary>Options of one measurement (one server, one listener count).</summary>
internal sealed record RunOptions(int Listeners, int Speakers, TimeSpan JoinStorm, TimeSpan Window, int JoinConcurrency, int Receivers, int BatchSleepMs, int StageChanges = 4);

/// <summary>
/// Connects the speakers, storms N listeners in over <see cref="RunOptions.JoinStorm"/>, lets the
/// room settle, then measures one window: server CPU from /proc, every listener's loss from
/// sequence numbers, sampled SRTP-verified delays, RSS and GC.
/// </summary>
internal sealed class FanoutRun(IServerTarget target, RunOptions options)
{
    private static readonly DtlsCertificate SharedCertificate = DtlsCertificate.Generate();
    private readonly ConcurrentQueue<BenchPeer> _pending = new();
    private readonly List<BenchPeer> _all = [];
    private readonly Lock _allLock = new();
    private volatile bool _pacing = true;
    private long _lastConsentRound;

    /// <summary>The longest time between two consent rounds of the ICE pacer (all peers checked once).</summary>
    public TimeSpan LongestConsentGap { get; private set; }

    public async Task<RunResult> ExecuteAsync(CancellationToken cancellationToken)
    {
        var receivers = Enumerable.Range(0, options.Receivers).Select(i => new Receiver(i, options.BatchSleepMs)).ToArray();
        var pacer = new Thread(PaceIce) { IsBackground = true, Name = "ice-pacer" };
        pacer.Start();
        Publisher? publisher = null;
        var listeners = new List<BenchPeer>();
        try
        {
            await target.StartAsync(cancellationToken);
            var pid = target.ProcessId;

            // Speakers first: the room exists and audio flows before the storm.
            var speakers = new List<BenchPeer>();
            for (var s = 0; s < options.Speakers; s++)
            {
                var speaker = NewPeer(s, receivers);
                await target.JoinAsync(speaker, speaker: true, cancellationToken);
                await speaker.Connected.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
                speakers.Add(speaker);
            }
            publisher = new Publisher(speakers);
            await Task.Delay(500, cancellationToken);
            var rssBefore = ProcStat.RssBytes(pid);

            // The join storm: N listeners spread evenly over the storm; a listener has joined when
            // its first audio packet arrives.
            var failures = 0;
            var joinTasks = new List<Task>();
            using var gate = new SemaphoreSlim(options.JoinConcurrency);
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask($"{target.Name}: {options.Listeners} listeners joining", maxValue: options.Listeners);
                    var storm = Stopwatch.StartNew();
                    for (var i = 0; i < options.Listeners; i++)
                    {
                        var due = options.JoinStorm * i / options.Listeners;
                        var wait = due - storm.Elapsed;
                        if (wait > TimeSpan.Zero)
                        {
                            await Task.Delay(wait, cancellationToken);
                        }
                        var peer = NewPeer(HubTarget.ListenerIdBase + i, receivers);
                        lock (listeners)
                        {
                            listeners.Add(peer);
                        }
                        peer.JoinStartedUnixNs = BenchPeer.UnixNanoseconds();
                        joinTasks.Add(JoinListenerAsync(peer, gate, bar, () => Interlocked.Increment(ref failures), cancellationToken));
                    }
                    await Task.WhenAll(joinTasks);
                    bar.Value = options.Listeners;
                });
            var joined = listeners.Count(l => !double.IsNaN(l.JoinMilliseconds));

            // Settle, let a .NET server finish its JIT warm-up (JitQuiet), then the window.
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            var warmup = await JitQuiet.WaitAsync(pid, TimeSpan.FromSeconds(150), cancellationToken);
            if (warmup > TimeSpan.FromSeconds(2.5))
            {
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0}: waited {1:0} s for the server's tiered JIT to go quiet before the window", target.Name, warmup.TotalSeconds);
            }
            var hub = target as HubTarget;
            var stormMessages = hub?.MessagesPerListener();
            var activeSpeakersBefore = hub?.ActiveSpeakersMessages ?? 0;
            var gcBefore = await target.GcAsync();
            foreach (var r in receivers)
            {
                r.Stats.TakeDelays();
            }
            var before = listeners.Select(l => l.Counters()).ToArray();
            var srtpBefore = (listeners.Sum(l => l.SrtpVerified), listeners.Sum(l => l.SrtpFailures));
            var cpuBefore = ProcStat.CpuSeconds(pid);
            var threadsBefore = ThreadCpu.ByName(pid);
            var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            // Through the hub, the host changes the stage a few times in the window (their few
            // messages are in the window's server CPU).
            var stageChanges = hub?.StageChangesAsync(options.StageChanges, options.Window, cancellationToken);
            await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask($"{target.Name}: measuring {options.Window.TotalSeconds:0} s", maxValue: options.Window.TotalSeconds);
                    while (clock.Elapsed < options.Window)
                    {
                        await Task.Delay(250, cancellationToken);
                        bar.Value = Math.Min(clock.Elapsed.TotalSeconds, options.Window.TotalSeconds);
                    }
                });
            var cpuAfter = ProcStat.CpuSeconds(pid);
            var threadsAfter = ThreadCpu.ByName(pid);
            var activeSpeakers = (hub?.ActiveSpeakersMessages ?? 0) - activeSpeakersBefore;
            var (stageMs, stageMissed) = stageChanges is null ? (new List<double>(), 0) : await stageChanges;
            var elapsed = clock.Elapsed.TotalSeconds;
            var byThread = ThreadCpu.Describe(threadsBefore, threadsAfter, elapsed);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0} N={1}: longest gap between the load generator's consent rounds so far {2:0.0} s", target.Name, options.Listeners, LongestConsentGap.TotalSeconds);
            if (hub?.ClosedConnections is { Count: > 0 } closed)
            {
                AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "[yellow]{0} N={1}: {2} hub connections closed before the end of the window; the first: {3}[/]", target.Name, options.Listeners, closed.Count, Markup.Escape(closed.FirstReason ?? ""));
            }
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture, "{0} N={1} server CPU by thread: {2}", target.Name, options.Listeners, Markup.Escape(byThread));
            var selfCpu = (Process.GetCurrentProcess().TotalProcessorTime - selfBefore).TotalSeconds;
            var after = listeners.Select(l => l.Counters()).ToArray();
            var gcAfter = await target.GcAsync();
            var rssAfter = ProcStat.RssBytes(pid);

            long expected = 0, received = 0;
            var over = 0;
            var worst = 0.0;
            for (var i = 0; i < listeners.Count; i++)
            {
                var e = after[i].Expected - before[i].Expected;
                var r = after[i].Received - before[i].Received;
                if (before[i].Expected == 0)
                {
                    continue; // never joined: counted in "joined", not as forwarding loss
                }
                if (e <= 0)
                {
                    // A joined listener that heard nothing in the window lost the whole window.
                    e = (long)(options.Speakers * elapsed * 50);
                    r = 0;
                }
                var lost = Math.Max(0, e - r);
                expected += e;
                received += r;
                var loss = 100.0 * lost / e;
                worst = Math.Max(worst, loss);
                if (loss > 0.1)
                {
                    over++;
                }
            }
            var delays = receivers.SelectMany(r => r.Stats.TakeDelays()).ToList();
            delays.Sort();
            if (Environment.GetEnvironmentVariable("LOADGEN_DELAYS") is { } delayDir)
            {
                await File.WriteAllLinesAsync(Path.Combine(delayDir, $"delays-{target.Name}-{options.Listeners}.txt"), delays.Select(d => d.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
            }
            var (joinRoomMs, connectMediaMs) = hub?.CallTimes() ?? ([], []);
            var joins = listeners.Select(l => l.JoinMilliseconds).Where(j => !double.IsNaN(j)).Order().ToList();
            return new RunResult
            {
                Server = target.Name,
                Listeners = options.Listeners,
                Signaling = target switch { HubTarget => "hub", ParleyHostTarget => "sfuhost", _ => "" },
                Speakers = options.Speakers,
                Joined = joined,
                WindowSeconds = elapsed,
                Forwarded = received,
                ServerCpuSeconds = cpuAfter - cpuBefore,
                ServerThreads = byThread,
                LossPercent = expected > 0 ? 100.0 * Math.Max(0, expected - received) / expected : 100,
                ListenersOverTenthPercent = over,
                WorstListenerLossPercent = worst,
                DelayP50Ms = Percentile(delays, 0.50) / 1000,
                DelayP99Ms = Percentile(delays, 0.99) / 1000,
                JoinP50Ms = Percentile(joins, 0.50),
                JoinP99Ms = Percentile(joins, 0.99),
                RssMiB = rssAfter / 1048576.0,
                RssPerListenerKiB = options.Listeners > 0 ? (rssAfter - rssBefore) / 1024.0 / options.Listeners : 0,
                Gc = gcBefore is not null && gcAfter is not null
                    ? $"{gcAfter.Gen0 - gcBefore.Gen0}/{gcAfter.Gen1 - gcBefore.Gen1}/{gcAfter.Gen2 - gcBefore.Gen2}, {gcAfter.PauseMs - gcBefore.PauseMs:0.#} ms"
                    : "–",
                SrtpVerified = listeners.Sum(l => l.SrtpVerified) - srtpBefore.Item1,
                SrtpFailures = listeners.Sum(l => l.SrtpFailures) - srtpBefore.Item2,
                LoadGenCpuPercent = 100 * selfCpu / elapsed,
                HubMessagesPerListener = stormMessages?.Mean ?? double.NaN,
                HubMessagesMax = stormMessages?.Max ?? 0,
                JoinRoomP50Ms = Percentile(joinRoomMs, 0.50),
                JoinRoomP99Ms = Percentile(joinRoomMs, 0.99),
                ConnectMediaP50Ms = Percentile(connectMediaMs, 0.50),
                ConnectMediaP99Ms = Percentile(connectMediaMs, 0.99),
                ActiveSpeakersPerListenerSecond = hub is null || joined == 0 ? double.NaN : activeSpeakers / elapsed / joined,
                StageChanges = stageChanges is null ? 0 : options.StageChanges,
                StageChangeP50Ms = Percentile(stageMs, 0.50),
                StageChangeP99Ms = Percentile(stageMs, 0.99),
                StageChangeMissed = stageMissed,
                Error = failures > 0 ? $"{failures} joins failed" : null,
            };
        }
        finally
        {
            _pacing = false;
            publisher?.Dispose();
            foreach (var r in receivers)
            {
                r.Dispose();
            }
            await target.DisposeAsync();
            lock (_allLock)
            {
                foreach (var p in _all)
                {
                    p.Dispose();
                }
            }
            pacer.Join(1000);
        }
    }

    private BenchPeer NewPeer(int id, Receiver[] receivers)
    {
        var peer = new BenchPeer(id, target.PeerAddress, SharedCertificate, target.FullIce);
        receivers[id % receivers.Length].Add(peer);
        lock (_allLock)
        {
            _all.Add(peer);
        }
        return peer;
    }

    private async Task JoinListenerAsync(BenchPeer peer, SemaphoreSlim gate, ProgressTask bar, Action failed, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await target.JoinAsync(peer, speaker: false, cancellationToken);
            _pending.Enqueue(peer);
            await peer.FirstAudio.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            failed();
            if (Environment.GetEnvironmentVariable("LOADGEN_VERBOSE") is not null)
            {
                Console.Error.WriteLine($"listener {peer.Id}: {e.Message}");
            }
        }
        finally
        {
            gate.Release();
            bar.Increment(1);
        }
    }

    /// <summary>ICE checks every 50 ms until a peer connects (RFC 8445 §14.2), then consent every 5 s where needed.</summary>
    private void PaceIce()
    {
        var tick = 0L;
        var snapshot = new List<BenchPeer>();
        while (_pacing)
        {
            snapshot.Clear();
            lock (_allLock)
            {
                snapshot.AddRange(_all);
            }
            var consentTick = tick % 100 == 0;
            if (consentTick)
            {
                // RFC 7675 gives the server 30 s: a round more than that after the last one means
                // the load generator, not the server, let consent lapse. Recorded to tell them apart.
                var now = Stopwatch.GetTimestamp();
                if (_lastConsentRound != 0)
                {
                    LongestConsentGap = TimeSpan.FromTicks(Math.Max(LongestConsentGap.Ticks, Stopwatch.GetElapsedTime(_lastConsentRound, now).Ticks));
                }
                _lastConsentRound = now;
            }
            foreach (var peer in snapshot)
            {
                if (!peer.IceSucceeded || (consentTick && target.NeedsConsent))
                {
                    peer.SendCheck();
                }
            }
            tick++;
            Thread.Sleep(50);
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
