using System.Globalization;

namespace Parley.LoadGen;

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
                    totals[name] = totals.GetValueOrDefault(name) + ProcStat.CpuSecondsOf(File.ReadAllText(Path.Combine(task, "stat")));
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
