using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Parley.Server.Data;
using Parley.Server.Media;

namespace Parley.Server.Api;

/// <summary>
/// <c>GET /api/v1/admin/runtime</c>: the process's own figures for an operator (and the fan-out
/// benchmark): garbage collections and pause time, allocation, memory, threads and CPU. Read in
/// process, so asking costs nothing while nobody asks (an EventPipe session would perturb the
/// runtime it watches). Admins only: it tells an attacker how loaded the node is.
/// </summary>
internal static class RuntimeApi
{
    public static RouteGroupBuilder MapRuntimeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/admin/runtime", GetAsync).WithTags("Admin");
        return api;
    }

    internal static async Task<Results<Ok<RuntimeView>, ProblemHttpResult>> GetAsync(ClaimsPrincipal caller, ParleyDbContext db, MediaHost media, CancellationToken cancellationToken)
    {
        var userId = caller.UserId();
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsAdmin, cancellationToken))
        {
            return Problems.Forbidden("Only admins may see the runtime's figures.");
        }
        using var process = Process.GetCurrentProcess();
        var memory = GC.GetGCMemoryInfo();
        return TypedResults.Ok(new RuntimeView(
            Environment.ProcessId,
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds,
            GC.GetTotalAllocatedBytes(),
            memory.HeapSizeBytes,
            process.WorkingSet64,
            process.TotalProcessorTime.TotalSeconds,
            ThreadPool.ThreadCount,
            ThreadPool.CompletedWorkItemCount,
            Environment.ProcessorCount,
            media.DropsByReason.Where(d => d.Value > 0).ToDictionary(),
            media.ClosesByReason.Where(c => c.Value > 0).ToDictionary()));
    }
}

/// <summary>The runtime's figures since the process started.</summary>
/// <param name="ProcessId">The server's process id.</param>
/// <param name="Gen0Collections">Generation 0 collections.</param>
/// <param name="Gen1Collections">Generation 1 collections.</param>
/// <param name="Gen2Collections">Generation 2 (full) collections.</param>
/// <param name="GcPauseMilliseconds">Total time the GC paused the process.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap.</param>
/// <param name="HeapBytes">Managed heap size at the last collection.</param>
/// <param name="WorkingSetBytes">Resident memory.</param>
/// <param name="CpuSeconds">User + system CPU.</param>
/// <param name="ThreadPoolThreads">Thread-pool threads now.</param>
/// <param name="ThreadPoolWorkItems">Work items the pool has completed.</param>
/// <param name="ProcessorCount">CPUs the process may run on.</param>
/// <param name="MediaDrops">Datagrams the SFU dropped, by reason (only reasons that happened).</param>
/// <param name="MediaCloses">Media sessions closed, by reason (ConsentExpired: the peer stopped answering, RFC 7675).</param>
public sealed record RuntimeView(
    int ProcessId,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseMilliseconds,
    long AllocatedBytes,
    long HeapBytes,
    long WorkingSetBytes,
    double CpuSeconds,
    int ThreadPoolThreads,
    long ThreadPoolWorkItems,
    int ProcessorCount,
    IReadOnlyDictionary<string, long> MediaDrops,
    IReadOnlyDictionary<string, long> MediaCloses);
