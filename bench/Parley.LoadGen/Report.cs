using System.Globalization;
using System.Text;

namespace Parley.LoadGen;

/// <summary>The Markdown table and the PNG plot (CPU per packet and loss against N, both servers).</summary>
internal static class Report
{
    public static string Table(IReadOnlyList<RunResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine("| server | signaling | N | joined | fwd pkt/s | server CPU % | pkt per CPU-s | CPU µs/pkt | loss % | listeners > 0.1 % | delay p50 / p99 ms | join p50 / p99 ms | hub msgs per listener, mean / max | stage change p50 / p99 ms (missed) | RSS MiB | RSS/listener KiB | GC 0/1/2, pause | loadgen CPU % |");
        b.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in results)
        {
            if (r.Error is not null && r.Forwarded == 0)
            {
                b.AppendLine(c, $"| {r.Server} | {Dash(r.Signaling)} | {r.Listeners} | {r.Joined} | – | – | – | – | – | – | – | – | – | – | – | – | – | {r.Error} |");
                continue;
            }
            var messages = double.IsNaN(r.HubMessagesPerListener) ? "–" : string.Create(c, $"{r.HubMessagesPerListener:N1} / {r.HubMessagesMax:N0}");
            var stage = r.StageChanges == 0 ? "–" : string.Create(c, $"{r.StageChangeP50Ms:N1} / {r.StageChangeP99Ms:N1} ({r.StageChangeMissed})");
            b.AppendLine(c, $"| {r.Server} | {Dash(r.Signaling)} | {r.Listeners:N0} | {r.Joined:N0} | {r.Forwarded / r.WindowSeconds:N0} | {r.ServerCpuPercent:0.0} | {r.PacketsPerCpuSecond:N0} | {r.CpuMicrosPerPacket:0.00} | {r.LossPercent:0.000} | {r.ListenersOverTenthPercent} | {r.DelayP50Ms:0.00} / {r.DelayP99Ms:0.00} | {r.JoinP50Ms:N0} / {r.JoinP99Ms:N0} | {messages} | {stage} | {r.RssMiB:0.0} | {r.RssPerListenerKiB:0.0} | {r.Gc} | {r.LoadGenCpuPercent:0} |");
        }
        return b.ToString();
    }

    private static string Dash(string value) => value.Length == 0 ? "–" : value;

    /// <summary>Largest N at which a server held every listener joined and total loss under 0.1 %.</summary>
    public static int HeldAtTenthPercent(IEnumerable<RunResult> results, string server) =>
        results.Where(r => r.Server == server && r.Joined == r.Listeners && r.LossPercent < 0.1 && r.Forwarded > 0)
            .Select(r => r.Listeners).DefaultIfEmpty(0).Max();

    public static string Headline(IReadOnlyList<RunResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        foreach (var server in results.Select(r => r.Server).Distinct())
        {
            b.AppendLine(c, $"- {server}: held {HeldAtTenthPercent(results, server):N0} listeners at < 0.1 % loss (largest N run: {results.Where(r => r.Server == server).Max(r => r.Listeners):N0}).");
        }
        // The CPU ratio at each N both servers ran with a valid figure.
        var pairs = from p in results.Where(r => r.Server == "Parley" && r.Forwarded > 0)
                    join j in results.Where(r => r.Server == "Janus" && r.Forwarded > 0) on p.Listeners equals j.Listeners
                    select (p.Listeners, Ratio: p.CpuMicrosPerPacket / j.CpuMicrosPerPacket, P: p.CpuMicrosPerPacket, J: j.CpuMicrosPerPacket);
        foreach (var (n, ratio, p, j) in pairs)
        {
            b.AppendLine(c, $"- N = {n:N0}: Parley {p:0.00} µs per forwarded packet, Janus {j:0.00} µs: Parley uses {ratio:0.00}× Janus's CPU per packet ({1 / ratio:0.0}× fewer).");
        }
        return b.ToString();
    }

    public static void Plot(IReadOnlyList<RunResult> results, string path)
    {
        var plot = new ScottPlot.Plot();
        var colors = new Dictionary<string, ScottPlot.Color> { ["Parley"] = ScottPlot.Colors.Blue, ["Janus"] = ScottPlot.Colors.OrangeRed };
        foreach (var server in results.Select(r => r.Server).Distinct())
        {
            var rows = results.Where(r => r.Server == server && r.Forwarded > 0).OrderBy(r => r.Listeners).ToArray();
            if (rows.Length == 0)
            {
                continue;
            }
            var xs = rows.Select(r => (double)r.Listeners).ToArray();
            var color = colors.GetValueOrDefault(server, ScottPlot.Colors.Gray);
            var cpu = plot.Add.Scatter(xs, rows.Select(r => r.CpuMicrosPerPacket).ToArray());
            cpu.LegendText = $"{server} CPU µs / packet";
            cpu.Color = color;
            cpu.LineWidth = 2;
            var loss = plot.Add.Scatter(xs, rows.Select(r => r.LossPercent).ToArray());
            loss.LegendText = $"{server} loss % (right)";
            loss.Color = color;
            loss.LinePattern = ScottPlot.LinePattern.Dashed;
            loss.Axes.YAxis = plot.Axes.Right;
        }
        plot.Title("Fan-out: 1 Opus speaker (32 kbit/s, 20 ms) to N listeners, same machine");
        plot.XLabel("listeners (N)");
        plot.YLabel("server CPU µs per forwarded packet");
        plot.Axes.Right.Label.Text = "loss %";
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.SavePng(path, 1000, 560);
    }
}
