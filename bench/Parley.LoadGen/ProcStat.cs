using System.Globalization;

namespace Parley.LoadGen;

/// <summary>CPU time and resident memory of a process, from /proc (proc(5)).</summary>
internal static class ProcStat
{
    private const double ClockTicksPerSecond = 100; // sysconf(_SC_CLK_TCK) on Linux x86-64

    /// <summary>utime + stime in seconds.</summary>
    public static double CpuSeconds(int pid) => CpuSecondsOf(File.ReadAllText($"/proc/{pid}/stat"));

    /// <summary>utime + stime in seconds from the text of a process's or a thread's stat file.</summary>
    public static double CpuSecondsOf(string text)
    {
        var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ", field 3 (state) is rest[0]; utime is field 14, stime field 15.
        var utime = long.Parse(rest[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(rest[12], CultureInfo.InvariantCulture);
        return (utime + stime) / ClockTicksPerSecond;
    }

    /// <summary>VmRSS in bytes.</summary>
    public static long RssBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb * 1024;
            }
        }
        return 0;
    }
}
