using System.Diagnostics;

namespace Parley.LoadGen;

/// <summary>
/// Waits for a .NET server's tiered compiler to go quiet before a window opens. A fresh server
/// process re-compiles its hot methods (ASP.NET Core, SignalR, Orleans, EF Core, the SFU) in the
/// background for tens of seconds after its first traffic; measured then, that one-off warm-up
/// would count as per-packet cost, which a server running for hours never pays. The thread is
/// the runtime's ".NET Tiered Compilation" worker (comm truncated to 15 characters, proc(5)).
/// A process without one (Janus) is quiet at once.
/// </summary>
internal static class JitQuiet
{
    private const string ThreadName = ".NET Tiered Com";

    /// <summary>
    /// Returns how long it waited: until the compiler used under 1 % of a core for 5 s in a row,
    /// at most <paramref name="limit"/>. Not 2 s: methods a timer calls once a second reach the
    /// tiering threshold (30 calls, then 30 more instrumented) only after a minute, in bursts.
    /// </summary>
    public static async Task<TimeSpan> WaitAsync(int pid, TimeSpan limit, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!IsDotNet(pid))
        {
            return TimeSpan.Zero;
        }
        var previous = CompilerCpuSeconds(pid);
        var quietSeconds = 0;
        while (clock.Elapsed < limit && quietSeconds < 5)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var now = CompilerCpuSeconds(pid);
            quietSeconds = now - previous < 0.0101 ? quietSeconds + 1 : 0;
            previous = now;
        }
        return clock.Elapsed;
    }

    private static bool IsDotNet(int pid)
    {
        try
        {
            return File.ReadLines($"/proc/{pid}/maps").Any(line => line.EndsWith("libcoreclr.so", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static double CompilerCpuSeconds(int pid) => ThreadCpu.ByName(pid).GetValueOrDefault(ThreadName);
}

