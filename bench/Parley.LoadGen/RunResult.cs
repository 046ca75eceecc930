namespace Parley.LoadGen;

/// <summary>One server at one listener count.</summary>
internal sealed record RunResult
{
    public required string Server { get; init; }
    public required int Listeners { get; init; }
    /// <summary>How Parley's peers were signaled: hub (the real server) or sfuhost; empty for Janus.</summary>
    public string Signaling { get; init; } = "";
    public int Speakers { get; init; }
    public int Joined { get; init; }
    public double WindowSeconds { get; init; }
    public long Forwarded { get; init; }
    public double ServerCpuSeconds { get; init; }
    public double ServerCpuPercent => WindowSeconds > 0 ? 100 * ServerCpuSeconds / WindowSeconds : 0;
    public double PacketsPerCpuSecond => ServerCpuSeconds > 0 ? Forwarded / ServerCpuSeconds : double.NaN;
    public double CpuMicrosPerPacket => Forwarded > 0 ? ServerCpuSeconds * 1e6 / Forwarded : double.NaN;
    public double LossPercent { get; init; }
    public int ListenersOverTenthPercent { get; init; }
    public double WorstListenerLossPercent { get; init; }
    public double DelayP50Ms { get; init; }
    public double DelayP99Ms { get; init; }
    public double JoinP50Ms { get; init; }
    public double JoinP99Ms { get; init; }
    public double RssMiB { get; init; }
    public double RssPerListenerKiB { get; init; }
    public string Gc { get; init; } = "–";
    public long SrtpVerified { get; init; }
    public long SrtpFailures { get; init; }
    public double LoadGenCpuPercent { get; init; }
    /// <summary>Hub only: RoomEvent messages a listener received from the storm's start to the window (mean, max).</summary>
    public double HubMessagesPerListener { get; init; } = double.NaN;
    public long HubMessagesMax { get; init; }
    /// <summary>Hub only: the listeners' JoinRoom and ConnectMedia calls, the hub's part of the join time.</summary>
    public double JoinRoomP50Ms { get; init; } = double.NaN;
    public double JoinRoomP99Ms { get; init; } = double.NaN;
    public double ConnectMediaP50Ms { get; init; } = double.NaN;
    public double ConnectMediaP99Ms { get; init; } = double.NaN;
    /// <summary>Hub only: <c>ActiveSpeakers</c> messages per listener and second of the window.</summary>
    public double ActiveSpeakersPerListenerSecond { get; init; } = double.NaN;
    /// <summary>Hub only: a stage change's call to each listener's receipt of its version, over all listeners and changes.</summary>
    public double StageChangeP50Ms { get; init; } = double.NaN;
    public double StageChangeP99Ms { get; init; } = double.NaN;
    public int StageChanges { get; init; }
    /// <summary>Receipts of a stage change that did not come within 10 s.</summary>
    public int StageChangeMissed { get; init; }
    /// <summary>The server's CPU in the window by thread name, busiest first (where a .NET server's time goes).</summary>
    public string? ServerThreads { get; init; }

    public string? Error { get; init; }
}
