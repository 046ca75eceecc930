using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Parley.Media.Dtls;
using Parley.Media.Ice;

namespace Parley.LoadGen;

/// <summary>A server under test: its process, and the signaling that joins a peer to the room.</summary>
internal interface IServerTarget : IAsyncDisposable
{
    string Name { get; }

    /// <summary>PID of the server process, for /proc CPU and RSS.</summary>
    int ProcessId { get; }

    /// <summary>Address the peers bind to (the server's candidate must be reachable from it).</summary>
    IPAddress PeerAddress { get; }

    bool FullIce { get; }

    /// <summary>Consent checks keep an ICE-lite SFU's peers alive (RFC 7675).</summary>
    bool NeedsConsent { get; }

    Task StartAsync(CancellationToken cancellationToken);

    Task JoinAsync(BenchPeer peer, bool speaker, CancellationToken cancellationToken);

    /// <summary>GC counters of the server (Parley), null when it has none.</summary>
    Task<GcSnapshot?> GcAsync();
}

internal sealed record GcSnapshot(int Gen0, int Gen1, int Gen2, double PauseMs, long AllocatedBytes);

/// <summary>The minimal SDP reading both servers need: ICE credentials, fingerprint, host candidate, payload types, mid.</summary>
internal sealed record RemoteSdp(string Ufrag, string Pwd, DtlsFingerprint Fingerprint, IPEndPoint Candidate, int OpusPt, int AudioLevelId, string Mid)
{
    public static RemoteSdp Parse(string sdp, AddressFamily family)
    {
        string? ufrag = null, pwd = null, mid = null;
        DtlsFingerprint? fingerprint = null;
        IPEndPoint? candidate = null;
        int opus = 111, level = 0;
        foreach (var raw in sdp.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("a=ice-ufrag:", StringComparison.Ordinal))
            {
                ufrag ??= line[12..];
            }
            else if (line.StartsWith("a=ice-pwd:", StringComparison.Ordinal))
            {
                pwd ??= line[10..];
            }
            else if (line.StartsWith("a=fingerprint:", StringComparison.Ordinal))
            {
                fingerprint ??= DtlsFingerprint.Parse(line[14..]);
            }
            else if (line.StartsWith("a=mid:", StringComparison.Ordinal))
            {
                mid ??= line[6..];
            }
            else if (line.StartsWith("a=rtpmap:", StringComparison.Ordinal) && line.Contains("opus/48000", StringComparison.OrdinalIgnoreCase))
            {
                opus = int.Parse(line[9..line.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("a=extmap:", StringComparison.Ordinal) && line.Contains("ssrc-audio-level", StringComparison.Ordinal))
            {
                var id = line[9..line.IndexOf(' ', StringComparison.Ordinal)].Split('/')[0];
                level = int.Parse(id, CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("a=candidate:", StringComparison.Ordinal) && candidate is null)
            {
                var f = line.Split(' ');
                if (f.Length >= 8 && f[2].Equals("udp", StringComparison.OrdinalIgnoreCase) && f[7] == "host"
                    && IPAddress.TryParse(f[4], out var address) && address.AddressFamily == family)
                {
                    candidate = new IPEndPoint(address, int.Parse(f[5], CultureInfo.InvariantCulture));
                }
            }
        }
        if (ufrag is null || pwd is null || fingerprint is null || candidate is null)
        {
            throw new InvalidOperationException("The remote SDP lacks ICE credentials, a fingerprint or a host candidate:\n" + sdp);
        }
        return new RemoteSdp(ufrag, pwd, fingerprint, candidate, opus, level, mid ?? "0");
    }

    public void ApplyTo(BenchPeer peer)
    {
        peer.RtpPayloadType = OpusPt;
        peer.AudioLevelExtensionId = AudioLevelId;
        peer.SetRemote(Candidate, new IceCredentials(Ufrag, Pwd), Fingerprint);
    }
}

/// <summary>Starts and stops a server process by PID, pinned with taskset.</summary>
internal static class ServerProcess
{
    /// <summary>
    /// Starts <paramref name="file"/> (under taskset when <paramref name="cpus"/> is set), logging
    /// both streams to <paramref name="logPath"/>; <paramref name="onLine"/> sees every line of
    /// standard output (the Parley server prints its admin invite there) and
    /// <paramref name="workingDirectory"/> is the content root (where appsettings.json is).
    /// </summary>
    public static Process Start(
        string file, IEnumerable<string> arguments, string? cpus, string logPath, IEnumerable<string>? environment = null, Action<string>? onLine = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo
        {
            FileName = cpus is null ? file : "taskset",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? "",
        };
        if (cpus is not null)
        {
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(cpus);
            info.ArgumentList.Add(file);
        }
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var pair in environment ?? [])
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            info.Environment[pair[..eq]] = pair[(eq + 1)..];
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.WriteLine(e.Data);
                }
                onLine?.Invoke(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (log) { log.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task StopAsync(Process? process)
    {
        if (process is null || process.HasExited)
        {
            return;
        }
        // taskset execs the server, so this PID is the server's own.
        process.Kill(entireProcessTree: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
