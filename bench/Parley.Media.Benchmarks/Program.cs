using System.Diagnostics;
using BenchmarkDotNet.Running;
using Parley.Media.Benchmarks;

if (args is ["dtls-cpu", var countText])
{
    // CPU of both sides per handshake (process CPU over many handshakes, after a warm-up):
    // BenchmarkDotNet times wall clock, and the two sides overlap on two cores.
    var bench = new DtlsHandshakeBenchmarks();
    for (var i = 0; i < 20; i++)
    {
        await bench.Handshake();
    }
    var count = int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture);
    var process = Process.GetCurrentProcess();
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await bench.Handshake();
    }
    process.Refresh();
    Console.WriteLine($"DTLS handshake, both sides: {(process.TotalProcessorTime - cpu).TotalMilliseconds / count:F2} ms CPU, {wall.Elapsed.TotalMilliseconds / count:F2} ms wall, over {count}");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
