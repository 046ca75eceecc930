using System.Diagnostics;
using System.Globalization;

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

    private static double CompilerCpuSeconds(int pid)
    {
        double total = 0;
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n') != ThreadName)
                    {
                        continue;
                    }
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    total += (long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture)) / 100.0;
                }
                catch (IOException)
                {
                    // The thread ended between listing and reading: the runtime retires an idle compiler thread.
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
        }
        return total;
    }
}

/// <summary>CPU seconds of a process's threads grouped by thread name (comm), from /proc/PID/task (proc(5)).</summary>
internal static class ThreadCpu
{
    public static Dictionary<string, double> ByName(int pid)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    var name = File.ReadAllText(Path.Combine(task, "comm")).TrimEnd('\n');
                    var stat = File.ReadAllText(Path.Combine(task, "stat"));
                    var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    var seconds = (long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture)) / 100.0;
                    totals[name] = totals.GetValueOrDefault(name) + seconds;
                }
                catch (IOException)
                {
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
        }
        return totals;
    }

    /// <summary>"name 12.3 %, …" for the threads that used at least 0.5 % of a core over <paramref name="seconds"/>, busiest first.</summary>
    public static string Describe(Dictionary<string, double> before, Dictionary<string, double> after, double seconds) =>
        string.Join(", ", after
            .Select(kv => (Name: kv.Key, Percent: (kv.Value - before.GetValueOrDefault(kv.Key)) / seconds * 100))
            .Where(t => t.Percent >= 0.5)
            .OrderByDescending(t => t.Percent)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Percent:0.0} %")));
}
