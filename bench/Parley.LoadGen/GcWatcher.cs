using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Parley.LoadGen;

/// <summary>
/// Counts a .NET process's garbage collections and their pause time from the runtime's own GC
/// events, over EventPipe on the process's diagnostics socket (what dotnet-trace does), so a
/// server that exposes no metrics endpoint is measured without changing it. A pause is
/// GCSuspendEEBegin to GCRestartEEEnd (every thread stopped). EventPipe delivers in batches, so a
/// snapshot may lag the process by a fraction of a second.
/// </summary>
internal sealed class GcWatcher : IDisposable
{
    private readonly Lock _lock = new();
    private readonly EventPipeSession _session;
    private readonly EventPipeEventSource _source;
    private readonly Task _processing;
    private readonly int[] _collections = new int[3];
    private double _pauseMs;
    private double _suspendedAt = double.NaN;

    private GcWatcher(int pid)
    {
        var client = new DiagnosticsClient(pid);
        _session = client.StartEventPipeSession(
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.GC),
            requestRundown: false);
        _source = new EventPipeEventSource(_session.EventStream);
        _source.Clr.GCStart += OnStart;
        _source.Clr.GCSuspendEEStart += e => _suspendedAt = e.TimeStampRelativeMSec;
        _source.Clr.GCRestartEEStop += OnRestarted;
        _processing = Task.Run(() => _source.Process());
    }

    /// <summary>Starts watching, or null when the process has no diagnostics socket (not .NET, or disabled).</summary>
    public static GcWatcher? TryStart(int pid)
    {
        try
        {
            return new GcWatcher(pid);
        }
        catch (Exception e) when (e is ServerNotAvailableException or UnsupportedCommandException or IOException or TimeoutException)
        {
            Console.Error.WriteLine($"No GC events from process {pid}: {e.Message}");
            return null;
        }
    }

    public GcSnapshot Snapshot()
    {
        lock (_lock)
        {
            return new GcSnapshot(_collections[0], _collections[1], _collections[2], _pauseMs, 0);
        }
    }

    private void OnStart(GCStartTraceData e)
    {
        lock (_lock)
        {
            _collections[Math.Clamp(e.Depth, 0, 2)]++;
        }
    }

    private void OnRestarted(GCNoUserDataTraceData e)
    {
        lock (_lock)
        {
            if (!double.IsNaN(_suspendedAt))
            {
                _pauseMs += e.TimeStampRelativeMSec - _suspendedAt;
                _suspendedAt = double.NaN;
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _session.Stop();
        }
        catch (Exception e) when (e is ServerNotAvailableException or IOException or TimeoutException)
        {
            // The process is gone already.
        }
        _processing.Wait(TimeSpan.FromSeconds(5));
        _source.Dispose();
        _session.Dispose();
    }
}
